/**
 * Finding the stored recommendation that the records of an import describe, when their fingerprint
 * is new: a recommendation of the same state under review and review (UPR cycle or symbol) whose
 * bare text is the same as sources compare it (exact), or close enough (fuzzy) when it came from
 * another kind of source. Each stored recommendation is matched by one new one at most, the closest
 * pairs first.
 */
import type { Queryable } from '../core/db.ts';
import {
  bareText,
  comparable,
  identityGroup,
  matchText,
  similarity,
  type Comparable,
} from './fingerprint.ts';
import type { ImportKind, ImportRecord } from './schema.ts';
import { uprCycle, uprCycleOfSymbol } from './upr-sessions.ts';

/**
 * How alike two bare texts must be to be taken as one recommendation. Measured on the 2008 UPR report
 * on the Netherlands against the UPR Info extract: the same recommendation worded by two sources
 * scores 0.97 and more (a dropped "the", a typo); a paragraph part that joins two recommendations of
 * UPR Info scores 0.70 to 0.83 against either of them, and the second-closest text of any part at
 * most 0.70. 0.85 merges the first and keeps the others apart.
 */
export const FUZZY_THRESHOLD = 0.85;

/** What matching needs of a group of records (one future recommendation). */
export interface Matchable {
  fingerprint: string;
  first: ImportRecord;
  /** Whether a record of the group came from a source key stored before. */
  known: boolean;
}

interface Candidate {
  id: string;
  fingerprint: string;
  group: string;
  match: string;
  kinds: string[];
  cmp?: Comparable;
}

/**
 * Gives the groups that are new (no known source key, no stored fingerprint) the fingerprint of
 * the stored recommendation they describe, where there is one. Returns how many were matched.
 */
export async function matchStored(tx: Queryable, kind: ImportKind, list: Matchable[]): Promise<number> {
  const open = list.filter((m) => !m.known);
  if (!open.length) return 0;
  const states = [...new Set(open.map((m) => m.first.stateUnderReview))];
  const cycles = [
    ...new Set(
      open
        .map((m) => (m.first.uprSession ? uprCycle(m.first.uprSession) : uprCycleOfSymbol(m.first.symbol)))
        .filter((c): c is number => c !== null),
    ),
  ];
  const symbols = [...new Set(open.map((m) => m.first.symbol).filter((s): s is string => Boolean(s)))];
  const r = await tx.query<{
    id: string;
    fingerprint: string;
    mechanism: string;
    state_under_review: string;
    symbol: string | null;
    upr_session: number | null;
    text: string;
    bare_text: string | null;
    recommending_states: string[];
    kinds: string[] | null;
  }>(
    `select r.id, r.fingerprint, r.mechanism, r.state_under_review, r.symbol, r.upr_session, r.text, r.bare_text,
            r.recommending_states,
            (select array_agg(distinct s.kind) from recommendation_sources s where s.recommendation_id = r.id) as kinds
       from recommendations r
      where r.state_under_review = any($1::text[]) and (r.upr_cycle = any($2::int[]) or r.symbol = any($3::text[]))`,
    [states, cycles, symbols],
  );
  if (!r.rows.length) return 0;
  const groupOf = (m: Matchable) => identityGroup(m.first);
  const wanted = new Set(open.map(groupOf));
  const stored = new Set<string>();
  const byGroup = new Map<string, Candidate[]>();
  for (const row of r.rows) {
    stored.add(row.fingerprint);
    const group = identityGroup({
      mechanism: row.mechanism,
      stateUnderReview: row.state_under_review,
      symbol: row.symbol,
      uprSession: row.upr_session,
    });
    if (!wanted.has(group)) continue;
    const c: Candidate = {
      id: row.id,
      fingerprint: row.fingerprint,
      group,
      match: matchText(row.bare_text ?? bareText(row.text, row.recommending_states)),
      kinds: row.kinds ?? [],
    };
    byGroup.set(group, [...(byGroup.get(group) ?? []), c]);
  }
  const taken = new Set<string>();
  let matched = 0;
  const fuzzy: { m: Matchable; c: Candidate; score: number }[] = [];
  for (const m of open) {
    if (stored.has(m.fingerprint)) continue;
    const candidates = byGroup.get(groupOf(m));
    if (!candidates) continue;
    const text = matchText(bareText(m.first.text, m.first.recommendingStates));
    const exact = candidates.find((c) => c.match === text && !taken.has(c.id));
    if (exact) {
      taken.add(exact.id);
      m.fingerprint = exact.fingerprint;
      matched++;
      continue;
    }
    const mine = comparable(text);
    for (const c of candidates) {
      // Two records of one kind of source are two recommendations unless their text is the same.
      if (c.kinds.includes(kind)) continue;
      c.cmp ??= comparable(c.match);
      const score = similarity(mine, c.cmp);
      if (score >= FUZZY_THRESHOLD) fuzzy.push({ m, c, score });
    }
  }
  const done = new Set<Matchable>();
  for (const { m, c } of fuzzy.sort((a, b) => b.score - a.score)) {
    if (done.has(m) || taken.has(c.id)) continue;
    done.add(m);
    taken.add(c.id);
    m.fingerprint = c.fingerprint;
    matched++;
  }
  return matched;
}
