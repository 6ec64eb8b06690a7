/** The Human Rights Council API as the browser app uses it. */
import { useQuery } from '@tanstack/react-query';
import type {
  PledgeCreate,
  PriorityCreate,
  PriorityUpdate,
  ResolutionCreate,
  ResolutionUpdate,
  ResultCreate,
  ResultUpdate,
  Term,
  TermCreate,
  TermList,
  TermUpdate,
} from '../../src/hrc/schema.ts';
import { api } from '../lib/api.ts';

type Sent<T> = { [K in keyof T]?: T[K] };

export const termKey = (id: string) => ['hrc', 'terms', id] as const;
export const useTerms = () =>
  useQuery({ queryKey: ['hrc', 'terms'], queryFn: () => api<TermList>('GET', '/api/hrc/terms') });
export const useTerm = (id: string) =>
  useQuery({ queryKey: termKey(id), queryFn: () => api<Term>('GET', `/api/hrc/terms/${id}`) });

export const createTerm = (body: Sent<TermCreate>) => api<Term>('POST', '/api/hrc/terms', body);
export const addPriority = (id: string, body: Sent<PriorityCreate>) =>
  api<Term>('POST', `/api/hrc/terms/${id}/priorities`, body);
export const addPledge = (id: string, body: Sent<PledgeCreate>) =>
  api<Term>('POST', `/api/hrc/terms/${id}/pledges`, body);
export const addResolution = (id: string, body: Sent<ResolutionCreate>) =>
  api<Term>('POST', `/api/hrc/terms/${id}/resolutions`, body);
export const addResult = (id: string, body: Sent<ResultCreate>) =>
  api<Term>('POST', `/api/hrc/terms/${id}/results`, body);

export const updateTerm = (id: string, body: Sent<TermUpdate>) =>
  api<Term>('PATCH', `/api/hrc/terms/${id}`, body);
export const updatePriority = (id: string, body: Sent<PriorityUpdate>) =>
  api<Term>('PATCH', `/api/hrc/priorities/${id}`, body);
export const deletePriority = (id: string, version: number) =>
  api<Term>('DELETE', `/api/hrc/priorities/${id}?version=${version}`);
export const updateResolution = (id: string, body: Sent<ResolutionUpdate>) =>
  api<Term>('PATCH', `/api/hrc/resolutions/${id}`, body);
export const deleteResolution = (id: string, version: number) =>
  api<Term>('DELETE', `/api/hrc/resolutions/${id}?version=${version}`);
export const updateResult = (id: string, body: Sent<ResultUpdate>) =>
  api<Term>('PATCH', `/api/hrc/results/${id}`, body);
export const deleteResult = (id: string, version: number) =>
  api<Term>('DELETE', `/api/hrc/results/${id}?version=${version}`);
