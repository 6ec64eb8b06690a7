import type { Queryable } from '../core/db.ts';
import { Where } from '../core/sql.ts';
import { expandDutch } from './dutch-search.ts';
import { recommendationErrors } from './errors.ts';
import { SearchCache } from './search-cache.ts';
import { countAllFacets, countFacets, labelFacets, type Counts } from './facets.ts';
import { facetIndexOf, type FacetIndex, type IndexCounts } from './facet-index.ts';
import { presentRecommendation, presentRecommendationDetail } from './presenters.ts';
import {
  RECOMMENDATION_COLUMNS,
  type RecommendationRow,
  type RecommendationSourceRow,
  type TermRefRow,
  type UnmappedTermRow,
} from './rows.ts';
import type {
  ExportFilters,
  RecommendationDetail,
  RecommendationPage,
  SearchFilters,
  UnmappedTerm,
} from './schema.ts';

/** A document symbol ("CRC/C/NLD/CO/5-6", "A/HRC/8/31") or a paragraph reference is searched exactly. */
const SYMBOL = /^[A-Z]{1,6}(\/[A-Za-z0-9.()-]+)+$/;
/** "para 12 (b)", "para. 12", "118.4", "Aanbeveling 3". */
const PARAGRAPH = /^(?:(para\.?|paragraph|aanbeveling)\s*)?(\d{1,4}(?:\.\d{1,4})?)\s*(\([a-z]{1,3}\))?$/i;

/**
 * The WHERE clause of a search (paging aside), the rank of a full-text search, and the English words
 * also searched for the Dutch words of the query.
 */
export function where(f: ExportFilters): {
  w: Where;
  rank: string | null;
  tsquery: string | null;
  alsoSearched: string[];
} {
  const w = new Where()
    .addIf(f.mechanism, 'r.mechanism = ?', f.mechanism)
    .addIf(f.state, 'r.state_under_review = ?', f.state)
    .addIf(f.recommendingState, '? = any(r.recommending_states)', f.recommendingState)
    .addIf(f.position, 'r.position = ?', f.position)
    .addIf(f.year, 'r.year = ?', f.year)
    .addIf(f.symbol, 'r.symbol ilike ?', f.symbol)
    .addIf(
      f.termId,
      'exists (select 1 from recommendation_terms t where t.recommendation_id = r.id and t.term_id = ?)',
      f.termId,
    );
  if (f.followUp) w.add('r.follow_up = ?', f.followUp === 'true');
  w.addIf(f.instrumentId, 'r.instrument_id = ?', f.instrumentId).addIf(
    f.cycleId,
    'r.cycle_id = ?',
    f.cycleId,
  );
  w.addIf(f.bodyCode, 'r.body_code = ?', f.bodyCode).addIf(
    f.importId,
    'exists (select 1 from recommendation_sources s where s.recommendation_id = r.id and s.import_id = ?)',
    f.importId,
  );
  w.addIf(f.status, 'r.status = ?', f.status).addIf(
    f.leadOrganisationId,
    'r.lead_organisation_id = ?',
    f.leadOrganisationId,
  );
  let rank: string | null = null;
  let tsquery: string | null = null;
  let alsoSearched: string[] = [];
  const q = f.q?.trim();
  if (q) {
    const para = PARAGRAPH.exec(q);
    if (SYMBOL.test(q)) {
      w.add('(r.symbol ilike ? or r.symbol ilike ?)', q, `${q}/%`);
    } else if (para) {
      const [, word, num, sub] = para;
      const ref = /aanbeveling/i.test(word ?? '')
        ? `Aanbeveling ${num}`
        : num!.includes('.') && !word
          ? num!
          : `para ${num}${sub ? ` ${sub.toLowerCase()}` : ''}`;
      // "para 12" also finds its sub-paragraphs "para 12 (a)", "para 12 (b)".
      w.add('(r.paragraph ilike ? or r.paragraph ilike ?)', ref, sub ? ref : `${ref} (%`);
    } else {
      const either = (text: string) => {
        const p = w.param(text);
        return `websearch_to_tsquery('english', ${p}) || websearch_to_tsquery('dutch', ${p})`;
      };
      const dutch = expandDutch(q);
      // Each part of a Dutch search matches as typed or through its English words; all parts must
      // match, except a word that either language leaves out as too common ("van", "the").
      const part = ({ text, english }: { text: string; english: string[] }) => {
        if (english.length)
          return `(${[either(text), ...english.map((en) => `plainto_tsquery('english', ${w.param(en)})`)].join(' || ')})`;
        const p = w.param(text);
        return `(case when numnode(websearch_to_tsquery('english', ${p})) = 0 or numnode(websearch_to_tsquery('dutch', ${p})) = 0
                 then ''::tsquery else websearch_to_tsquery('english', ${p}) || websearch_to_tsquery('dutch', ${p}) end)`;
      };
      const query = dutch ? dutch.parts.map(part).join(' && ') : `(${either(q)})`;
      alsoSearched = dutch?.alsoSearched ?? [];
      // The search vectors and their index are in the narrow table recommendation_search (migration 0024).
      tsquery = query;
      w.parts.push(`r.n in (select s.n from recommendation_search s where s.search @@ (${query}))`);
      rank = `(select ts_rank(s.search, (${query})) from recommendation_search s where s.n = r.n)`;
    }
  }
  return { w, rank, tsquery, alsoSearched };
}

/** The kept results of searches, per database (tests open many databases in one process). */
interface Caches {
  counts: SearchCache<Counts>;
  pages: SearchCache<RecommendationPage['items']>;
}
const caches = new WeakMap<Queryable, Caches>();
function cachesOf(q: Queryable): Caches {
  let c = caches.get(q);
  if (!c) caches.set(q, (c = { counts: new SearchCache(500), pages: new SearchCache(500) }));
  return c;
}

/** How often the facet counts of a search were reused and computed, for `npm run bench`. */
export function facetCacheFigures(q: Queryable): { hits: number; misses: number } {
  const { counts } = cachesOf(q);
  return { hits: counts.hits, misses: counts.misses };
}

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
 */
export async function searchRecommendations(q: Queryable, f: SearchFilters): Promise<RecommendationPage> {
  const { w, rank, tsquery, alsoSearched } = where(f);
  const index = facetIndexOf(q);
  if (index && indexable(f, w, tsquery)) {
    const page = await searchWithIndex(q, index, f, tsquery !== null);
    if (page) return { ...page, alsoSearched };
  }
  const params = [...w.params];
  const key = `${w.sql()}|${JSON.stringify(params)}`;
  const limit = w.param(f.pageSize);
  const offset = w.param((f.page - 1) * f.pageSize);
  const order = orderOf(f, rank);
  const { counts, pages } = cachesOf(q);
  const generation = counts.enabled ? await SearchCache.generation(q) : 0;
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

/** The ORDER BY of a page (before the final r.id). */
function orderOf(f: SearchFilters, rank: string | null): string {
  return f.sort === 'symbol'
    ? 'r.symbol nulls last, r.paragraph,'
    : f.sort === 'year' || !rank
      ? // Newest year first, then symbol and paragraph, unknown ones last: the expressions of the
        // index recommendations_export_order_idx (migration 0010), so that a page is read from it.
        "coalesce(-r.year, 0), (r.symbol is null), coalesce(r.symbol, ''), (r.paragraph is null), coalesce(r.paragraph, ''),"
      : // Most relevant first; the facet index orders its hits the same way.
        `${rank} desc, r.year desc nulls last, r.n,`;
}

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
 * A search answered with the facet index, or null when its hits include recommendations the index
 * does not know yet even after reading the latest changes (then SQL answers).
 */
async function searchWithIndex(
  q: Queryable,
  index: FacetIndex,
  f: SearchFilters,
  text: boolean,
): Promise<Omit<RecommendationPage, 'alsoSearched'> | null> {
  let generation = await SearchCache.generation(q);
  await index.sync(q, generation);
  const key = `index|${JSON.stringify([f.q?.trim(), ...INDEXED_FILTERS.map(([k]) => f[k] ?? null)])}`;
  const relevance = text && f.sort !== 'year' && f.sort !== 'symbol';
  const { counts, pages } = cachesOf(q);
  // One read of the hits serves the counts and the page.
  let found: Promise<{ ns: Int32Array; ranks: Float32Array } | null> | undefined;
  const hits = () =>
    (found ??= (async () => {
      const h = await textHits(q, f.q!.trim());
      if (h.ns.some((n) => !index.has(n))) {
        generation = await SearchCache.generation(q);
        await index.sync(q, generation);
        if (h.ns.some((n) => !index.has(n))) return null;
      }
      return h;
    })());
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
  let ns: Int32Array | null = null;
  if (tsquery !== null) {
    ns = (await textHits(q, f.q!.trim())).ns;
    if (ns.some((n) => !index.has(n))) {
      await index.sync(q, await SearchCache.generation(q));
      if (ns.some((n) => !index.has(n))) return null;
    }
  }
  return { index, ns: index.select(ns, requiredCodes(index, f)).ns };
}

/** Whether the facet index can answer a search: a text query (not a symbol) and facet filters. */
function indexable(f: ExportFilters, w: Where, tsquery: string | null): boolean {
  return w.parts.length > 0 && (tsquery !== null || !f.q?.trim()) && !SQL_ONLY_FILTERS.some((k) => f[k]);
}

/** The codes of the filters' values in the index (an unknown value, -1, matches nothing). */
function requiredCodes(index: FacetIndex, f: ExportFilters): number[] {
  return INDEXED_FILTERS.filter(([k]) => f[k] !== undefined && f[k] !== null && f[k] !== '').map(([k, facet]) =>
    index.codeOf(facet, String(f[k])),
  );
}

/** The hits of a search include recommendations the facet index does not know yet. */
class IndexBehind extends Error {}

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
