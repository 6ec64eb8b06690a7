import type { Queryable } from '../core/db.ts';
import { recommendationErrors } from './errors.ts';
import { SearchCache, cachesOf } from './search-cache.ts';
import { countAllFacets, countFacets } from './facets.ts';
import { facetIndexOf } from './facet-index.ts';
import { indexable, searchWithIndex } from './search-indexed.ts';
import { orderOf, where, type SearchOptions } from './search-where.ts';
import { presentRecommendation, presentRecommendationDetail } from './presenters.ts';
import {
  RECOMMENDATION_COLUMNS,
  type RecommendationRow,
  type RecommendationSourceRow,
  type TermRefRow,
  type UnmappedTermRow,
} from './rows.ts';
import type { RecommendationDetail, RecommendationPage, SearchFilters, UnmappedTerm } from './schema.ts';

export { where, type SearchOptions } from './search-where.ts';
export { indexedHits } from './search-indexed.ts';

/** How often the facet counts of a search were reused and computed, for `npm run bench`. */
export function facetCacheFigures(q: Queryable): { hits: number; misses: number } {
  const { counts } = cachesOf(q);
  return { hits: counts.hits, misses: counts.misses };
}

/**
 * Full-text search in English and Dutch with filters, and counts per facet of the result.
 *
 * A search the facet index can answer (facet-index.ts: a text query and facet filters) reads its
 * hits and their rank from recommendation_search in one statement, 4 bytes each, and the index
 * counts their facets and applies the filters; the page's rows are then read by number. Other
 * searches (a document symbol or paragraph, an import, inside a transaction) run in SQL: the page
 * is one statement, the total with every facet (facets.ts) another, run at the same time. The list
 * without query or filter reads the kept counts. Results are kept (search-cache.ts) until a write
 * changes what searches show.
 *
 * `publishedOnly` (visitors who are not signed in) finds only recommendations whose follow-up is
 * published: the hits, the total and every facet count. Those searches always run in SQL (the facet
 * index and the kept counts know every recommendation, not which are published) and their results
 * are kept until a write or a publication or withdrawal (search-cache.ts: publishedVersion).
 */
export async function searchRecommendations(
  q: Queryable,
  f: SearchFilters,
  options: SearchOptions = {},
): Promise<RecommendationPage> {
  const publishedOnly = options.publishedOnly === true;
  const { w, rank, tsquery, alsoSearched } = where(f, { publishedOnly });
  const index = publishedOnly ? null : facetIndexOf(q);
  if (index && indexable(f, w, tsquery)) {
    const page = await searchWithIndex(q, index, f, tsquery !== null);
    if (page) return { ...page, alsoSearched };
  }
  const { counts, pages } = cachesOf(q);
  let generation = 0;
  let scope = '';
  if (counts.enabled && publishedOnly) {
    const v = await SearchCache.publishedVersion(q);
    generation = v.generation;
    scope = `published@${v.audit}|`;
  } else if (counts.enabled) generation = await SearchCache.generation(q);
  const params = [...w.params];
  const key = `${scope}${w.sql()}|${JSON.stringify(params)}`;
  const limit = w.param(f.pageSize);
  const offset = w.param((f.page - 1) * f.pageSize);
  const order = orderOf(f, rank);
  // On PostgreSQL the page and the counts run side by side on two connections.
  const [items, { total, facets }] = await Promise.all([
    pages.get(`${key}|${order}|${f.page}|${f.pageSize}`, generation, async () => {
      const rows = await q.query<RecommendationRow>(
        `select ${RECOMMENDATION_COLUMNS} from recommendations r ${w.sql()} order by ${order} r.id
          limit ${limit} offset ${offset}`,
        w.params,
      );
      return rows.rows.map(presentRecommendation);
    }),
    counts.get(key, generation, () => (w.parts.length ? countFacets(q, w.sql(), params) : countAllFacets(q))),
  ]);
  return { items, total, page: f.page, pageSize: f.pageSize, facets, alsoSearched };
}

export async function getRecommendation(q: Queryable, id: string): Promise<RecommendationDetail> {
  const r = await q.query<RecommendationRow>(
    `select ${RECOMMENDATION_COLUMNS} from recommendations r where r.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) throw recommendationErrors.not_found({ id });
  const [sources, terms, unmapped] = await Promise.all([
    q.query<RecommendationSourceRow>(
      `select kind, source_key, file_name, paragraph, import_id, imported_at, imported_by
         from recommendation_sources where recommendation_id = $1 order by imported_at`,
      [id],
    ),
    q.query<TermRefRow>(
      `select t.id, t.scheme, t.code, t.label_en, t.label_nl from recommendation_terms rt
         join taxonomy_terms t on t.id = rt.term_id where rt.recommendation_id = $1
        order by t.scheme, t.sort_order, t.code`,
      [id],
    ),
    q.query<UnmappedTermRow>(
      'select scheme, spelling from recommendation_unmapped_terms where recommendation_id = $1 order by scheme, spelling',
      [id],
    ),
  ]);
  return presentRecommendationDetail(row, sources.rows, terms.rows, unmapped.rows);
}

/** Spellings imports brought that no term knows yet, with how often they occur. */
export async function listUnmappedTerms(q: Queryable): Promise<UnmappedTerm[]> {
  const r = await q.query<UnmappedTerm>(
    `select scheme, spelling, count(*)::int as count from recommendation_unmapped_terms
      group by scheme, spelling order by count desc, spelling`,
  );
  return r.rows;
}
