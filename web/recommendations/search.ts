import { z } from 'zod';
import { RecommendationQuery } from '../../src/recommendations/schema.ts';
import { searchValidator, type SearchOf } from '../lib/search.ts';

/** The filters of the list, in the order active filters and saved searches name them. */
export const FILTER_KEYS = [
  'q',
  'symbol',
  'mechanism',
  'state',
  'recommendingState',
  'position',
  'year',
  'termId',
  'followUp',
  'bodyCode',
  'instrumentId',
  'cycleId',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The API's query, and `world`: the list shows every state's recommendations, not only the Kingdom's. */
const shape = { ...RecommendationQuery.shape, world: z.stringbool().optional() };
type Shape = typeof shape;

/** The list page's state, all in the URL so that a search can be bookmarked and saved. */
export type RecommendationsSearch = SearchOf<Shape, FilterKey | 'page' | 'world'>;

/** Checks search params from the URL (or a saved search) by the API's own schema; bad values are dropped. */
export const validateRecommendationsSearch = searchValidator(shape, [...FILTER_KEYS, 'page', 'world']);

/** The state under review of the Kingdom's own recommendations, the list's default view. */
export const KINGDOM_STATE = 'Netherlands';

/** Whether the list shows only the Kingdom's recommendations because no state was chosen. */
export const kingdomByDefault = (s: RecommendationsSearch) => s.state === undefined && !s.world;

/**
 * The filters of a search as plain strings, without the page (for the API, exports and saved
 * searches); without a chosen state and without `world`, the Kingdom's own recommendations.
 */
export function searchFilters(s: RecommendationsSearch): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = s[key];
    if (v !== undefined && v !== '') out[key] = String(v);
  }
  if (kingdomByDefault(s)) out.state = KINGDOM_STATE;
  return out;
}

/** A search as the URL query string ("q=torture&mechanism=upr"), as saved searches store it. */
export function searchToQuery(s: RecommendationsSearch): string {
  return new URLSearchParams({ ...searchFilters(s), ...(s.world ? { world: 'true' } : {}) }).toString();
}

export function queryToSearch(query: string): RecommendationsSearch {
  return validateRecommendationsSearch(
    Object.fromEntries(new URLSearchParams(query.replace(/^\?/, '')).entries()),
  );
}
