import type { Queryable } from './db.ts';
import { recordAudit, type Actor } from './audit.ts';
import { badRequest, notFound, staleEdit } from './errors.ts';
import { snake } from './sql.ts';

/** A table edited through the generic insert/update/delete below, each write audited. */
export interface TableSpec {
  table: string;
  /** Entity name in the audit trail and in messages, e.g. "organisation". */
  entity: string;
  /** API fields that may be written, camelCase; columns are their snake_case. */
  writable: readonly string[];
}

function columnsOf(spec: TableSpec, input: Record<string, unknown>) {
  const cols: string[] = [];
  const vals: unknown[] = [];
  for (const key of spec.writable) {
    if (input[key] === undefined) continue;
    cols.push(snake(key));
    vals.push(input[key]);
  }
  return { cols, vals };
}

export async function getRow(q: Queryable, spec: TableSpec, id: string, forUpdate = false) {
  const r = await q.query<Record<string, unknown>>(
    `select * from ${spec.table} where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  const row = r.rows[0];
  if (!row) throw notFound(spec.entity, id);
  return row;
}

export async function insertRow(
  tx: Queryable,
  actor: Actor,
  spec: TableSpec,
  input: Record<string, unknown>,
) {
  const { cols, vals } = columnsOf(spec, input);
  const r = await tx.query<Record<string, unknown>>(
    `insert into ${spec.table} (${cols.join(', ')}) values (${vals.map((_, i) => `$${i + 1}`).join(', ')}) returning *`,
    vals,
  );
  const row = r.rows[0]!;
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: spec.entity,
    entityId: String(row.id),
    after: row,
  });
  return row;
}

/**
 * Updates the fields given, if the caller saw the current version (optimistic locking):
 * a stale edit is refused with 409 instead of overwriting someone else's change.
 */
export async function updateRow(
  tx: Queryable,
  actor: Actor,
  spec: TableSpec,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  const before = await getRow(tx, spec, id, true);
  if (before.version !== input.version) throw staleEdit(spec.entity, Number(before.version), input.version);
  const { cols, vals } = columnsOf(spec, input);
  if (cols.length === 0)
    throw badRequest(`Nothing to change: send at least one field of the ${spec.entity}.`);
  const sets = cols.map((c, i) => `${c} = $${i + 2}`);
  const r = await tx.query<Record<string, unknown>>(
    `update ${spec.table} set ${sets.join(', ')}, version = version + 1, updated_at = now()
     where id = $1 returning *`,
    [id, ...vals],
  );
  const after = r.rows[0]!;
  await recordAudit(tx, actor, { action: 'update', entityType: spec.entity, entityId: id, before, after });
  return after;
}

export async function deleteRow(tx: Queryable, actor: Actor, spec: TableSpec, id: string, version?: number) {
  const before = await getRow(tx, spec, id, true);
  if (version !== undefined && before.version !== version) {
    throw staleEdit(spec.entity, Number(before.version), version);
  }
  await tx.query(`delete from ${spec.table} where id = $1`, [id]);
  await recordAudit(tx, actor, { action: 'delete', entityType: spec.entity, entityId: id, before });
  return before;
}
