/**
 * The seed's writes: set-based inserts that skip what exists, and the audit entries of what they
 * inserted (recorded by the seed through src/core/write.ts in the same transaction).
 */
import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';

/** A value of a seeded column. */
export type SeedValue = string | number | boolean | null | readonly string[];

/**
 * Inserts the rows whose unique key does not exist yet, in one statement, and returns the rows it
 * inserted. Every row must have the same columns (snake_case, as in the table).
 */
export async function insertAbsent<Row extends { id: string }>(
  tx: Queryable,
  table: string,
  conflictTarget: string,
  rows: readonly Readonly<Record<string, SeedValue>>[],
): Promise<Row[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first).join(', ');
  const r = await tx.query<Row>(
    `insert into ${table} (${columns})
     select ${columns} from jsonb_populate_recordset(null::${table}, $1::jsonb)
     on conflict ${conflictTarget} do nothing returning *`,
    [JSON.stringify(rows)],
  );
  return r.rows;
}

/** The audit entries of rows a seed created. */
export const created = (entityType: string, rows: readonly { id: string }[]): Change[] =>
  rows.map((row) => ({ action: 'create', entityType, entityId: row.id, after: row }));

export async function idsByCode(tx: Queryable, table: string): Promise<Map<string, string>> {
  const r = await tx.query<{ id: string; code: string }>(`select id, code from ${table}`);
  return new Map(r.rows.map((row) => [row.code, row.id]));
}

export const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The id of a code, or a clear error when the reference data names a code that does not exist. */
export function resolveCode(map: Map<string, string>, code: string | undefined, what: string): string | null {
  if (!code) return null;
  const id = map.get(code);
  if (!id) throw new Error(`Reference data: unknown ${what} code "${code}"`);
  return id;
}

/**
 * Inserts records that may point to a parent record of the same list (a parent organisation, the
 * treaty of an optional protocol), parents first: one statement per generation.
 */
export async function insertParentsFirst<
  T extends { code: string; parent_code?: string },
  Row extends { id: string },
>(
  list: readonly T[],
  ids: Map<string, string>,
  insert: (records: T[], parentId: (record: T) => string | null) => Promise<(Row & { code: string })[]>,
): Promise<Row[]> {
  const inserted: Row[] = [];
  let pending = list.filter((x) => !ids.has(x.code));
  while (pending.length) {
    const waiting = new Set(pending.map((x) => x.code));
    let ready = pending.filter(
      (x) => !x.parent_code || !waiting.has(x.parent_code) || x.parent_code === x.code,
    );
    if (!ready.length) ready = pending; // a cycle of parents: insert them without
    const rows = await insert(ready, (x) => (x.parent_code ? (ids.get(x.parent_code) ?? null) : null));
    for (const row of rows) {
      ids.set(row.code, row.id);
      inserted.push(row);
    }
    const done = new Set(ready);
    pending = pending.filter((x) => !done.has(x));
  }
  return inserted;
}
