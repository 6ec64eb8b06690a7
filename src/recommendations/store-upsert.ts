/**
 * The recommendations of an import, merged and written: records whose source key is known update
 * the recommendation they made before; records with the same fingerprint (the same recommendation
 * from another source or another recommending state) become one recommendation.
 */
import crypto from 'node:crypto';
import type { Queryable } from '../core/db.ts';
import { bareText, fingerprint } from './fingerprint.ts';
import { matchStored } from './merge-match.ts';
import { resolveState } from './parse/states.ts';
import { keepStateBeforeSql } from './store-audit.ts';
import { uprCycle, uprCycleOfSymbol } from './upr-sessions.ts';
import type { ImportKind, ImportRecord } from './schema.ts';

/** Rows per INSERT statement: large enough to be fast, small enough for PGlite's memory. */
export const CHUNK = 10_000;

/** One recommendation of the file: the records that make it and their recommending states. */
export interface Merged {
  fingerprint: string;
  first: ImportRecord;
  states: Set<string>;
  records: ImportRecord[];
  /** Whether a record came from a source key stored before. */
  known: boolean;
  /** Whether such a source now says otherwise: what it says replaces what it said. */
  own: boolean;
  /**
   * The stored recommendation when every record comes from a known source that says the same as
   * at its last import (content hash): then the file has nothing new for it and it is left alone.
   */
  unchangedId: string | null;
}

/**
 * A recommending state by its UN short name, however the source spells it ("Turkey", "Iran",
 * "United Kingdom"); a name no list knows stays as the source gives it.
 */
const canonicalState = (name: string): string => resolved(name)?.name ?? name.trim();

/** Names resolved before: an import names the same few hundred states many thousand times. */
const RESOLVED = new Map<string, ReturnType<typeof resolveState>>();
function resolved(name: string) {
  if (!RESOLVED.has(name)) {
    if (RESOLVED.size > 10_000) RESOLVED.clear();
    RESOLVED.set(name, resolveState(name));
  }
  return RESOLVED.get(name)!;
}

/** The ISO 3166-1 alpha-3 codes of the states (in their order; unknown names left out). */
export const stateCodes = (states: readonly string[]): string[] => [
  ...new Set(states.map((s) => resolved(s)?.iso3).filter((c): c is string => Boolean(c))),
];

/** Source keys per lookup. */
const KEYS_CHUNK = 50_000;

/**
 * The fields of a record that its content hash covers: all but its row in the file (a row that
 * moves down the file says the same). The type makes a field added to ImportRecord fail here until
 * it is listed.
 */
const HASHED: Record<Exclude<keyof ImportRecord, 'row'>, true> = {
  sourceKey: true,
  paragraph: true,
  mechanism: true,
  bodyCode: true,
  stateUnderReview: true,
  symbol: true,
  text: true,
  textNl: true,
  recommendingStates: true,
  position: true,
  positionExplanation: true,
  year: true,
  uprSession: true,
  actionCategory: true,
  followUp: true,
  reportedDate: true,
  terms: true,
};
const HASHED_FIELDS = Object.keys(HASHED) as (keyof typeof HASHED)[];

/** Content hashes by record, computed once per import (after the states are canonical). */
const HASHES = new WeakMap<ImportRecord, string>();

/**
 * The hash of what a record says (recommendation_sources.content_hash): the same record read again
 * gives the same hash. A missing field and an empty one (null) hash alike.
 */
export function contentHash(rec: ImportRecord): string {
  let h = HASHES.get(rec);
  if (h === undefined) {
    const values = HASHED_FIELDS.map((f) => rec[f] ?? null);
    h = crypto.hash('sha256', JSON.stringify(values), 'base64url');
    HASHES.set(rec, h);
  }
  return h;
}

/**
 * What a source key said before: the recommendation it went to, whether it says the same now (its
 * content hash), and, where it does not, its wording and position.
 */
interface KnownSource {
  id: string;
  fingerprint: string;
  same: boolean;
  text: string | null;
  position: string | null;
}

/**
 * The recommendations the source keys made before, and what each source said then: its content
 * hash, and, where that differs from the record's now, its wording and position (a second look-up,
 * for those few only).
 */
async function knownSources(
  tx: Queryable,
  kind: ImportKind,
  records: ImportRecord[],
): Promise<Map<string, KnownSource>> {
  const known = new Map<string, KnownSource>();
  const hashes = new Map(records.map((r) => [r.sourceKey, contentHash(r)]));
  const keys = [...hashes.keys()];
  for (let i = 0; i < keys.length; i += KEYS_CHUNK) {
    const r = await tx.query<{
      source_key: string;
      id: string;
      fingerprint: string;
      content_hash: string | null;
    }>(
      `select s.source_key, r.id, r.fingerprint, s.content_hash from recommendation_sources s
         join recommendations r on r.id = s.recommendation_id
        where s.kind = $1 and s.source_key = any($2::text[])`,
      [kind, keys.slice(i, i + KEYS_CHUNK)],
    );
    for (const row of r.rows)
      known.set(row.source_key, {
        id: row.id,
        fingerprint: row.fingerprint,
        same: row.content_hash === hashes.get(row.source_key),
        text: null,
        position: null,
      });
  }
  const changed = [...known].filter(([, k]) => !k.same).map(([key]) => key);
  for (let i = 0; i < changed.length; i += KEYS_CHUNK) {
    const r = await tx.query<{
      source_key: string;
      reported_text: string | null;
      reported_position: string | null;
    }>(
      `select source_key, reported_text, reported_position from recommendation_sources
        where kind = $1 and source_key = any($2::text[])`,
      [kind, changed.slice(i, i + KEYS_CHUNK)],
    );
    for (const row of r.rows) {
      const k = known.get(row.source_key)!;
      k.text = row.reported_text;
      k.position = row.reported_position;
    }
  }
  return known;
}

/**
 * Groups the records by the recommendation they make: a record whose source key is known goes to
 * the recommendation it made before; the others by fingerprint, or to the stored recommendation
 * whose bare text matches (merge-match.ts).
 */
export async function mergeRecords(
  tx: Queryable,
  kind: ImportKind,
  records: ImportRecord[],
): Promise<Merged[]> {
  for (const rec of records) rec.recommendingStates = rec.recommendingStates.map(canonicalState);
  const known = await knownSources(tx, kind, records);
  const merged = new Map<string, Merged>();
  const add = (
    fp: string,
    recs: ImportRecord[],
    isKnown: boolean,
    own: boolean,
    unchangedId: string | null,
  ) => {
    const m = merged.get(fp);
    if (m) {
      recs.forEach((rec) => rec.recommendingStates.forEach((s) => m.states.add(s)));
      m.records.push(...recs);
      m.known ||= isKnown;
      m.own ||= own;
      if (m.unchangedId !== unchangedId) m.unchangedId = null;
    } else {
      merged.set(fp, {
        fingerprint: fp,
        first: recs[0]!,
        states: new Set(recs.flatMap((r) => r.recommendingStates)),
        records: [...recs],
        known: isKnown,
        own,
        unchangedId,
      });
    }
  };
  for (const rec of records) {
    const before = known.get(rec.sourceKey);
    // A source that now says otherwise than it did (or whose words were not kept) speaks for itself.
    const own =
      before !== undefined &&
      !before.same &&
      (before.text === null || before.text !== rec.text || before.position !== (rec.position ?? null));
    add(
      before?.fingerprint ?? fingerprint(rec),
      [rec],
      before !== undefined,
      own,
      before?.same ? before.id : null,
    );
  }
  // New recommendations that a stored one (from another source, in other words) already describes.
  const list = [...merged.values()];
  if (!(await matchStored(tx, kind, list))) return list;
  merged.clear();
  for (const m of list) add(m.fingerprint, m.records, m.known, m.own, m.unchangedId);
  return [...merged.values()];
}

/** What the upsert did: the id of each recommendation by fingerprint, and the new ones. */
export interface Upserted {
  ids: Map<string, string>;
  created: Set<string>;
}

/**
 * The values of a chunk, one row per recommendation, named as the columns: one JSON array of
 * objects ($1) with short keys. One text parameter instead of an array per column: the client
 * writes it with JSON.stringify and the server reads it in one pass, where escaping each element of
 * nineteen arrays (and, on PGlite, handing them to its worker) cost a tenth of the statement.
 */
const VALUES = `select f as fingerprint, m as mechanism, b as body_code, s as state_under_review, sy as symbol,
         p as paragraph, t as text, rs as recommending_states, po as position, y as year,
         us as upr_session, ac as action_category, fu as follow_up, tn as text_nl, pe as position_explanation,
         bt as bare_text, uc as upr_cycle, rc as recommending_state_codes, ov as own
    from json_to_recordset($1::json) as u(f text, m text, b text, s text, sy text, p text, t text, rs text[],
         po text, y int, us int, ac int, fu bool, tn text, pe text, bt text, uc int, rc text[], ov bool)`;

/** A recommendation of the file as a row of VALUES. */
function valuesRow(m: Merged) {
  const states = [...m.states].sort();
  return {
    f: m.fingerprint,
    m: m.first.mechanism,
    b: m.first.bodyCode ?? null,
    s: m.first.stateUnderReview,
    sy: m.first.symbol ?? null,
    p: m.first.paragraph ?? null,
    t: m.first.text.trim(),
    rs: states,
    po: m.records.find((x) => x.position)?.position ?? null,
    y: m.first.year ?? null,
    us: m.first.uprSession ?? null,
    ac: m.first.actionCategory ?? null,
    fu: m.records.some((x) => x.followUp),
    tn: m.records.find((x) => x.textNl)?.textNl ?? null,
    pe: m.records.find((x) => x.positionExplanation)?.positionExplanation ?? null,
    bt: bareText(m.first.text, m.first.recommendingStates),
    uc: m.first.uprSession ? uprCycle(m.first.uprSession) : uprCycleOfSymbol(m.first.symbol),
    rc: stateCodes(states),
    ov: m.own,
  };
}

/**
 * The position that values `n` give the stored recommendation `r`: the source that gave it before
 * may change it; another source fills in a position that is missing or pending, and where it
 * disagrees its position stays with it (recommendation_sources.reported_position).
 */
const positionOf = (n: string, own = `${n}.own`) =>
  `case when ${own} or r.position is null or r.position = 'pending' then coalesce(${n}.position, r.position)
        else r.position end`;

/**
 * Whether the values `n` change the stored recommendation `r`: a new text, a Dutch text or
 * explanation, another position, recommending state, year or category, a follow-up priority, or a
 * paragraph or symbol it lacked. What the file leaves empty keeps the stored value; the text, position
 * and year of a recommendation change only when the source that gave them says otherwise.
 */
const changes = (n: string, own = `${n}.own`) => `(${own} and r.text is distinct from ${n}.text)
    or (${n}.text_nl is not null and r.text_nl is distinct from ${n}.text_nl)
    or (${n}.position_explanation is not null and r.position_explanation is distinct from ${n}.position_explanation)
    or r.position is distinct from ${positionOf(n, own)}
    or not (r.recommending_states @> ${n}.recommending_states)
    or (${own} and r.year is distinct from coalesce(${n}.year, r.year)) or (r.year is null and ${n}.year is not null)
    or r.action_category is distinct from coalesce(${n}.action_category, r.action_category)
    or (${n}.follow_up and not r.follow_up)
    or (r.paragraph is null and ${n}.paragraph is not null)
    or (r.symbol is null and ${n}.symbol is not null)`;

/**
 * The ids of the stored recommendations that the values `n` change. Looked up one by one through
 * the unique index: a join would read the whole table for every chunk.
 */
const CHANGING = `select id from (
    select (select r.id from recommendations r where r.fingerprint = n.fingerprint and (${changes('n')})) as id
      from n) x
   where id is not null`;

/**
 * Inserts the new recommendations and updates the known ones where the file says more (a
 * position, a recommending state, a Dutch text); a recommendation the file does not change is
 * left as it is. The state of each one about to change is kept for the audit trail first.
 */
export async function upsertRecommendations(tx: Queryable, list: Merged[]): Promise<Upserted> {
  const ids = new Map<string, string>();
  const created = new Set<string>();
  // What a source says again replaces what it said; another source's record fills in: two statements.
  const parts = [list.filter((m) => m.own), list.filter((m) => !m.own)];
  for (const [k, part] of parts.entries()) {
    await upsertPart(tx, part, k === 0, ids, created);
  }
  return { ids, created };
}

async function upsertPart(
  tx: Queryable,
  list: Merged[],
  own: boolean,
  ids: Map<string, string>,
  created: Set<string>,
): Promise<void> {
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK);
    // One statement: the state of the recommendations about to change is kept (the WITH query sees
    // them as they were), then the values are written.
    const r = await tx.query<{ id: string; fingerprint: string; inserted: boolean }>(
      `with n as materialized (${VALUES}),
       kept as (${keepStateBeforeSql(CHANGING)})
       insert into recommendations as r (fingerprint, mechanism, body_code, state_under_review, symbol, paragraph, text,
          recommending_states, position, year, upr_session, action_category, follow_up, text_nl, position_explanation,
          bare_text, upr_cycle, recommending_state_codes)
       select fingerprint, mechanism, body_code, state_under_review, symbol, paragraph, text, recommending_states,
              position, year, upr_session, action_category, follow_up, text_nl, position_explanation, bare_text,
              upr_cycle, recommending_state_codes from n
       on conflict (fingerprint) do update set
         recommending_states = (select coalesce(array_agg(distinct x order by x), '{}')
                                  from unnest(r.recommending_states || excluded.recommending_states) x),
         recommending_state_codes = (select coalesce(array_agg(distinct x order by x), '{}')
                                  from unnest(r.recommending_state_codes || excluded.recommending_state_codes) x),
         position = ${positionOf('excluded', String(own))},
         paragraph = coalesce(r.paragraph, excluded.paragraph),
         symbol = coalesce(r.symbol, excluded.symbol),
         body_code = coalesce(r.body_code, excluded.body_code),
         year = ${own ? 'coalesce(excluded.year, r.year)' : 'coalesce(r.year, excluded.year)'},
         upr_session = coalesce(excluded.upr_session, r.upr_session),
         action_category = coalesce(excluded.action_category, r.action_category),
         follow_up = r.follow_up or excluded.follow_up,
         text = ${own ? 'excluded.text' : 'r.text'},
         bare_text = ${own ? 'excluded.bare_text' : 'coalesce(r.bare_text, excluded.bare_text)'},
         upr_cycle = coalesce(r.upr_cycle, excluded.upr_cycle),
         text_nl = coalesce(excluded.text_nl, r.text_nl),
         position_explanation = coalesce(excluded.position_explanation, r.position_explanation),
         version = r.version + 1,
         updated_at = now()
       where ${changes('excluded', String(own))}
       returning r.id, r.fingerprint, (xmax = 0) as inserted`,
      [JSON.stringify(chunk.map(valuesRow))],
    );
    for (const row of r.rows) {
      ids.set(row.fingerprint, row.id);
      if (row.inserted) created.add(row.id);
    }
    // The recommendations the file leaves as they are: their ids.
    const missing = chunk.filter((m) => !ids.has(m.fingerprint)).map((m) => m.fingerprint);
    if (missing.length) {
      const existing = await tx.query<{ id: string; fingerprint: string }>(
        'select r.id, r.fingerprint from unnest($1::text[]) as x(fingerprint) join recommendations r using (fingerprint)',
        [missing],
      );
      for (const row of existing.rows) ids.set(row.fingerprint, row.id);
    }
  }
}
