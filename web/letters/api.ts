/** The document workspace and Woo API as the browser app uses it: the queries, their keys and the requests. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutgoingKind } from '../../src/letters/kinds.ts';
import type {
  Comparison,
  OutgoingState,
  VersionSummary,
  WorkspaceDocument,
  WorkspaceSummary,
} from '../../src/letters/workspace-schema.ts';
import type {
  PublicDocument,
  PublicDocumentSummary,
  RedactionReview,
} from '../../src/woo/publication-schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { api, qs } from '../lib/api.ts';

export const lettersKey = ['letters'] as const;
export const letterKey = (id: string) => ['letters', id] as const;
export const versionsKey = (id: string) => ['letters', id, 'versions'] as const;
export const reviewKey = (id: string) => ['letters', id, 'redactions'] as const;

export const letterPath = (id: string) => `/api/letters/${encodeURIComponent(id)}`;

export function useLetters(q: {
  kind?: OutgoingKind | undefined;
  state?: OutgoingState | undefined;
  page: number;
}) {
  return useQuery({
    queryKey: [...lettersKey, 'list', q],
    queryFn: () => api<Page<WorkspaceSummary>>('GET', `/api/letters${qs({ ...q, pageSize: 50 })}`),
    placeholderData: (prev) => prev,
  });
}

/** The kinds of document the user may create, as the server's policy says. */
export function useLetterKinds() {
  return useQuery({
    queryKey: [...lettersKey, 'kinds'],
    queryFn: () => api<{ kinds: OutgoingKind[] }>('GET', '/api/letters/kinds'),
  });
}

export function useLetter(id: string, enabled = true) {
  return useQuery({
    queryKey: letterKey(id),
    queryFn: () => api<WorkspaceDocument>('GET', letterPath(id)),
    enabled,
  });
}

export function useVersions(id: string) {
  return useQuery({
    queryKey: versionsKey(id),
    queryFn: () => api<VersionSummary[]>('GET', `${letterPath(id)}/versions`),
  });
}

export const fetchComparison = (id: string, from: number, to: number) =>
  api<Comparison>('GET', `${letterPath(id)}/compare${qs({ from, to })}`);

export function useReview(id: string, enabled = true) {
  return useQuery({
    queryKey: reviewKey(id),
    queryFn: () => api<RedactionReview>('GET', `${letterPath(id)}/redactions`),
    enabled,
  });
}

/**
 * Sends a change of the document and keeps the page's copy, the list and the versions up to date:
 * every change of the document saves a version, and may make the redaction list stale.
 */
export function useSaveLetter(id: string) {
  const qc = useQueryClient();
  return async <T extends WorkspaceDocument | { document: WorkspaceDocument } = WorkspaceDocument>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const result = await api<T>(method, `${letterPath(id)}${path}`, body);
    const doc = 'document' in result ? result.document : result;
    qc.setQueryData(letterKey(id), doc);
    await qc.invalidateQueries({ queryKey: versionsKey(id) });
    await qc.invalidateQueries({ queryKey: reviewKey(id) });
    await qc.invalidateQueries({ queryKey: [...lettersKey, 'list'] });
    return result;
  };
}

export function usePublicLetters(page: number) {
  return useQuery({
    queryKey: ['public-letters', page],
    queryFn: () =>
      api<Page<PublicDocumentSummary>>('GET', `/api/public/letters${qs({ page, pageSize: 50 })}`),
    placeholderData: (prev) => prev,
  });
}

export function usePublicLetter(id: string) {
  return useQuery({
    queryKey: ['public-letters', 'one', id],
    queryFn: () => api<PublicDocument>('GET', `/api/public/letters/${encodeURIComponent(id)}`),
  });
}
