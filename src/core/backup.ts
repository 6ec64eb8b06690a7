import fs from 'node:fs';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import type { Db, Queryable } from './db.ts';
import { recordAudit, type Actor } from './audit.ts';
import { latestMigrationId } from './migrate.ts';

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

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

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

function encode(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return v.toISOString();
  return v;
}
function decode(v: unknown, type: string): unknown {
  if (v && typeof v === 'object' && '$bytes' in v)
    return Buffer.from(String((v as { $bytes: string }).$bytes), 'base64');
  if ((type === 'json' || type === 'jsonb') && v !== null) return JSON.stringify(v);
  return v;
}

/** Writes a backup of all data to file; returns the number of rows written. */
export async function backup(db: Db, file: string): Promise<{ rows: number; tables: number }> {
  const lines: string[] = [];
  const hash = crypto.createHash('sha256');
  const push = (v: unknown) => {
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
      createdAt: new Date().toISOString(),
    });
    for (const t of all) {
      const names = t.columns.map((c) => c.name);
      push({ table: t.name, columns: names });
      const r = await tx.query<Record<string, unknown>>(
        `select ${names.map((n) => `"${n}"`).join(', ')} from "${t.name}" order by 1`,
      );
      for (const row of r.rows) {
        push(names.map((n) => encode(row[n])));
        rows++;
      }
    }
    return all;
  });
  lines.push(JSON.stringify({ end: true, rows, sha256: hash.digest('hex') }));
  const tmp = `${file}.partial`;
  fs.writeFileSync(tmp, zlib.gzipSync(lines.join('\n') + '\n'));
  fs.renameSync(tmp, file);
  return { rows, tables: info.length };
}

interface ParsedBackup {
  header: { schema: string; engine: string; createdAt: string };
  tables: { table: string; columns: string[]; rows: unknown[][] }[];
  rows: number;
}

/** Reads and checks a backup file completely before anything is restored. */
export function readBackup(file: string): ParsedBackup {
  let text: string;
  try {
    text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupError(`The backup file ${file} does not exist.`);
    throw new BackupError(
      `${file} is not a Rightsdesk backup or it is damaged (it cannot be unpacked: ${e.message}).`,
    );
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const parse = (line: string, n: number) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new BackupError(`The backup file ${file} is damaged: line ${n + 1} is not valid JSON.`);
    }
  };
  const header = parse(lines[0] ?? '', 0) as Record<string, unknown>;
  if (header?.format !== FORMAT)
    throw new BackupError(`${file} is not a Rightsdesk backup (no Rightsdesk header).`);
  if (header.formatVersion !== FORMAT_VERSION) {
    throw new BackupError(
      `${file} has backup format ${String(header.formatVersion)}; this version reads format ${FORMAT_VERSION}.`,
    );
  }
  let trailer: Record<string, unknown> | undefined;
  try {
    trailer = JSON.parse(lines[lines.length - 1] ?? '') as Record<string, unknown>;
  } catch {
    trailer = undefined;
  }
  if (!trailer?.end)
    throw new BackupError(
      `The backup file ${file} is incomplete: its end marker is missing (was it cut off?).`,
    );
  const hash = crypto.createHash('sha256');
  for (const line of lines.slice(0, -1)) hash.update(line + '\n');
  if (hash.digest('hex') !== trailer.sha256) {
    throw new BackupError(`The backup file ${file} is damaged: its checksum does not match its contents.`);
  }
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
      const t = v as { table?: string; columns?: string[] };
      if (!t.table || !Array.isArray(t.columns))
        throw new BackupError(`The backup file ${file} is damaged at line ${i + 1}.`);
      out.push({ table: t.table, columns: t.columns, rows: [] });
    }
  }
  return {
    header: {
      schema: String(header.schema),
      engine: String(header.engine),
      createdAt: String(header.createdAt),
    },
    tables: out,
    rows: Number(trailer.rows),
  };
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
    for (const t of parsed.tables) {
      if (!known.has(t.table))
        throw new BackupError(`The backup holds a table "${t.table}" that this database does not have.`);
      const cols = new Set(known.get(t.table)!.columns.map((c) => c.name));
      const extra = t.columns.filter((c) => !cols.has(c));
      if (extra.length)
        throw new BackupError(
          `The backup's table "${t.table}" has columns this database lacks: ${extra.join(', ')}.`,
        );
    }
    // Empty all tables, children first. The audit trail is append-only for the application;
    // only a restore replaces it, with its guard switched off inside this transaction.
    await tx.query('alter table audit_events disable trigger user');
    await tx.query(
      `truncate ${[...info]
        .reverse()
        .map((t) => `"${t.name}"`)
        .join(', ')}, sessions`,
    );
    for (const t of parsed.tables) {
      const table = known.get(t.table)!;
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
        rows += chunk.length;
      }
      // Self-references (a parent organisation, a broader term) once all rows exist.
      const idIdx = t.columns.indexOf('id');
      for (const j of selfIdx) {
        for (const row of t.rows) {
          if (row[j] !== null)
            await tx.query(`update "${t.table}" set "${t.columns[j]}" = $1 where id = $2`, [
              row[j],
              row[idIdx],
            ]);
        }
      }
    }
    await tx.query('alter table audit_events enable trigger user');
    // Sequences continue after the restored ids.
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
    await recordAudit(tx, actor, {
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
