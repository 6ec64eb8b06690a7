import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import type { Db, Queryable } from './db.ts';
import type { Actor } from './actor.ts';
import { nowIso } from './dates.ts';
import { latestMigrationId } from './migrate.ts';
import { recordEvent } from './write.ts';

/**
 * Logical backups: every table of the schema as JSON lines, gzipped, with a checksum.
 * Engine-neutral, so a backup taken on PGlite restores on PostgreSQL and the other way round.
 *
 * Layout (one JSON value per line):
 *   {"format":"rightsdesk-backup","formatVersion":1,"schema":"0001_...","engine":"pglite","createdAt":...}
 *   {"table":"organisations","columns":["id",...]}
 *   [row values...]            (one line per row)
 *   {"end":true,"rows":123,"sha256":"..."}   (hash of all lines before it)
 */
const FORMAT = 'rightsdesk-backup';
const FORMAT_VERSION = 1;
/** Login sessions are not data: a restore signs everybody out. */
const SKIP = new Set(['schema_migrations', 'sessions']);

/** A backup file that cannot be read or restored; the message says why. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The first line of a backup. */
export interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: number;
  /** The newest migration of the database it was taken from. */
  schema: string;
  engine: string;
  createdAt: string;
}

/** The line that starts a table's rows. */
interface TableStart {
  table: string;
  columns: string[];
}

/** The last line: the number of rows and the checksum of all lines before it. */
interface BackupEnd {
  end: true;
  rows: number;
  sha256: string;
}

/** A value of a row as written to the file: JSON, with bytes as {"$bytes": base64}. */
type Cell = string | number | boolean | null | object;

/** A row as the database returns it: its values by column name. */
type DbRow = { readonly [column: string]: unknown };

interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  selfRefs: string[];
}

async function tables(q: Queryable): Promise<TableInfo[]> {
  const t = await q.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = t.rows.map((r) => r.table_name).filter((n) => !SKIP.has(n));
  const cols = await q.query<{ table_name: string; column_name: string; udt_name: string }>(
    `select table_name, column_name, udt_name from information_schema.columns
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
  return ordered.map((name) => ({
    name,
    columns: cols.rows
      .filter((c) => c.table_name === name)
      .map((c) => ({ name: c.column_name, type: c.udt_name })),
    selfRefs: selfRefs.get(name) ?? [],
  }));
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

/** Writes a backup of all data to file; returns the number of rows written. */
export async function backup(db: Db, file: string): Promise<{ rows: number; tables: number }> {
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
  const end: BackupEnd = { end: true, rows, sha256: hash.digest('hex') };
  lines.push(JSON.stringify(end));
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, zlib.gzipSync(lines.join('\n') + '\n'));
  fs.renameSync(tmp, file);
  return { rows, tables: info.length };
}

interface ParsedBackup {
  header: Pick<BackupHeader, 'schema' | 'engine' | 'createdAt'>;
  tables: { table: string; columns: string[]; rows: unknown[][] }[];
  rows: number;
}

const isObject = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isTableStart = (v: unknown): v is TableStart =>
  isObject(v) && typeof v.table === 'string' && v.table !== '' && Array.isArray(v.columns);

function readText(file: string): string {
  try {
    return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupError(`The backup file ${file} does not exist.`);
    throw new BackupError(
      `${file} is not a Rightsdesk backup or it is damaged (it cannot be unpacked: ${e.message}).`,
    );
  }
}

/** The header line: a Rightsdesk backup of the format this version reads. */
function checkHeader(file: string, header: unknown): BackupHeader {
  if (!isObject(header) || header.format !== FORMAT)
    throw new BackupError(`${file} is not a Rightsdesk backup (no Rightsdesk header).`);
  if (header.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(
      `${file} has backup format ${String(header.formatVersion)}; this version reads format ${FORMAT_VERSION}.`,
    );
  }
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    schema: String(header.schema),
    engine: String(header.engine),
    createdAt: String(header.createdAt),
  };
}

/** The end line is there, and the checksum over all lines before it matches. */
function checkEnd(file: string, lines: readonly string[]): BackupEnd {
  let end: unknown;
  try {
    end = JSON.parse(lines[lines.length - 1] ?? '');
  } catch {
    end = undefined;
  }
  if (!isObject(end) || !end.end)
    throw new BackupError(
      `The backup file ${file} is incomplete: its end marker is missing (was it cut off?).`,
    );
  const hash = crypto.createHash('sha256');
  for (const line of lines.slice(0, -1)) hash.update(line + '\n');
  if (hash.digest('hex') !== end.sha256) {
    throw new BackupError(`The backup file ${file} is damaged: its checksum does not match its contents.`);
  }
  return { end: true, rows: Number(end.rows), sha256: String(end.sha256) };
}

/** Reads and checks a backup file completely before anything is restored. */
export function readBackup(file: string): ParsedBackup {
  const lines = readText(file).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const parse = (line: string, n: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new BackupError(`The backup file ${file} is damaged: line ${n + 1} is not valid JSON.`);
    }
  };
  const header = checkHeader(file, parse(lines[0] ?? '', 0));
  const end = checkEnd(file, lines);
  const out: ParsedBackup['tables'] = [];
  for (let i = 1; i < lines.length - 1; i++) {
    const v = parse(lines[i]!, i);
    if (Array.isArray(v)) {
      const cur = out[out.length - 1];
      if (!cur)
        throw new BackupError(`The backup file ${file} is damaged: a row before any table (line ${i + 1}).`);
      if (v.length !== cur.columns.length)
        throw new BackupError(
          `The backup file ${file} is damaged: line ${i + 1} has the wrong number of values.`,
        );
      cur.rows.push(v);
    } else {
      if (!isTableStart(v)) throw new BackupError(`The backup file ${file} is damaged at line ${i + 1}.`);
      out.push({ table: v.table, columns: v.columns, rows: [] });
    }
  }
  return {
    header: { schema: header.schema, engine: header.engine, createdAt: header.createdAt },
    tables: out,
    rows: end.rows,
  };
}

/** Every table and column of the backup exists in this database. */
function checkTables(parsed: ParsedBackup, known: Map<string, TableInfo>) {
  for (const t of parsed.tables) {
    const table = known.get(t.table);
    if (!table)
      throw new BackupError(`The backup holds a table "${t.table}" that this database does not have.`);
    const cols = new Set(table.columns.map((c) => c.name));
    const extra = t.columns.filter((c) => !cols.has(c));
    if (extra.length)
      throw new BackupError(
        `The backup's table "${t.table}" has columns this database lacks: ${extra.join(', ')}.`,
      );
  }
}

/**
 * Inserts a table's rows in batches; self-references (a parent organisation, a broader term) are
 * set once all rows exist. Returns the number of rows inserted.
 */
async function insertTable(
  tx: Queryable,
  table: TableInfo,
  t: ParsedBackup['tables'][number],
): Promise<number> {
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

/**
 * Replaces all data with the backup's, in one transaction: when anything fails,
 * the database stays as it was. The schema must be migrated to the backup's version.
 */
export async function restore(db: Db, file: string, actor: Actor): Promise<{ rows: number; tables: number }> {
  const parsed = readBackup(file);
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
    checkTables(parsed, known);
    // Empty all tables, children first. The audit trail is append-only for the application;
    // only a restore replaces it, with its guard switched off inside this transaction.
    await tx.query('alter table audit_events disable trigger user');
    await tx.query(
      `truncate ${[...info]
        .reverse()
        .map((t) => `"${t.name}"`)
        .join(', ')}, sessions`,
    );
    for (const t of parsed.tables) rows += await insertTable(tx, known.get(t.table)!, t);
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
      },
    });
  });
  return { rows, tables: parsed.tables.length };
}
