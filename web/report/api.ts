/** The results framework API as the browser app uses it. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AreaUpdate,
  CopyResult,
  Framework,
  Goal,
  GoalCreate,
  GoalUpdate,
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
} from '../../src/report/framework-schema.ts';
import { api } from '../lib/api.ts';

const BASE = '/api/report/framework';
export const frameworkKey = (year: number) => ['report', 'framework', year] as const;

export function useFramework(year: number) {
  return useQuery({
    queryKey: frameworkKey(year),
    queryFn: () => api<Framework>('GET', `${BASE}/${year}`),
  });
}

export const updateArea = (id: string, body: AreaUpdate) =>
  api<{ id: string }>('PATCH', `${BASE}/areas/${id}`, body);
export const addGoal = (year: number, body: z.input<typeof GoalCreate>) =>
  api<Goal>('POST', `${BASE}/${year}/goals`, body);
export const updateGoal = (id: string, body: GoalUpdate) => api<Goal>('PATCH', `${BASE}/goals/${id}`, body);
export const removeGoal = (id: string, version: number) =>
  api<void>('DELETE', `${BASE}/goals/${id}?version=${version}`);
export const addIndicator = (goalId: string, body: z.input<typeof IndicatorCreate>) =>
  api<Indicator>('POST', `${BASE}/goals/${goalId}/indicators`, body);
export const updateIndicator = (id: string, body: z.input<typeof IndicatorUpdate>) =>
  api<Indicator>('PATCH', `${BASE}/indicators/${id}`, body);
export const removeIndicator = (id: string, version: number) =>
  api<void>('DELETE', `${BASE}/indicators/${id}?version=${version}`);
export const copyFramework = (year: number) =>
  api<z.infer<typeof CopyResult>>('POST', `${BASE}/${year}/copy`);
