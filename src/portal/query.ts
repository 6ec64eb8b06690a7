/**
 * The query string of the portal's recommendation search: the filters of the API's RecommendationQuery
 * a visitor can use, empty values (a form's "all" option) left out, and what is wrong said per field in
 * the visitor's language (an HTML 400 page, never a 500).
 */
import { z } from 'zod';
import { Mechanism, Position, type SearchFilters } from '../recommendations/schema.ts';
import { textProblem, Uuid } from '../shared/schema.ts';
import { FIELD_HINTS, FIELD_LABELS, type SearchField } from './labels.ts';
import type { PortalLang } from './layout.ts';

/** Results per page of the portal's list. */
export const PAGE_SIZE = 20;

const blankless = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => textProblem(s, false) === null);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankless, schema.optional());

export const PortalSearchQuery = z.object({
  q: optional(text(500)),
  mechanism: optional(Mechanism),
  instrumentId: optional(Uuid),
  cycleId: optional(Uuid),
  termId: optional(Uuid),
  position: optional(Position),
  recommendingState: optional(text(200)),
  state: optional(text(200)),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});
export type PortalSearchQuery = z.infer<typeof PortalSearchQuery>;

/** The filters of a portal search as the recommendation search takes them. */
export function searchFilters(p: PortalSearchQuery): SearchFilters {
  return {
    q: p.q,
    mechanism: p.mechanism,
    instrumentId: p.instrumentId,
    cycleId: p.cycleId,
    termId: p.termId,
    position: p.position,
    recommendingState: p.recommendingState,
    state: p.state,
    page: p.page ?? 1,
    pageSize: PAGE_SIZE,
    sort: p.q ? 'relevance' : 'year',
  };
}

export type ParsedQuery = { ok: true; query: PortalSearchQuery } | { ok: false; messages: string[] };

/** The query validated, or one message per wrong field ("Pagina: geef een paginanummer van 1 of hoger."). */
export function parseSearchQuery(lang: PortalLang, raw: unknown): ParsedQuery {
  const r = PortalSearchQuery.safeParse(raw ?? {});
  if (r.success) return { ok: true, query: r.data };
  const fields = [...new Set(r.error.issues.map((i) => String(i.path[0] ?? 'q')))];
  return {
    ok: false,
    messages: fields.map((f) => {
      const label = Object.hasOwn(FIELD_LABELS[lang], f) ? FIELD_LABELS[lang][f as SearchField] : f;
      const hint = f === 'q' || f === 'page' ? FIELD_HINTS[lang][f] : FIELD_HINTS[lang].other;
      return `${label}: ${hint}`;
    }),
  };
}

/** The query string of a search (only the values given), for links to other pages of the result. */
export function queryString(p: PortalSearchQuery, page?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...p, page: page && page > 1 ? page : undefined })) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
