/** Publishing the follow-up as the browser app uses it: the requests, the public read and the texts. */
import { useQuery } from '@tanstack/react-query';
import type {
  FollowUpPublication,
  PublicFollowUp,
  PublishResult,
  PublishSelection,
} from '../../src/followup/publish-schema.ts';
import { useI18n } from '../i18n/index.tsx';
import { publishEn } from '../i18n/publish-en.ts';
import { publishNl } from '../i18n/publish-nl.ts';
import { api } from '../lib/api.ts';

/** The texts of publishing in the user's language. */
export function usePublishTexts() {
  return useI18n().lang === 'en' ? publishEn : publishNl;
}

export const publicFollowUpKey = (id: string) => ['public-followup', id] as const;

/** The published follow-up of a recommendation (only asked when the recommendation says it is published). */
export function usePublicFollowUp(id: string, enabled: boolean) {
  return useQuery({
    queryKey: publicFollowUpKey(id),
    queryFn: () => api<PublicFollowUp>('GET', `/api/public/recommendations/${id}/followup`),
    enabled,
  });
}

export const publishOne = (id: string, publish: boolean) =>
  api<FollowUpPublication>('POST', `/api/recommendations/${id}/followup/${publish ? 'publish' : 'withdraw'}`);

export const publishMany = (body: PublishSelection, publish: boolean) =>
  api<PublishResult>('POST', `/api/followup/${publish ? 'publish' : 'withdraw'}`, body);
