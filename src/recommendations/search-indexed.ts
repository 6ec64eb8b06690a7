/**
 * Searches answered with the facet index (facet-index.ts): a text query's hits and their rank read
 * from recommendation_search in one statement, 4 bytes each, the facet filters applied and the facets
 * counted in memory, the page's rows read by number.
 */
import type { Queryable } from '../core/db.ts';
import type { Where } from '../core/sql.ts';
import { SearchCache, cachesOf } from './search-cache.ts';
import { labelFacets } from './facets.ts';
import { facetIndexOf, type FacetIndex, type IndexCounts } from './facet-index.ts';
import { presentRecommendation } from './presenters.ts';
import { RECOMMENDATION_COLUMNS, type RecommendationRow } from './rows.ts';
import type { ExportFilters, RecommendationPage, SearchFilters } from './schema.ts';
import { orderOf, where } from './search-where.ts';

/** The filters the facet index applies itself, each as the facet value it requires. */
const INDEXED_FILTERS: [keyof ExportFilters, string][] = [
  ['mechanism', 'mechanism'],
  ['state', 'state'],
  ['recommendingState', 'recommendingState'],
  ['position', 'position'],
  ['year', 'year'],
  ['followUp', 'followUp'],
  ['status', 'status'],
  ['bodyCode', 'body'],
  ['leadOrganisationId', 'lead'],
  ['instrumentId', 'instrument'],
  ['cycleId', 'cycle'],
  ['termId', 'term'],
];
const SQL_ONLY_FILTERS: (keyof ExportFilters)[] = ['symbol', 'importId'];

/** The hits of a text query with their rank, as big-endian 4-byte numbers and floats. */
async function textHits(q: Queryable, text: string): Promise<{ ns: Int32Array; ranks: Float32Array }> {
  const { w, tsquery } = where({ q: text });
  const r = await q.query<{ ns: Uint8Array | null; ranks: Uint8Array | null }>(
    `select string_agg(int4send(s.n), ''::bytea) as ns, string_agg(float4send(ts_rank(s.search, (${tsquery}))), ''::bytea) as ranks
       from recommendation_search s where s.search @@ (${tsquery})`,
    w.params,
  );
  const { ns, ranks } = r.rows[0] ?? { ns: null, ranks: null };
  const count = (ns?.byteLength ?? 0) / 4;
  const out = { ns: new Int32Array(count), ranks: new Float32Array(count) };
  if (ns && ranks) {
    const a = new DataView(ns.buffer, ns.byteOffset, ns.byteLength);
    const b = new DataView(ranks.buffer, ranks.byteOffset, ranks.byteLength);
    for (let i = 0; i < count; i++) {
      out.ns[i] = a.getInt32(i * 4);
      out.ranks[i] = b.getFloat32(i * 4);
    }
  }
  return out;
}

/**
 * The hits of a text query, all known to the index: when some are newer than it, it reads the
 * latest changes once more. Null when some are still unknown (then SQL answers).
 */
async function knownTextHits(
  q: Queryable,
  index: FacetIndex,
  text: string,
): Promise<{ ns: Int32Array; ranks: Float32Array } | null> {
  const h = await textHits(q, text);
  const known = () => h.ns.every((n) => index.has(n));
  if (known()) return h;
  await index.sync(q, await SearchCache.generation(q));
  return known() ? h : null;
}

/**
 * A search answered with the facet index, or null when its hits include recommendations the index
 * does not know yet even after reading the latest changes (then SQL answers).
 */
export async function searchWithIndex(
  q: Queryable,
  index: FacetIndex,
  f: SearchFilters,
  text: boolean,
): Promise<Omit<RecommendationPage, 'alsoSearched'> | null> {
  const generation = await SearchCache.generation(q);
  await index.sync(q, generation);
  const key = `index|${JSON.stringify([f.q?.trim(), ...INDEXED_FILTERS.map(([k]) => f[k] ?? null)])}`;
  const relevance = text && f.sort !== 'year' && f.sort !== 'symbol';
  const { counts, pages } = cachesOf(q);
  // One read of the hits serves the counts and the page.
  let found: Promise<{ ns: Int32Array; ranks: Float32Array } | null> | undefined;
  const hits = () => (found ??= knownTextHits(q, index, f.q!.trim()));
  let counted: ReturnType<FacetIndex['count']> | undefined;
  const count = async () => {
    if (!text) return (counted ??= index.count(null, requiredCodes(index, f)));
    const h = await hits();
    return h ? (counted ??= index.count(h.ns, requiredCodes(index, f))) : null;
  };
  // The counts and the page side by side (on PostgreSQL the labels and the page's rows on two connections).
  const [facetCounts, items] = await Promise.all([
    counts
      .get(key, generation, async () => {
        const c = await count();
        if (!c) throw new IndexBehind();
        return labelFacets(q, c.ns.length, c.counts);
      })
      .catch((e: unknown) => (e instanceof IndexBehind ? null : Promise.reject(e))),
    pages
      .get(`${key}|${f.sort ?? ''}|${f.page}|${f.pageSize}`, generation, async () => {
        const from = (f.page - 1) * f.pageSize;
        if (relevance) {
          const h = await hits();
          const c = await count();
          if (!h || !c) throw new IndexBehind();
          const ns = mostRelevant(index, h.ranks, c, from + f.pageSize).slice(from);
          if (!ns.length) return [];
          const rows = await q.query<RecommendationRow & { n: number }>(
            `select ${RECOMMENDATION_COLUMNS}, r.n from recommendations r where r.n = any($1::int[])`,
            [ns],
          );
          const byN = new Map(rows.rows.map((r) => [r.n, r]));
          return ns.flatMap((n) => (byN.has(n) ? [presentRecommendation(byN.get(n)!)] : []));
        }
        const { w, rank } = where(f);
        const rows = await q.query<RecommendationRow>(
          `select ${RECOMMENDATION_COLUMNS} from recommendations r ${w.sql()} order by ${orderOf(f, rank)} r.id
            limit ${w.param(f.pageSize)} offset ${w.param(from)}`,
          w.params,
        );
        return rows.rows.map(presentRecommendation);
      })
      .catch((e: unknown) => (e instanceof IndexBehind ? null : Promise.reject(e))),
  ]);
  if (!facetCounts || !items) return null;
  return { items, total: facetCounts.total, page: f.page, pageSize: f.pageSize, facets: facetCounts.facets };
}

/**
 * The `k` most relevant of the counted hits, in the order of the SQL page: rank, newest year (none
 * last), number. Kept in a sorted list of k: most hits are turned away by comparing with its last.
 */
function mostRelevant(index: FacetIndex, ranks: Float32Array, c: IndexCounts, k: number): number[] {
  const year = (n: number) => index.year(n) ?? -Infinity;
  // Negative when a comes first.
  const before = (a: number, b: number) =>
    ranks[c.at[b]!]! - ranks[c.at[a]!]! || year(c.ns[b]!) - year(c.ns[a]!) || c.ns[a]! - c.ns[b]!;
  const best: number[] = [];
  for (let i = 0; i < c.ns.length; i++) {
    if (best.length === k && before(i, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(best[mid]!, i) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > k) best.pop();
  }
  return best.map((i) => c.ns[i]!);
}

/**
 * The recommendations a search finds, from the facet index: for the dashboards, which count them by
 * other facets. Null when SQL must answer (see searchRecommendations).
 */
export async function indexedHits(
  q: Queryable,
  f: ExportFilters,
): Promise<{ index: FacetIndex; ns: Int32Array } | null> {
  const { w, tsquery } = where(f);
  const index = facetIndexOf(q);
  if (!index || !indexable(f, w, tsquery)) return null;
  await index.sync(q, await SearchCache.generation(q));
  if (tsquery === null) return { index, ns: index.select(null, requiredCodes(index, f)).ns };
  const h = await knownTextHits(q, index, f.q!.trim());
  return h && { index, ns: index.select(h.ns, requiredCodes(index, f)).ns };
}

/** Whether the facet index can answer a search: a text query (not a symbol) and facet filters. */
export function indexable(f: ExportFilters, w: Where, tsquery: string | null): boolean {
  return w.parts.length > 0 && (tsquery !== null || !f.q?.trim()) && !SQL_ONLY_FILTERS.some((k) => f[k]);
}

/** The codes of the filters' values in the index (an unknown value, -1, matches nothing). */
function requiredCodes(index: FacetIndex, f: ExportFilters): number[] {
  return INDEXED_FILTERS.filter(([k]) => f[k] !== undefined && f[k] !== null && f[k] !== '').map(
    ([k, facet]) => index.codeOf(facet, String(f[k])),
  );
}

/** The hits of a search include recommendations the facet index does not know yet. */
class IndexBehind extends Error {}
