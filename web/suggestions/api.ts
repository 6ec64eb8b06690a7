/** The suggestions API as the browser app uses it: the queries, their keys and the decisions. */
import { useQuery } from '@tanstack/react-query';
import type {
  ImportSuggestions,
  ImportTagResult,
  RecommendationSuggestions,
  SuggestionDecision,
  SuggestionDecisionInput,
} from '../../src/suggestions/schema.ts';
import { api, qs } from '../lib/api.ts';

export const suggestionsKey = (recommendationId: string) =>
  ['suggestions', 'recommendation', recommendationId] as const;
export const importSuggestionsKey = (importId: string) => ['suggestions', 'import', importId] as const;

export function useSuggestions(recommendationId: string, enabled: boolean) {
  return useQuery({
    queryKey: suggestionsKey(recommendationId),
    queryFn: () =>
      api<RecommendationSuggestions>('GET', `/api/recommendations/${recommendationId}/suggestions`),
    enabled,
  });
}

export function useImportSuggestions(importId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...importSuggestionsKey(importId), { page, pageSize }],
    queryFn: () =>
      api<ImportSuggestions>('GET', `/api/imports/${importId}/suggestions${qs({ page, pageSize })}`),
    placeholderData: (prev) => prev,
  });
}

export const decideSuggestion = (recommendationId: string, body: SuggestionDecisionInput) =>
  api<SuggestionDecision>('POST', `/api/recommendations/${recommendationId}/suggestions`, body);

export const tagImport = (importId: string, modelVersion: string) =>
  api<ImportTagResult>('POST', `/api/imports/${importId}/suggestions/accept`, { modelVersion });
