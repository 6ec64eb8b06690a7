/** The dashboard API as the browser app uses it: the query of a dashboard and its downloads. */
import { useQuery } from '@tanstack/react-query';
import type { Overdue, Priorities, ProgressDashboard } from '../../src/dashboards/schema.ts';
import type { Facet, RecommendationPage } from '../../src/recommendations/schema.ts';
import { api, qs } from '../lib/api.ts';
import { KINGDOM_STATE } from '../recommendations/search.ts';
import { DASHBOARD_FILTERS, type DashboardSearch } from './search.ts';

/**
 * The query of the API (and of the downloads): the filters given and the grouping; like the search page,
 * the Kingdom's own recommendations.
 */
export function dashboardQuery(s: DashboardSearch): Record<string, string> {
  const out: Record<string, string> = { state: KINGDOM_STATE };
  for (const key of DASHBOARD_FILTERS) {
    const v = s[key];
    if (v !== undefined && v !== '') out[key] = v;
  }
  out.groupBy = s.groupBy ?? 'instrument';
  return out;
}

/** The dashboard's filters without the grouping: the query of the facets and of the priorities. */
const withoutGroup = ({ groupBy: _groupBy, ...filters }: Record<string, string>) => filters;

export function useProgressDashboard(query: Record<string, string>) {
  return useQuery({
    queryKey: ['dashboards', 'progress', query],
    queryFn: () => api<ProgressDashboard>('GET', `/api/dashboards/progress${qs(query)}`),
    placeholderData: (prev) => prev,
  });
}

/** The facets of the same search (one hit asked for): the choices of the filter selects. */
export function useFacets(query: Record<string, string>) {
  const filters = withoutGroup(query);
  return useQuery({
    queryKey: ['recommendations', 'facets', filters],
    queryFn: () =>
      api<RecommendationPage>('GET', `/api/recommendations${qs({ ...filters, pageSize: 1 })}`).then(
        (p): Record<string, Facet[]> => p.facets,
      ),
    placeholderData: (prev) => prev,
  });
}

/** The .csv or .xlsx of the dashboard shown, in the user's language. */
export const downloadHref = (query: Record<string, string>, format: 'csv' | 'xlsx', lang: string) =>
  `/api/dashboards/progress.${format}${qs({ ...query, lang })}`;

/** The treaty bodies' follow-up priorities within the filters of the dashboard. */
export function usePriorities(query: Record<string, string>) {
  const filters = withoutGroup(query);
  return useQuery({
    queryKey: ['dashboards', 'priorities', filters],
    queryFn: () => api<Priorities>('GET', `/api/dashboards/priorities${qs(filters)}`),
    placeholderData: (prev) => prev,
  });
}

/** The .csv or .xlsx of the priorities shown, in the user's language. */
export const prioritiesHref = (query: Record<string, string>, format: 'csv' | 'xlsx', lang: string) =>
  `/api/dashboards/priorities.${format}${qs({ ...withoutGroup(query), lang })}`;

/** What is overdue: actions past their end date, recommendations without progress, drafts waiting. */
export function useOverdue() {
  return useQuery({
    queryKey: ['dashboards', 'overdue'],
    queryFn: () => api<Overdue>('GET', '/api/dashboards/overdue'),
  });
}
