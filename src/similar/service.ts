/**
 * The recommendations most similar to one, across bodies and cycles. Candidates come from the
 * full-text index: an OR of the recommendation's rarest words (CANDIDATE_WORDS, each used by at least
 * one other recommendation), the CANDIDATES best by ts_rank; they are ranked again by the cosine of
 * their TF-IDF vectors (vectors.ts). Visitors who are not signed in see published recommendations
 * only, and any other recommendation is as unknown to them as to GET /api/recommendations/:id.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { recommendationErrors } from '../recommendations/errors.ts';
import type { Mechanism, Position } from '../recommendations/schema.ts';
import { PUBLISHED } from '../recommendations/search-where.ts';
import { SIMILAR_LIMIT, type SimilarItem, type SimilarList } from './schema.ts';
import {
  WORDS,
  cosineWith,
  idf,
  lexemeStats,
  parseTsvector,
  tsqueryWord,
  vectorOf,
  type LexemeStats,
} from './vectors.ts';

/** How many of a recommendation's words find the candidates, the rarest first. */
const CANDIDATE_WORDS = 8;
/** How many candidates are ranked again by their TF-IDF vectors. */
const CANDIDATES = 200;
/** About how many recommendations the candidates' query may match (each costs the ranking some µs). */
const CANDIDATE_BUDGET = 700;
/** How much more often two words of a recommendation go together than chance would have it. */
const CORRELATION = 8;

interface Target {
  id: string;
  n: number;
  state_under_review: string;
  mechanism: string;
  body_code: string | null;
  cycle_key: string;
  bare_text: string | null;
  text: string;
  words: string;
  published: boolean;
}

interface DetailRow {
  id: string;
  n: number;
  mechanism: Mechanism;
  body_code: string | null;
  state_under_review: string;
  symbol: string | null;
  paragraph: string | null;
  cycle: string | null;
  cycle_key: string;
  upr_cycle: number | null;
  upr_session: number | null;
  year: number | null;
  position: Position | null;
  text: string;
  bare_text: string | null;
}

/** What tells one review of a state from another: the cycle, else the UPR cycle, the symbol or the year. */
const CYCLE_KEY = `coalesce(r.cycle_id::text, 'upr' || r.upr_cycle::text, r.symbol, r.year::text, '')`;

/** The text that identifies a recommendation: without state attributions, case and spacing. */
const sameText = (a: { bare_text: string | null; text: string }) =>
  (a.bare_text ?? a.text).toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The rarest words of a recommendation that at least one other recommendation uses (a word newer
 * than the counts may be used by others stored since).
 */
export function telling(stats: LexemeStats, words: Map<string, number>, count: number): string[] {
  return [...words.keys()]
    .filter((w) => (stats.df.get(w) ?? 2) > 1)
    .sort((a, b) => idf(stats, b) - idf(stats, a) || a.localeCompare(b))
    .slice(0, count);
}

/**
 * The tsquery of the candidates, which should match about CANDIDATE_BUDGET recommendations: the
 * rarest words one by one while their counts fit, then pairs of the others (a recommendation that
 * shares two of them), the count of a pair estimated as if the words were independent, times
 * CORRELATION (the words of one concern go together); when not even a pair fits, the three rarest.
 */
export function candidateQuery(stats: LexemeStats, words: string[]): string {
  const df = (w: string) => stats.df.get(w) ?? 1;
  let budget = CANDIDATE_BUDGET;
  const clauses: string[] = [];
  let i = 0;
  for (; i < words.length && df(words[i]!) <= budget; i++) {
    budget -= df(words[i]!);
    clauses.push(tsqueryWord(words[i]!));
  }
  const rest = words.slice(i);
  for (let a = 0; a < rest.length; a++)
    for (let b = a + 1; b < rest.length; b++) {
      const [x, y] = [df(rest[a]!), df(rest[b]!)];
      const estimate = Math.min(x, y, (x * y * CORRELATION) / stats.total);
      if (estimate > budget) continue;
      budget -= estimate;
      clauses.push(`(${tsqueryWord(rest[a]!)} & ${tsqueryWord(rest[b]!)})`);
    }
  if (!clauses.length) clauses.push(`(${rest.slice(0, 3).map(tsqueryWord).join(' & ')})`);
  return clauses.join(' | ');
}

export async function similarRecommendations(
  q: Queryable,
  actor: Actor | null,
  id: string,
): Promise<SimilarList> {
  const target = (
    await q.query<Target>(
      `select r.id, r.n, r.state_under_review, r.mechanism, r.body_code, ${CYCLE_KEY} as cycle_key,
              r.bare_text, r.text, ${WORDS} as words, ${PUBLISHED} as published
         from recommendations r join recommendation_search s on s.n = r.n where r.id = $1`,
      [id],
    )
  ).rows[0];
  // A visitor who is not signed in sees published recommendations only: another is as unknown to them.
  if (!target || (!actor && !target.published)) throw recommendationErrors.not_found({ id });
  const stats = await lexemeStats(q);
  const words = parseTsvector(target.words);
  const query = telling(stats, words, CANDIDATE_WORDS);
  if (!query.length) return { id, items: [] };
  const tsquery = candidateQuery(stats, query);
  const candidates = await q.query<{ n: number; words: string }>(
    `select s.n, ${WORDS} as words from recommendation_search s
      ${actor ? '' : 'join recommendations r on r.n = s.n'}
      where s.search @@ $1::tsquery and s.n <> $2 ${actor ? '' : `and ${PUBLISHED}`}
      order by ts_rank(s.search, $1::tsquery) desc, s.n limit ${CANDIDATES}`,
    [tsquery, target.n],
  );
  const v = vectorOf(stats, words);
  const ranked = candidates.rows
    .map((c) => ({ n: c.n, score: cosineWith(stats, v, c.words) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.n - b.n)
    .slice(0, SIMILAR_LIMIT);
  if (!ranked.length) return { id, items: [] };
  const rows = await q.query<DetailRow>(
    `select r.id, r.n, r.mechanism, r.body_code, r.state_under_review, r.symbol, r.paragraph, c.label as cycle,
            ${CYCLE_KEY} as cycle_key, r.upr_cycle, r.upr_session, r.year, r.position, r.text, r.bare_text
       from recommendations r left join cycles c on c.id = r.cycle_id where r.n = any($1::int[])`,
    [ranked.map((c) => c.n)],
  );
  const byN = new Map(rows.rows.map((r) => [r.n, r]));
  const items: SimilarItem[] = [];
  for (const { n, score } of ranked) {
    const r = byN.get(n);
    if (!r) continue;
    items.push({
      id: r.id,
      score: Math.round(score * 1000) / 1000,
      mechanism: r.mechanism,
      bodyCode: r.body_code,
      stateUnderReview: r.state_under_review,
      symbol: r.symbol,
      paragraph: r.paragraph,
      cycle: r.cycle,
      uprCycle: r.upr_cycle,
      uprSession: r.upr_session,
      year: r.year,
      position: r.position,
      text: r.text,
      receivedAgain:
        r.state_under_review === target.state_under_review &&
        (r.cycle_key !== target.cycle_key ||
          r.mechanism !== target.mechanism ||
          r.body_code !== target.body_code),
      duplicate: sameText(r) === sameText(target),
    });
  }
  return { id, items };
}
