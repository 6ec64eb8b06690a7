/** The follow-up API as the browser app uses it: the queries, their keys and the requests that change them. */
import { useQuery } from '@tanstack/react-query';
import type {
  BulkAssign,
  BulkAssignResult,
  FollowUp,
  PositionInput,
  ProgressCreate,
  ProgressEdit,
  ProgressUpdate,
  ResponsibilityInput,
  Worklist,
  WorklistView,
} from '../../src/followup/schema.ts';
import { api, qs } from '../lib/api.ts';

export const followUpKey = (id: string) => ['followup', id] as const;
export const progressKey = (id: string) => ['followup', id, 'progress'] as const;

export const fetchFollowUp = (id: string) => api<FollowUp>('GET', `/api/recommendations/${id}/followup`);

export function useFollowUp(id: string) {
  return useQuery({ queryKey: followUpKey(id), queryFn: () => fetchFollowUp(id) });
}

export function useWorklist(q: { organisationId?: string | undefined; view: WorklistView; page: number }) {
  return useQuery({
    queryKey: ['followup', 'worklist', q],
    queryFn: () => api<Worklist>('GET', `/api/followup/worklist${qs({ ...q, pageSize: 25 })}`),
    placeholderData: (prev) => prev,
  });
}

/** The input as sent: the schemas fill their defaults on the server. */
type Sent<T> = { [K in keyof T]?: T[K] } & Partial<T>;

export const savePosition = (id: string, body: PositionInput) =>
  api<FollowUp>('PATCH', `/api/recommendations/${id}/position`, body);

export const saveResponsibility = (id: string, body: ResponsibilityInput) =>
  api<FollowUp>('PATCH', `/api/recommendations/${id}/responsibility`, body);

export const assignMany = (body: Sent<BulkAssign>) =>
  api<BulkAssignResult>('POST', '/api/followup/assign', body);

export const createProgress = (id: string, body: ProgressCreate) =>
  api<ProgressUpdate>('POST', `/api/recommendations/${id}/progress`, body);

export const editProgress = (id: string, body: ProgressEdit) =>
  api<ProgressUpdate>('PATCH', `/api/progress-updates/${id}`, body);

export const deleteProgress = (u: Pick<ProgressUpdate, 'id' | 'version'>) =>
  api<void>('DELETE', `/api/progress-updates/${u.id}${qs({ version: u.version })}`);

export const approveProgress = (u: Pick<ProgressUpdate, 'id' | 'version'>) =>
  api<ProgressUpdate>('POST', `/api/progress-updates/${u.id}/approve`, { version: u.version });
