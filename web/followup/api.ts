/** The follow-up API as the browser app uses it: the queries, their keys and the requests that change them. */
import { useQuery } from '@tanstack/react-query';
import type {
  BulkAssign,
  BulkAssignResult,
  FollowUp,
  PositionInput,
  ProgressCreate,
  ProgressEdit,
  ProgressFile,
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

/** What a progress update is written on: a recommendation, a cluster (it counts for each member) or an action. */
export interface ProgressSubject {
  kind: 'recommendation' | 'cluster' | 'action';
  id: string;
}

const SUBJECT_PATH = { recommendation: 'recommendations', cluster: 'clusters', action: 'actions' } as const;

/** The cache key of a subject's progress list (all under ['followup'], which every save refreshes). */
export const subjectProgressKey = (s: ProgressSubject) =>
  s.kind === 'recommendation' ? progressKey(s.id) : (['followup', s.kind, s.id, 'progress'] as const);

export const fetchProgress = (s: ProgressSubject) =>
  api<ProgressUpdate[]>('GET', `/api/${SUBJECT_PATH[s.kind]}/${s.id}/progress`);

export const createProgress = (s: ProgressSubject, body: ProgressCreate) =>
  api<ProgressUpdate>('POST', `/api/${SUBJECT_PATH[s.kind]}/${s.id}/progress`, body);

export const editProgress = (id: string, body: ProgressEdit) =>
  api<ProgressUpdate>('PATCH', `/api/progress-updates/${id}`, body);

export const deleteProgress = (u: Pick<ProgressUpdate, 'id' | 'version'>) =>
  api<void>('DELETE', `/api/progress-updates/${u.id}${qs({ version: u.version })}`);

export const approveProgress = (u: Pick<ProgressUpdate, 'id' | 'version'>) =>
  api<ProgressUpdate>('POST', `/api/progress-updates/${u.id}/approve`, { version: u.version });

/** Attaches files to a draft as evidence (multipart); answers all its files. */
export function uploadProgressFiles(id: string, files: readonly File[]) {
  const data = new FormData();
  for (const f of files) data.append('files', f, f.name);
  return api<ProgressFile[]>('POST', `/api/progress-updates/${id}/files`, data);
}

/** Where a file of a progress update is downloaded. */
export const progressFileUrl = (updateId: string, fileId: string) =>
  `/api/progress-updates/${updateId}/files/${fileId}`;

export const deleteProgressFile = (updateId: string, fileId: string) =>
  api<void>('DELETE', progressFileUrl(updateId, fileId));
