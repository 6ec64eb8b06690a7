/**
 * The URL search params of the dashboard (/dashboards?groupBy=ministry&q=…&year=2022): the filters of the
 * recommendation search and the grouping, checked without zod so that the router can take them at once.
 */
import type { DashboardGroup } from '../../src/dashboards/schema.ts';

/** The groupings offered, in the order of the choice. */
export const DASHBOARD_GROUPS: readonly DashboardGroup[] = [
  'instrument',
  'cycle',
  'ministry',
  'theme',
  'sdg',
  'mechanism',
];

/** The filters of the dashboard: a subset of the recommendation search's (src/recommendations/schema.ts). */
export const DASHBOARD_FILTERS = [
  'q',
  'mechanism',
  'instrumentId',
  'cycleId',
  'leadOrganisationId',
  'termId',
  'year',
] as const;
export type DashboardFilter = (typeof DASHBOARD_FILTERS)[number];

export type DashboardSearch = { [K in DashboardFilter]?: string | undefined } & {
  groupBy?: DashboardGroup | undefined;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDS = new Set<DashboardFilter>(['instrumentId', 'cycleId', 'leadOrganisationId', 'termId']);

/** Checks one value as the API would; a bad one is dropped rather than sent. */
function valid(key: DashboardFilter, value: string): boolean {
  if (IDS.has(key)) return UUID.test(value);
  if (key === 'year') return /^\d{4}$/.test(value) && Number(value) >= 1945 && Number(value) <= 2100;
  if (key === 'mechanism') return /^[a-z_]{1,40}$/.test(value);
  return value.length <= 500;
}

export function validateDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  const out: DashboardSearch = {};
  for (const key of DASHBOARD_FILTERS) {
    const v = raw[key];
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    if (text !== '' && valid(key, text)) out[key] = text;
  }
  const group = DASHBOARD_GROUPS.find((g) => g === raw.groupBy);
  // The default grouping (instrument) stays out of the URL.
  if (group && group !== 'instrument') out.groupBy = group;
  return out;
}
