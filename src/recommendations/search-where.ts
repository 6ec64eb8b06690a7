import { Where } from '../core/sql.ts';
import { expandDutch } from './dutch-search.ts';
import type { ExportFilters, SearchFilters } from './schema.ts';

/** A document symbol ("CRC/C/NLD/CO/5-6", "A/HRC/8/31") or a paragraph reference is searched exactly. */
const SYMBOL = /^[A-Z]{1,6}(\/[A-Za-z0-9.()-]+)+$/;
/** "para 12 (b)", "para. 12", "118.4", "Aanbeveling 3". */
const PARAGRAPH = /^(?:(para\.?|paragraph|aanbeveling)\s*)?(\d{1,4}(?:\.\d{1,4})?)\s*(\([a-z]{1,3}\))?$/i;

/** How a search is narrowed beyond its filters. */
export interface SearchOptions {
  /**
   * Only recommendations whose follow-up is published (a row in recommendation_publications,
   * src/followup/publish.ts): what visitors who are not signed in may see.
   */
  publishedOnly?: boolean;
}

/** The condition that a recommendation `r` is published. */
export const PUBLISHED =
  'exists (select 1 from recommendation_publications p where p.recommendation_id = r.id)';

/**
 * The WHERE clause of a search (paging aside), the rank of a full-text search, and the English words
 * also searched for the Dutch words of the query.
 */
export function where(
  f: ExportFilters,
  options: SearchOptions = {},
): {
  w: Where;
  rank: string | null;
  tsquery: string | null;
  alsoSearched: string[];
} {
  const w = new Where();
  if (options.publishedOnly) w.add(PUBLISHED);
  w.addIf(f.mechanism, 'r.mechanism = ?', f.mechanism)
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

/** The ORDER BY of a page (before the final r.id). */
export function orderOf(f: SearchFilters, rank: string | null): string {
  return f.sort === 'symbol'
    ? 'r.symbol nulls last, r.paragraph,'
    : f.sort === 'year' || !rank
      ? // Newest year first, then symbol and paragraph, unknown ones last: the expressions of the
        // index recommendations_export_order_idx (migration 0010), so that a page is read from it.
        "coalesce(-r.year, 0), (r.symbol is null), coalesce(r.symbol, ''), (r.paragraph is null), coalesce(r.paragraph, ''),"
      : // Most relevant first; the facet index orders its hits the same way.
        `${rank} desc, r.year desc nulls last, r.n,`;
}
