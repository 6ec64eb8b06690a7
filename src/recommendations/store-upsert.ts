/**
 * The recommendations of an import, merged and written: records whose source key is known update
 * the recommendation they made before; records with the same fingerprint (the same recommendation
 * from another source or another recommending state) become one recommendation.
 */
import type { Queryable } from '../core/db.ts';
import { fingerprint } from './fingerprint.ts';
import { keepStateBeforeSql } from './store-audit.ts';
import type { ImportKind, ImportRecord } from './schema.ts';

/** Rows per INSERT statement: large enough to be fast, small enough for PGlite's memory. */
export const CHUNK = 2000;

/** One recommendation of the file: the records that make it and their recommending states. */
export interface Merged {
  fingerprint: string;
  first: ImportRecord;
  states: Set<string>;
  records: ImportRecord[];
}

/** The fingerprints of the recommendations the source keys made before. */
async function knownFingerprints(
  tx: Queryable,
  kind: ImportKind,
  keys: string[],
): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 10_000) {
    const r = await tx.query<{ source_key: string; fingerprint: string }>(
      `select s.source_key, r.fingerprint from recommendation_sources s
         join recommendations r on r.id = s.recommendation_id
        where s.kind = $1 and s.source_key = any($2::text[])`,
      [kind, keys.slice(i, i + 10_000)],
    );
    for (const row of r.rows) known.set(row.source_key, row.fingerprint);
  }
  return known;
}

/** Groups the records by the recommendation they make. */
export async function mergeRecords(
  tx: Queryable,
  kind: ImportKind,
  records: ImportRecord[],
): Promise<Merged[]> {
  const known = await knownFingerprints(
    tx,
    kind,
    records.map((r) => r.sourceKey),
  );
  const merged = new Map<string, Merged>();
  for (const rec of records) {
    const fp = known.get(rec.sourceKey) ?? fingerprint(rec);
    const m = merged.get(fp);
    if (m) {
      rec.recommendingStates.forEach((s) => m.states.add(s));
      m.records.push(rec);
    } else {
      merged.set(fp, {
        fingerprint: fp,
        first: rec,
        states: new Set(rec.recommendingStates),
        records: [rec],
      });
    }
  }
  return [...merged.values()];
}

/** What the upsert did: the id of each recommendation by fingerprint, and the new ones. */
export interface Upserted {
  ids: Map<string, string>;
  created: Set<string>;
}

/** The values of a chunk ($1 ... $15), one row per recommendation, named as the columns. */
const VALUES = `select f as fingerprint, m as mechanism, b as body_code, s as state_under_review, sy as symbol,
         p as paragraph, t as text, rs::text[] as recommending_states, po as position, y as year,
         us as upr_session, ac as action_category, fu as follow_up, tn as text_nl, pe as position_explanation
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::int[], $11::int[], $12::int[], $13::bool[], $14::text[], $15::text[])
         as u(f, m, b, s, sy, p, t, rs, po, y, us, ac, fu, tn, pe)`;

/**
 * Whether the values `n` change the stored recommendation `r`: a new text, a Dutch text or
 * explanation, another position, recommending state, year or category, a follow-up priority, or a
 * paragraph or symbol it lacked. What the file leaves empty keeps the stored value.
 */
const changes = (n: string) => `r.text is distinct from ${n}.text
    or (${n}.text_nl is not null and r.text_nl is distinct from ${n}.text_nl)
    or (${n}.position_explanation is not null and r.position_explanation is distinct from ${n}.position_explanation)
    or r.position is distinct from coalesce(${n}.position, r.position)
    or not (r.recommending_states @> ${n}.recommending_states)
    or r.year is distinct from coalesce(${n}.year, r.year)
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
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK);
    const col = <T>(f: (m: Merged) => T) => chunk.map(f);
    const values = [
      col((m) => m.fingerprint),
      col((m) => m.first.mechanism),
      col((m) => m.first.bodyCode ?? null),
      col((m) => m.first.stateUnderReview),
      col((m) => m.first.symbol ?? null),
      col((m) => m.first.paragraph ?? null),
      col((m) => m.first.text.trim()),
      col((m) => arrayLiteral([...m.states].sort())),
      col((m) => m.records.find((x) => x.position)?.position ?? null),
      col((m) => m.first.year ?? null),
      col((m) => m.first.uprSession ?? null),
      col((m) => m.first.actionCategory ?? null),
      col((m) => m.records.some((x) => x.followUp)),
      col((m) => m.records.find((x) => x.textNl)?.textNl ?? null),
      col((m) => m.records.find((x) => x.positionExplanation)?.positionExplanation ?? null),
    ];
    // One statement: the state of the recommendations about to change is kept (the WITH query sees
    // them as they were), then the values are written.
    const r = await tx.query<{ id: string; fingerprint: string; inserted: boolean }>(
      `with n as materialized (${VALUES}),
       kept as (${keepStateBeforeSql(CHANGING)})
       insert into recommendations as r (fingerprint, mechanism, body_code, state_under_review, symbol, paragraph, text,
          recommending_states, position, year, upr_session, action_category, follow_up, text_nl, position_explanation)
       select * from n
       on conflict (fingerprint) do update set
         recommending_states = (select coalesce(array_agg(distinct x order by x), '{}')
                                  from unnest(r.recommending_states || excluded.recommending_states) x),
         position = coalesce(excluded.position, r.position),
         paragraph = coalesce(r.paragraph, excluded.paragraph),
         symbol = coalesce(r.symbol, excluded.symbol),
         body_code = coalesce(r.body_code, excluded.body_code),
         year = coalesce(excluded.year, r.year),
         upr_session = coalesce(excluded.upr_session, r.upr_session),
         action_category = coalesce(excluded.action_category, r.action_category),
         follow_up = r.follow_up or excluded.follow_up,
         text = excluded.text,
         text_nl = coalesce(excluded.text_nl, r.text_nl),
         position_explanation = coalesce(excluded.position_explanation, r.position_explanation),
         version = r.version + 1,
         updated_at = now()
       where ${changes('excluded')}
       returning r.id, r.fingerprint, (xmax = 0) as inserted`,
      values,
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
  return { ids, created };
}

/** A PostgreSQL array literal of texts: {"a","b \\"c\\""}. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
