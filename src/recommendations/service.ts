import type { Queryable } from '../core/db.ts';
import { Where } from '../core/sql.ts';
import { expandDutch } from './dutch-search.ts';
import { recommendationErrors } from './errors.ts';
import { SearchCache } from './search-cache.ts';
import { countAllFacets, countFacets, type Counts } from './facets.ts';
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
export function where(f: ExportFilters): { w: Where; rank: string | null; alsoSearched: string[] } {
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
      w.parts.push(`r.search @@ (${query})`);
      rank = `ts_rank(r.search, (${query}))`;
    }
  }
  return { w, rank, alsoSearched };
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

/**
 * Full-text search in English and Dutch with filters, and counts per facet of the result. The page
 * of results is one statement; the total with every facet (facets.ts: computed from the hits found
 * once, or for the list without query or filter read from the kept counts) is another, run at the
 * same time. Both are kept (search-cache.ts) until a write changes what searches
 * show: paging through a search reuses its counts, and the same search asked again is not redone.
 */
export async function searchRecommendations(q: Queryable, f: SearchFilters): Promise<RecommendationPage> {
  const { w, rank, alsoSearched } = where(f);
  const params = [...w.params];
  const key = `${w.sql()}|${JSON.stringify(params)}`;
  const limit = w.param(f.pageSize);
  const offset = w.param((f.page - 1) * f.pageSize);
  const order =
    f.sort === 'symbol'
      ? 'r.symbol nulls last, r.paragraph,'
      : f.sort === 'year' || !rank
        ? // Newest year first, then symbol and paragraph, unknown ones last: the expressions of the
          // index recommendations_export_order_idx (migration 0010), so that a page is read from it.
          "coalesce(-r.year, 0), (r.symbol is null), coalesce(r.symbol, ''), (r.paragraph is null), coalesce(r.paragraph, ''),"
        : `${rank} desc, r.year desc nulls last,`;
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
