/** What a commitment can point to: documents, the letters of the workspace, actions (as select options). */
import { useQuery } from '@tanstack/react-query';
import type { ActionSummary } from '../../src/actions/schema.ts';
import type { Document } from '../../src/documents/schema.ts';
import type { WorkspaceSummary } from '../../src/letters/workspace-schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { api } from '../lib/api.ts';

export function useDocumentChoices() {
  return useQuery({
    queryKey: ['commitments', 'choices', 'documents'],
    queryFn: () => api<Page<Document>>('GET', '/api/documents?pageSize=200'),
    select: (p) =>
      p.items.map((d) => ({ value: d.id, label: d.symbol ? `${d.symbol}: ${d.title}` : d.title })),
  });
}

export function useLetterChoices() {
  return useQuery({
    queryKey: ['commitments', 'choices', 'letters'],
    queryFn: () => api<Page<WorkspaceSummary>>('GET', '/api/letters?pageSize=200'),
    select: (p) =>
      p.items.map((l) => ({ value: l.id, label: l.kamerstuk ? `${l.title} (${l.kamerstuk})` : l.title })),
  });
}

export function useActionChoices() {
  return useQuery({
    queryKey: ['commitments', 'choices', 'actions'],
    queryFn: () => api<Page<ActionSummary>>('GET', '/api/actions?pageSize=200'),
    select: (p) => p.items.map((a) => ({ value: a.id, label: a.title })),
  });
}
