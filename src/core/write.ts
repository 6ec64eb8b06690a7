/**
 * The one audited write path. Every change to data goes through these functions, inside the
 * transaction of the change, and each leaves audit rows naming the entity, its id, and the fields
 * before and after:
 * - insertRow / updateRow / deleteRow: one row of a table (updates and deletes carry the version the
 *   user saw; a stale one is refused with 409);
 * - replaceChildren: the child rows of a parent (the links of a meeting, the steps of a guide, a
 *   recommendation's terms), audited as one change of the parent with the lists before and after;
 * - recordChanges: many changes at once (imports), written to the audit trail in one statement;
 * - recordEvent: what is not a change of data but must be on record (login, logout, an import's
 *   summary, a seed).
 * Only this module writes audit rows (an ESLint rule keeps it so).
 */
import crypto from 'node:crypto';
import type { Queryable } from './db.ts';
import type { Actor } from './actor.ts';
import { errors, notFound, staleEdit } from './errors.ts';
import { snake } from './sql.ts';

/** A value a column takes. */
export type SqlValue = string | number | boolean | null | readonly string[] | readonly number[] | object;

/** A table edited through the functions below. Row is the table's row type (snake_case columns). */
export interface TableSpec<Row extends { id: string }, Input extends object> {
  table: string;
  /** Entity name in the audit trail and in messages, e.g. "organisation". */
  entity: string;
  /** API fields that may be written (camelCase); columns are their snake_case. */
  writable: readonly (keyof Input & string)[];
  /**
   * Columns of personal data (snake_case): the audit trail keeps only their sha256, so that the
   * row can be erased on request while the trail stays whole.
   */
  personal?: readonly (keyof Row & string)[];
  /** Type only: ties the spec to its row type, so reads and writes return `Row`. */
  readonly row?: Row;
}

/** One entry of the audit trail. */
export interface Change {
  action: 'create' | 'update' | 'delete' | (string & {});
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

function columnsOf<Input extends object>(writable: readonly (keyof Input & string)[], input: Partial<Input>) {
  const cols: string[] = [];
  const vals: unknown[] = [];
  for (const key of writable) {
    const v = input[key];
    if (v === undefined) continue;
    cols.push(snake(key));
    vals.push(v);
  }
  return { cols, vals };
}

export async function getRow<Row extends { id: string }, Input extends object>(
  q: Queryable,
  spec: TableSpec<Row, Input>,
  id: string,
  forUpdate = false,
): Promise<Row> {
  const r = await q.query<Row>(`select * from ${spec.table} where id = $1${forUpdate ? ' for update' : ''}`, [
    id,
  ]);
  const row = r.rows[0];
  if (!row) throw notFound(spec.entity, id);
  return row;
}

export async function insertRow<Row extends { id: string }, Input extends object>(
  tx: Queryable,
  actor: Actor,
  spec: TableSpec<Row, Input>,
  input: Partial<Input>,
): Promise<Row> {
  const { cols, vals } = columnsOf(spec.writable, input);
  const r = await tx.query<Row>(
    `insert into ${spec.table} (${cols.join(', ')}) values (${vals.map((_, i) => `$${i + 1}`).join(', ')}) returning *`,
    vals,
  );
  const row = r.rows[0]!;
  await recordChanges(tx, actor, [
    { action: 'create', entityType: spec.entity, entityId: row.id, after: audited(spec, row) },
  ]);
  return row;
}

/**
 * Updates the fields given, if the caller saw the current version (optimistic locking):
 * a stale edit is refused with 409 instead of overwriting someone else's change.
 */
export async function updateRow<Row extends { id: string; version: number }, Input extends object>(
  tx: Queryable,
  actor: Actor,
  spec: TableSpec<Row, Input>,
  id: string,
  input: Partial<Input> & { version: number },
): Promise<Row> {
  const before = await getRow(tx, spec, id, true);
  if (before.version !== input.version) throw staleEdit(spec.entity, Number(before.version), input.version);
  const { cols, vals } = columnsOf(spec.writable, input);
  if (cols.length === 0) throw errors.nothing_to_change({ entity: spec.entity });
  const sets = cols.map((c, i) => `${c} = $${i + 2}`);
  const r = await tx.query<Row>(
    `update ${spec.table} set ${sets.join(', ')}, version = version + 1, updated_at = now()
     where id = $1 returning *`,
    [id, ...vals],
  );
  const after = r.rows[0]!;
  await recordChanges(tx, actor, [
    {
      action: 'update',
      entityType: spec.entity,
      entityId: id,
      before: audited(spec, before),
      after: audited(spec, after),
    },
  ]);
  return after;
}

/** Deletes a row the caller saw at `version`; a row changed since is refused with 409. */
export async function deleteRow<Row extends { id: string; version: number }, Input extends object>(
  tx: Queryable,
  actor: Actor,
  spec: TableSpec<Row, Input>,
  id: string,
  version: number,
): Promise<Row> {
  const before = await getRow(tx, spec, id, true);
  if (before.version !== version) throw staleEdit(spec.entity, Number(before.version), version);
  await tx.query(`delete from ${spec.table} where id = $1`, [id]);
  await recordChanges(tx, actor, [
    { action: 'delete', entityType: spec.entity, entityId: id, before: audited(spec, before) },
  ]);
  return before;
}

/** How personal data appears in the audit trail: its sha256, never the value. */
export const personalHash = (value: string): string =>
  `sha256:${crypto.createHash('sha256').update(value).digest('hex')}`;

/** A row as the audit trail records it: the personal columns of its table replaced by their hash. */
function audited<Row extends { id: string }, Input extends object>(
  spec: TableSpec<Row, Input>,
  row: Row,
): object {
  if (!spec.personal?.length) return row;
  const out: Record<string, unknown> = { ...row };
  for (const column of spec.personal) {
    const v = row[column];
    out[column] = v === null || v === undefined ? v : personalHash(String(v));
  }
  return out;
}

/** Child rows that belong to one parent and are saved as a whole list. */
export interface ChildSpec<Child extends object> {
  table: string;
  /** The column that points to the parent, e.g. "meeting_id". */
  parentColumn: string;
  /** The parent's entity name in the audit trail, e.g. "meeting"; the change is recorded on it. */
  parentEntity: string;
  /** The field of the parent the list is, in the audit trail, e.g. "participants". */
  field: string;
  /** The columns written per child (snake_case), taken from the fields of the same name in camelCase. */
  columns: readonly (keyof Child & string)[];
  /** Order of the list read back, e.g. "position". */
  orderBy?: string;
}

/**
 * Replaces the children of a parent by the list given, in the caller's transaction, and records
 * one audit row on the parent with the list before and after. Nothing is recorded when the list
 * did not change.
 */
export async function replaceChildren<Child extends object>(
  tx: Queryable,
  actor: Actor,
  spec: ChildSpec<Child>,
  parentId: string,
  children: readonly Child[],
): Promise<void> {
  const cols = spec.columns.map((c) => snake(c));
  const select = `select ${cols.join(', ')} from ${spec.table} where ${spec.parentColumn} = $1${
    spec.orderBy ? ` order by ${spec.orderBy}` : ''
  }`;
  const before = (await tx.query(select, [parentId])).rows;
  await tx.query(`delete from ${spec.table} where ${spec.parentColumn} = $1`, [parentId]);
  if (children.length > 0) {
    const vals: unknown[] = [parentId];
    const tuples = children.map((child) => {
      const slots = spec.columns.map((c) => {
        vals.push(child[c] ?? null);
        return `$${vals.length}`;
      });
      return `($1, ${slots.join(', ')})`;
    });
    await tx.query(
      `insert into ${spec.table} (${spec.parentColumn}, ${cols.join(', ')}) values ${tuples.join(', ')}`,
      vals,
    );
  }
  const after = (await tx.query(select, [parentId])).rows;
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await recordChanges(tx, actor, [
    {
      action: 'update',
      entityType: spec.parentEntity,
      entityId: parentId,
      before: { [spec.field]: before },
      after: { [spec.field]: after },
    },
  ]);
}

/**
 * Records changes in the audit trail in one statement, however many (an import of 30,000 rows
 * records one row per recommendation created or changed). Before and after are recorded in the
 * API's shape (camelCase fields); secrets never enter the audit trail.
 */
export async function recordChanges(tx: Queryable, actor: Actor, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  if (changes.length === 1) {
    const e = changes[0]!;
    await tx.query(
      `insert into audit_events (actor_id, actor_label, action, entity_type, entity_id, before, after)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor.id,
        actor.label,
        e.action,
        e.entityType,
        e.entityId ?? null,
        e.before === undefined ? null : JSON.stringify(redact(e.before)),
        e.after === undefined ? null : JSON.stringify(redact(e.after)),
      ],
    );
    return;
  }
  const rows = changes.map((e) => ({
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId ?? null,
    before: e.before === undefined ? null : redact(e.before),
    after: e.after === undefined ? null : redact(e.after),
  }));
  await tx.query(
    `insert into audit_events (actor_id, actor_label, action, entity_type, entity_id, before, after)
     select $1, $2, x.action, x.entity_type, x.entity_id, x.before, x.after
       from rows from (jsonb_to_recordset($3::jsonb)
              as (action text, entity_type text, entity_id text, before jsonb, after jsonb)) with ordinality
         as x(action, entity_type, entity_id, before, after, n)
      order by x.n`,
    [actor.id, actor.label, JSON.stringify(rows)],
  );
}

/** Records an event that is not itself a change of a row: a login, an import's summary, a seed. */
export async function recordEvent(tx: Queryable, actor: Actor, event: Change): Promise<void> {
  await recordChanges(tx, actor, [event]);
}

/** The fields that differ between two objects, for a readable before/after. */
export function changedFields<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/** Fields that never enter the audit trail (mustChangePassword does: it is a fact, not a secret). */
const SECRET = /^(password|password_?hash|new_?password|current_?password)$|token|secret|csrf/i;

function redact(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const key = k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    out[key] = SECRET.test(k) ? '[redacted]' : redact(val);
  }
  return out;
}
