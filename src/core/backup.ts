import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import type { Db, Queryable } from './db.ts';
import type { Actor } from './actor.ts';
import { nowIso } from './dates.ts';
import { latestMigrationId } from './migrate.ts';
import { recordEvent } from './write.ts';
import { BackupError, sign, type BackupKey } from './backup-key.ts';
import {
  checkSignature,
  FORMAT,
  FORMAT_VERSION,
  readBackup,
  SIGNATURE_ALG,
  type BackupEnd,
  type BackupHeader,
  type ParsedBackup,
  type TableStart,
} from './backup-read.ts';

export { BackupError } from './backup-key.ts';
export { readBackup, type ParsedBackup, type SignatureStatus } from './backup-read.ts';

/**
 * Logical backups: every table of the schema as JSON lines, gzipped, with a checksum and the
 * signature of the installation's key (see backup-read.ts for the layout, backup-key.ts for the key).
 * Engine-neutral, so a backup taken on PGlite restores on PostgreSQL and the other way round.
 * Generated columns (the search vector of recommendations) are left out and computed again by the
 * database that restores them.
 */

/**
 * Not data: login sessions (a restore signs everybody out), the search cache's counter
 * (search_generation, search_dirty), the kept facet counts (recommendation_facet_counts), the
 * progress summaries (recommendation_progress_summary), the search vectors (recommendation_search)
 * and the log of changes for the facet index (search_changes), which the restored rows rebuild by
 * themselves.
 */
const SKIP = new Set([
  'schema_migrations',
  'sessions',
  'search_generation',
  'search_dirty',
  'recommendation_facet_counts',
  'recommendation_progress_summary',
  'recommendation_search',
  'search_changes',
]);

/** A value of a row as written to the file: JSON, with bytes as {"$bytes": base64}. */
type Cell = string | number | boolean | null | object;

/** A row as the database returns it: its values by column name. */
type DbRow = { readonly [column: string]: unknown };

interface TableInfo {
  name: string;
  /** The columns that hold data (generated columns left out). */
  columns: { name: string; type: string }[];
  /** The columns the database computes itself. */
  generated: string[];
  selfRefs: string[];
}

async function tables(q: Queryable): Promise<TableInfo[]> {
  const t = await q.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = t.rows.map((r) => r.table_name).filter((n) => !SKIP.has(n));
  const cols = await q.query<{
    table_name: string;
    column_name: string;
    udt_name: string;
    is_generated: string;
  }>(
    `select table_name, column_name, udt_name, is_generated from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`,
  );
  const fks = await q.query<{ child: string; parent: string; col: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as col
       from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`,
  );
  const deps = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  const selfRefs = new Map<string, string[]>();
  for (const fk of fks.rows) {
    if (fk.child === fk.parent) selfRefs.set(fk.child, [...(selfRefs.get(fk.child) ?? []), fk.col]);
    else deps.get(fk.child)?.add(fk.parent);
  }
  // Parents before children.
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of deps.get(n) ?? []) if (deps.has(p)) visit(p, path);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((name) => {
    const own = cols.rows.filter((c) => c.table_name === name);
    return {
      name,
      columns: own
        .filter((c) => c.is_generated !== 'ALWAYS')
        .map((c) => ({ name: c.column_name, type: c.udt_name })),
      generated: own.filter((c) => c.is_generated === 'ALWAYS').map((c) => c.column_name),
      selfRefs: selfRefs.get(name) ?? [],
    };
  });
}

function encode(v: unknown): Cell {
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return v.toISOString();
  return v as Cell;
}

const isBytes = (v: unknown): v is { $bytes: string } =>
  typeof v === 'object' && v !== null && '$bytes' in v && typeof v.$bytes === 'string';

function decode(v: unknown, type: string): unknown {
  if (isBytes(v)) return Buffer.from(v.$bytes, 'base64');
  if ((type === 'json' || type === 'jsonb') && v !== null) return JSON.stringify(v);
  return v;
}

/** Writes a backup of all data to file, signed with key; returns the number of rows written. */
export async function backup(
  db: Db,
  file: string,
  key: BackupKey,
): Promise<{ rows: number; tables: number }> {
  const lines: string[] = [];
  const hash = crypto.createHash('sha256');
  const push = (v: BackupHeader | TableStart | Cell[]) => {
    const line = JSON.stringify(v);
    hash.update(line + '\n');
    lines.push(line);
  };
  let rows = 0;
  const info = await db.transaction(async (tx) => {
    if (db.engine === 'postgresql') await tx.query('set transaction isolation level repeatable read');
    const all = await tables(tx);
    push({
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      schema: latestMigrationId(),
      engine: db.engine,
      createdAt: nowIso(),
    });
    for (const t of all) {
      const names = t.columns.map((c) => c.name);
      push({ table: t.name, columns: names });
      const r = await tx.query<DbRow>(
        `select ${names.map((n) => `"${n}"`).join(', ')} from "${t.name}" order by 1`,
      );
      for (const row of r.rows) {
        push(names.map((n) => encode(row[n])));
        rows++;
      }
    }
    return all;
  });
  const end: BackupEnd = {
    end: true,
    rows,
    sha256: hash.digest('hex'),
    signature: { alg: SIGNATURE_ALG, key: key.id, value: sign(key, lines) },
  };
  lines.push(JSON.stringify(end));
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, zlib.gzipSync(lines.join('\n') + '\n'));
  fs.renameSync(tmp, file);
  return { rows, tables: info.length };
}

type BackupTable = ParsedBackup['tables'][number];

/**
 * Every table and column of the backup exists in this database. Returns the tables as they are
 * inserted: without the columns this database generates (a backup of format 1 still holds them).
 */
function checkTables(parsed: ParsedBackup, known: Map<string, TableInfo>): BackupTable[] {
  return parsed.tables.map((t) => {
    const table = known.get(t.table);
    if (!table)
      throw new BackupError(`The backup holds a table "${t.table}" that this database does not have.`);
    const cols = new Set(table.columns.map((c) => c.name));
    const extra = t.columns.filter((c) => !cols.has(c) && !table.generated.includes(c));
    if (extra.length)
      throw new BackupError(
        `The backup's table "${t.table}" has columns this database lacks: ${extra.join(', ')}.`,
      );
    const keep = t.columns.flatMap((c, i) => (cols.has(c) ? [i] : []));
    if (keep.length === t.columns.length) return t;
    return {
      table: t.table,
      columns: keep.map((i) => t.columns[i]!),
      rows: t.rows.map((row) => keep.map((i) => row[i])),
    };
  });
}

/**
 * Inserts a table's rows in batches; self-references (a parent organisation, a broader term) are
 * set once all rows exist. Returns the number of rows inserted.
 */
async function insertTable(tx: Queryable, table: TableInfo, t: BackupTable): Promise<number> {
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const selfIdx = table.selfRefs.map((c) => t.columns.indexOf(c)).filter((i) => i >= 0);
  const colList = t.columns.map((c) => `"${c}"`).join(', ');
  const batch = Math.max(1, Math.floor(5000 / Math.max(1, t.columns.length)));
  for (let i = 0; i < t.rows.length; i += batch) {
    const chunk = t.rows.slice(i, i + batch);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const ph = row.map((v, j) => {
        const type = types.get(t.columns[j]!)!;
        params.push(selfIdx.includes(j) ? null : decode(v, type));
        return `$${params.length}::${type.startsWith('_') ? type.slice(1) + '[]' : type}`;
      });
      return `(${ph.join(', ')})`;
    });
    try {
      await tx.query(`insert into "${t.table}" (${colList}) values ${values.join(', ')}`, params);
    } catch (err) {
      throw new BackupError(
        `The backup cannot be restored: the database refuses a row of table "${t.table}" (${(err as Error).message}). Nothing was changed.`,
      );
    }
  }
  const idIdx = t.columns.indexOf('id');
  for (const j of selfIdx) {
    for (const row of t.rows) {
      if (row[j] !== null)
        await tx.query(`update "${t.table}" set "${t.columns[j]}" = $1 where id = $2`, [row[j], row[idIdx]]);
    }
  }
  return t.rows.length;
}

/** Sequences continue after the restored ids. */
async function resetSequences(tx: Queryable) {
  const seqs = await tx.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval(%'`,
  );
  for (const s of seqs.rows) {
    await tx.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${s.column_name}") from "${s.table_name}"), 0) + 1, false)`,
      [s.table_name, s.column_name],
    );
  }
}

export interface RestoreOptions {
  /** This installation's backup key; null when it has none (then no signature is valid). */
  key: BackupKey | null;
  /** Restore a backup that is unsigned or not signed with this installation's key (audited). */
  allowUnsigned?: boolean;
}

/**
 * Replaces all data with the backup's, in one transaction: when anything fails,
 * the database stays as it was. The schema must be migrated to the backup's version.
 * A backup that this installation did not sign is refused unless `allowUnsigned` is given;
 * the restore's audit event records the signature found and whether that was allowed.
 */
export async function restore(
  db: Db,
  file: string,
  actor: Actor,
  opts: RestoreOptions,
): Promise<{ rows: number; tables: number; signature: ParsedBackup['signature'] }> {
  const allowUnsigned = opts.allowUnsigned ?? false;
  const parsed = readBackup(file, opts.key);
  checkSignature(file, parsed, opts.key, allowUnsigned);
  const current = latestMigrationId();
  if (parsed.header.schema > current) {
    throw new BackupError(
      `The backup was made with a newer database schema (${parsed.header.schema}) than this version knows (${current}). Upgrade Rightsdesk first.`,
    );
  }
  let rows = 0;
  await db.transaction(async (tx) => {
    const info = await tables(tx);
    const known = new Map(info.map((t) => [t.name, t]));
    const restorable = checkTables(parsed, known);
    // Empty all tables, children first. The audit trail is append-only for the application;
    // only a restore replaces it, with its guard switched off inside this transaction.
    await tx.query('alter table audit_events disable trigger user');
    await tx.query(
      `truncate ${[...info]
        .reverse()
        .map((t) => `"${t.name}"`)
        .join(', ')}, sessions, recommendation_progress_summary`,
    );
    for (const t of restorable) rows += await insertTable(tx, known.get(t.table)!, t);
    await tx.query('alter table audit_events enable trigger user');
    await resetSequences(tx);
    await recordEvent(tx, actor, {
      action: 'restore',
      entityType: 'database',
      after: {
        file,
        rows,
        schema: parsed.header.schema,
        engine: parsed.header.engine,
        createdAt: parsed.header.createdAt,
        signature: parsed.signature.status,
        signedWith: parsed.signature.key,
        allowUnsigned,
      },
    });
  });
  return { rows, tables: parsed.tables.length, signature: parsed.signature };
}
