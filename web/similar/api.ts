/** Similar recommendations and cluster proposals as the browser app uses them, with their texts. */
import { useQuery } from '@tanstack/react-query';
import type { ProposalList, SimilarList } from '../../src/similar/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { similarEn } from '../i18n/similar-en.ts';
import { similarNl } from '../i18n/similar-nl.ts';
import { api } from '../lib/api.ts';

/** The texts of this feature in the user's language. */
export function useSimilarTexts() {
  return useI18n().lang === 'en' ? similarEn : similarNl;
}

export function useSimilar(id: string) {
  return useQuery({
    queryKey: ['recommendations', id, 'similar'],
    queryFn: () => api<SimilarList>('GET', `/api/recommendations/${id}/similar`),
  });
}

export const proposalsKey = ['clusters', 'proposals'] as const;

export function useClusterProposals() {
  return useQuery({
    queryKey: proposalsKey,
    queryFn: () => api<ProposalList>('GET', '/api/similar/cluster-proposals'),
  });
}
