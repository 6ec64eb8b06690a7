/** The commitments API as the browser app uses it. */
import { useQuery } from '@tanstack/react-query';
import type {
  Commitment,
  CommitmentCreate,
  CommitmentQuery,
  CommitmentSummary,
  CommitmentUpdate,
  ImportResult,
  LinkChange,
  OverdueSummary,
  StatusChange,
} from '../../src/commitments/schema.ts';
import type { ResponsePointCreate, ResponsePoints } from '../../src/commitments/from-response-schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { api, qs } from '../lib/api.ts';

export const commitmentKey = (id: string) => ['commitments', id] as const;
export const fetchCommitment = (id: string) => api<Commitment>('GET', `/api/commitments/${id}`);

export function useCommitment(id: string) {
  return useQuery({ queryKey: commitmentKey(id), queryFn: () => fetchCommitment(id) });
}

export function useCommitments(q: Partial<CommitmentQuery>) {
  return useQuery({
    queryKey: ['commitments', 'list', q],
    queryFn: () => api<Page<CommitmentSummary>>('GET', `/api/commitments${qs({ pageSize: 25, ...q })}`),
    placeholderData: (prev) => prev,
  });
}

export function useOverdueCommitments() {
  return useQuery({
    queryKey: ['commitments', 'overdue'],
    queryFn: () => api<OverdueSummary>('GET', '/api/commitments/overdue'),
  });
}

type Sent<T> = { [K in keyof T]?: T[K] };

export const createCommitment = (body: Sent<CommitmentCreate>) =>
  api<Commitment>('POST', '/api/commitments', body);
export const updateCommitment = (id: string, body: CommitmentUpdate) =>
  api<Commitment>('PATCH', `/api/commitments/${id}`, body);
export const setCommitmentStatus = (id: string, body: Sent<StatusChange>) =>
  api<Commitment>('POST', `/api/commitments/${id}/status`, body);
export const addCommitmentLink = (id: string, body: LinkChange) =>
  api<Commitment>('POST', `/api/commitments/${id}/links`, body);
export const removeCommitmentLink = (
  c: Pick<Commitment, 'id' | 'version'>,
  kind: LinkChange['kind'],
  targetId: string,
) =>
  api<Commitment>(
    'DELETE',
    `/api/commitments/${c.id}/links/${kind}/${targetId}${qs({ version: c.version })}`,
  );
/** The file as it is: JSON is parsed by the server, XML read as a SyncFeed. */
export const importTweedeKamer = (file: File) => api<ImportResult>('POST', '/api/commitments/import', file);

export const responsePointsKey = (letterId: string) => ['commitments', 'response-points', letterId] as const;
export function useResponsePoints(letterId: string) {
  return useQuery({
    queryKey: responsePointsKey(letterId),
    queryFn: () => api<ResponsePoints>('GET', `/api/letters/${letterId}/response-points`),
  });
}
export const registerResponsePoint = (letterId: string, body: Sent<ResponsePointCreate>) =>
  api<Commitment>('POST', `/api/letters/${letterId}/response-points`, body);
