/** The Human Rights Council API as the browser app uses it. */
import { useQuery } from '@tanstack/react-query';
import type {
  PledgeCreate,
  PriorityCreate,
  ResolutionCreate,
  ResultCreate,
  Term,
  TermCreate,
  TermList,
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
