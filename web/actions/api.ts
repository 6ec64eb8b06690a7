/** The actions API as the browser app uses it: actions, their indicators and measurements. */
import { useQuery } from '@tanstack/react-query';
import type {
  Action,
  ActionCreate,
  ActionSummary,
  ActionUpdate,
  IndicatorCreate,
  MeasurementCreate,
} from '../../src/actions/schema.ts';
import type { Page } from '../../src/shared/schema.ts';
import { api, qs } from '../lib/api.ts';

export const actionKey = (id: string) => ['actions', id] as const;

export const fetchAction = (id: string) => api<Action>('GET', `/api/actions/${id}`);

export function useAction(id: string) {
  return useQuery({ queryKey: actionKey(id), queryFn: () => fetchAction(id) });
}

export function useActions(q: {
  organisationId?: string | undefined;
  recommendationId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}) {
  return useQuery({
    queryKey: ['actions', 'list', q],
    queryFn: () => api<Page<ActionSummary>>('GET', `/api/actions${qs({ pageSize: 25, ...q })}`),
    placeholderData: (prev) => prev,
  });
}

/** The input as sent: the schemas fill their defaults on the server. */
type Sent<T> = { [K in keyof T]?: T[K] };

export const createAction = (body: Sent<ActionCreate>) => api<Action>('POST', '/api/actions', body);

export const updateAction = (id: string, body: ActionUpdate) =>
  api<Action>('PATCH', `/api/actions/${id}`, body);

export const deleteAction = (a: Pick<Action, 'id' | 'version'>) =>
  api<void>('DELETE', `/api/actions/${a.id}${qs({ version: a.version })}`);

export const createIndicator = (actionId: string, body: Sent<IndicatorCreate>) =>
  api<Action>('POST', `/api/actions/${actionId}/indicators`, body);

export const addMeasurement = (indicatorId: string, body: Sent<MeasurementCreate>) =>
  api<Action>('POST', `/api/indicators/${indicatorId}/measurements`, body);
