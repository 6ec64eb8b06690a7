/**
 * The audit trail of an import: one row per recommendation it created or changed, with the fields
 * that changed before and after (e.g. {position: 'supported'} → {position: 'noted'}), and one
 * summary event of the import. Set-based, in the import's transaction: the statements that change
 * recommendations first keep the state of those they are about to change (a temporary table, in
 * the same statement or just before), and at the end one statement per chunk compares it with the
 * state afterwards and writes the audit rows; recommendations left as they were cost nothing.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { recordEvent } from '../core/write.ts';
import type { ImportKind, ImportSummary } from './schema.ts';

/** Ids per audit statement. */
const AUDIT_CHUNK = 10_000;

/**
 * The state of the recommendation `r` as the audit trail records it (the API's field names), with
 * its tags given by the expressions `terms` (as "scheme:code") and `unmapped` (as "scheme:spelling").
 */
const stateFields = (terms: string, unmapped: string) => `jsonb_build_object(
    'mechanism', r.mechanism, 'bodyCode', r.body_code, 'stateUnderReview', r.state_under_review,
    'symbol', r.symbol, 'paragraph', r.paragraph, 'text', r.text, 'textNl', r.text_nl,
    'recommendingStates', to_jsonb(r.recommending_states), 'position', r.position,
    'positionExplanation', r.position_explanation, 'followUp', r.follow_up, 'year', r.year,
    'uprSession', r.upr_session, 'actionCategory', r.action_category,
    'instrumentId', r.instrument_id, 'cycleId', r.cycle_id, 'documentId', r.document_id, 'terms', ${terms}, 'unmappedTerms', ${unmapped})`;

/**
 * The recommendations whose ids the query `ids` returns, in their audit state, their tags
 * included. Each is looked up through its index (`offset 0` keeps the planner from turning the
 * lookups into a join that reads whole tables, for a few ids as for many).
 */
const stateOf = (ids: string) => `with ids as materialized (${ids})
  select r.id, ${stateFields(
    `(select coalesce(jsonb_agg(t.scheme || ':' || t.code order by t.scheme, t.code), '[]')
        from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
       where rt.recommendation_id = r.id)`,
    `(select coalesce(jsonb_agg(u.scheme || ':' || u.spelling order by u.scheme, u.spelling), '[]')
        from recommendation_unmapped_terms u where u.recommendation_id = r.id)`,
  )} as state
    from ids cross join lateral (select * from recommendations r where r.id = ids.id offset 0) r`;

/**
 * The audit rows of the recommendations an import created ($3: their ids, many): their state as
 * stateOf gives it, the tags of all of them gathered in one pass each instead of one lookup per
 * recommendation.
 */
const CREATED = `with ids as materialized (select unnest($3::uuid[]) as id),
  terms as (
    select rt.recommendation_id as id, jsonb_agg(t.scheme || ':' || t.code order by t.scheme, t.code) as list
      from ids join recommendation_terms rt on rt.recommendation_id = ids.id join taxonomy_terms t on t.id = rt.term_id
     group by rt.recommendation_id),
  unmapped as (
    select u.recommendation_id as id, jsonb_agg(u.scheme || ':' || u.spelling order by u.scheme, u.spelling) as list
      from ids join recommendation_unmapped_terms u on u.recommendation_id = ids.id
     group by u.recommendation_id)
  insert into audit_events (actor_id, actor_label, action, entity_type, entity_id, before, after)
  select $1, $2, 'create', 'recommendation', r.id::text, null,
         jsonb_strip_nulls(${stateFields(`coalesce(terms.list, '[]')`, `coalesce(unmapped.list, '[]')`)})
    from ids join recommendations r on r.id = ids.id
    left join terms on terms.id = r.id left join unmapped on unmapped.id = r.id`;

/** Fields an import sets by linking recommendations to their cycle and document, not from the file's content. */
const LINK_FIELDS = ['instrumentId', 'cycleId', 'documentId'];

/**
 * Starts the audit of an import: a table for the state of the recommendations it changes, as it
 * was before; for a document, the state of the recommendations of its symbol (they may be linked
 * to their cycle after the import).
 */
export async function startImportAudit(tx: Queryable, symbol: string | null): Promise<void> {
  await tx.query(
    'create temporary table import_before (id uuid primary key, state jsonb not null) on commit drop',
  );
  // The statements below are cheap but look costly to the planner; compiling them (JIT) takes longer
  // than running them.
  await tx.query('set local jit = off');
  if (symbol) await keepStateBefore(tx, 'select id from recommendations where symbol = $1', [symbol]);
}

/**
 * Keeps the state of the recommendations that the query `ids` (with its parameters) returns,
 * before the import changes them; a state kept earlier in the import stays.
 */
export async function keepStateBefore(tx: Queryable, ids: string, params: unknown[]): Promise<void> {
  await tx.query(keepStateBeforeSql(ids), params);
}

/** The statement of keepStateBefore, to run it within another (as a WITH query before a change). */
export const keepStateBeforeSql = (ids: string) =>
  `insert into import_before (id, state) ${stateOf(ids)} on conflict (id) do nothing`;

/** What the audit found: recommendations created, and existing ones whose content changed. */
export interface ImportChanges {
  created: number;
  /** Existing recommendations whose fields or tags the file changed. */
  updated: number;
  /** Existing recommendations only linked to their cycle. */
  linked: number;
}

/**
 * Writes one audit row per recommendation created or changed: those created, and those whose
 * state was kept before a change. A recommendation that ends as it was leaves no row.
 */
export async function recordImportChanges(
  tx: Queryable,
  actor: Actor,
  created: Set<string>,
): Promise<ImportChanges> {
  const kept = await tx.query<{ id: string }>('select id from import_before');
  const total: ImportChanges = { created: 0, updated: 0, linked: 0 };
  const ids = [...created];
  for (let i = 0; i < ids.length; i += AUDIT_CHUNK) {
    const r = await tx.query(CREATED, [actor.id, actor.label, ids.slice(i, i + AUDIT_CHUNK)]);
    total.created += r.rowCount;
  }
  const all = kept.rows.map((r) => r.id).filter((id) => !created.has(id));
  const changed = (side: 'old' | 'new') =>
    `(select jsonb_object_agg(k, d.${side} -> k) from jsonb_object_keys(d.new) k where d.old -> k is distinct from d.new -> k)`;
  for (let i = 0; i < all.length; i += AUDIT_CHUNK) {
    const r = await tx.query<ImportChanges>(
      `with cur as materialized (
         ${stateOf('select unnest($3::uuid[]) as id')}
       ), diff as materialized (
         select c.id, b.state as old, c.state as new
           from cur c join import_before b on b.id = c.id
          where b.state is distinct from c.state
       ), written as (
         insert into audit_events (actor_id, actor_label, action, entity_type, entity_id, before, after)
         select $1, $2, 'update', 'recommendation', d.id::text, ${changed('old')}, ${changed('new')}
           from diff d
         returning after
       )
       select count(*) filter (where (after - $4::text[]) <> '{}'::jsonb)::int as updated,
              count(*) filter (where (after - $4::text[]) = '{}'::jsonb)::int as linked
         from written`,
      [actor.id, actor.label, all.slice(i, i + AUDIT_CHUNK), LINK_FIELDS],
    );
    const c = r.rows[0]!;
    total.updated += c.updated;
    total.linked += c.linked;
  }
  return total;
}

/** The import's own row, to which its sources point. */
export async function createImportRow(
  tx: Queryable,
  actor: Actor,
  input: { kind: ImportKind; fileName: string; sha256: string; totalRows: number },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into imports (kind, file_name, sha256, status, total_rows, created_by, created_by_label)
     values ($1, $2, $3, 'committed', $4, $5, $6) returning id`,
    [input.kind, input.fileName, input.sha256, input.totalRows, actor.id, actor.label],
  );
  return r.rows[0]!.id;
}

/** Records the import's outcome on its row, and its summary event in the audit trail. */
export async function finishImport(
  tx: Queryable,
  actor: Actor,
  importId: string,
  summary: ImportSummary,
  sha256: string,
): Promise<void> {
  await tx.query(
    `update imports set created_count = $2, updated_count = $3, unchanged_count = $4, skipped_count = $5,
            report = $6, finished_at = now() where id = $1`,
    [
      importId,
      summary.created,
      summary.updated,
      summary.unchanged,
      summary.skipped,
      JSON.stringify({ errors: summary.errors.slice(0, 1000), unmappedTerms: summary.unmappedTerms }),
    ],
  );
  await recordEvent(tx, actor, {
    action: 'import',
    entityType: 'import',
    entityId: importId,
    after: {
      kind: summary.kind,
      fileName: summary.fileName,
      sha256,
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      skipped: summary.skipped,
    },
  });
}
