import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export type Engine = 'pglite' | 'postgresql';

export interface Db extends Queryable {
  readonly engine: Engine;
  /**
   * Runs fn in one transaction: committed when fn resolves, rolled back when it throws.
   * Inside fn, use only the handle passed in (PGlite has a single connection).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// The same JavaScript values from both engines: dates as 'YYYY-MM-DD' strings, int8 as numbers,
// timestamps as ISO strings.
const DATE_OID = 1082;
const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const NUMERIC_OID = 1700;

const toIso = (v: string) =>
  new Date(v.includes('T') || /[+-]\d\d(:\d\d)?$/.test(v) ? v : v + 'Z').toISOString();

pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));
pg.types.setTypeParser(TIMESTAMPTZ_OID, (v: string) => new Date(v).toISOString());
pg.types.setTypeParser(TIMESTAMP_OID, (v: string) => toIso(v));

const pgliteParsers = {
  [DATE_OID]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
  [TIMESTAMPTZ_OID]: (v: string) => new Date(v).toISOString(),
  [TIMESTAMP_OID]: (v: string) => toIso(v),
};
void pgliteTypes;

/**
 * A connection string without a user name connects as the operating-system user, as psql does
 * (node-postgres would otherwise send no user name when $USER is unset).
 */
export function withDefaultUser(url: string): string {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER ?? os.userInfo().username;
  return u.toString();
}

class PostgresDb implements Db {
  readonly engine = 'postgresql' as const;
  private pool: pg.Pool;
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: withDefaultUser(url), max: 10 });
    this.pool.on('error', () => {
      /* an idle client lost its connection: the pool replaces it */
    });
  }
  async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    const r = await this.pool.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  }
  async exec(sql: string) {
    await this.pool.query(sql);
  }
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Queryable = {
      async query<R>(sql: string, params?: unknown[]) {
        const r = await client.query(sql, params as unknown[]);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
      },
      async exec(sql: string) {
        await client.query(sql);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  async close() {
    await this.pool.end();
  }
}

/** Like pg's rowCount: PGlite reports affectedRows 0 for a select, so count the rows returned too. */
const pgliteRowCount = (r: { rows: unknown[]; affectedRows?: number }) =>
  Math.max(r.affectedRows ?? 0, r.rows.length);

class PgliteDb implements Db {
  readonly engine = 'pglite' as const;
  readonly pg: PGlite;
  private releaseLock: () => void;
  constructor(pg: PGlite, releaseLock: () => void) {
    this.pg = pg;
    this.releaseLock = releaseLock;
  }
  async query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    const r = await this.pg.query<T>(sql, params);
    return { rows: r.rows, rowCount: pgliteRowCount(r) };
  }
  async exec(sql: string) {
    await this.pg.exec(sql);
  }
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction(async (t) => {
      const tx: Queryable = {
        async query<R>(sql: string, params?: unknown[]) {
          const r = await t.query<R>(sql, params);
          return { rows: r.rows, rowCount: pgliteRowCount(r) };
        },
        async exec(sql: string) {
          await t.exec(sql);
        },
      };
      return fn(tx);
    });
  }
  async close() {
    try {
      if (!this.pg.closed) await this.pg.close();
    } finally {
      this.releaseLock();
    }
  }
}

export class DataDirLockedError extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is in use by another Rightsdesk process (pid ${pid}). ` +
        `Stop that process first, or point RIGHTSDESK_DATA_DIR at another directory.`,
    );
    this.name = 'DataDirLockedError';
    this.dir = dir;
    this.pid = pid;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock on an embedded data directory: a file holding our pid, created exclusively.
 * A lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'rightsdesk.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new DataDirLockedError(dir, pid);
      }
      if (pid === process.pid) throw new DataDirLockedError(dir, pid);
      fs.unlinkSync(lockFile); // stale lock
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

/** Extensions the migrations may create: PostgreSQL ships them in contrib, PGlite needs them loaded. */
const extensions = { pg_trgm, unaccent };

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Data directory for PGlite; 'memory://' for a throw-away in-memory database. */
  dataDir?: string;
  /** A PGlite data directory dump (tar.gz) to start from, used by the tests. */
  loadDataDir?: Blob | File;
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const db = new PostgresDb(opts.databaseUrl);
    await db.query('select 1');
    return db;
  }
  const dir = opts.dataDir ?? 'memory://';
  if (dir.startsWith('memory://')) {
    const pg = await PGlite.create({ parsers: pgliteParsers, extensions, loadDataDir: opts.loadDataDir });
    return new PgliteDb(pg, () => undefined);
  }
  const release = lockDataDir(dir);
  try {
    const pg = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), parsers: pgliteParsers, extensions });
    return new PgliteDb(pg, release);
  } catch (err) {
    release();
    throw err;
  }
}

/** Exposes the raw PGlite handle for dumping test templates. */
export function pgliteHandle(db: Db): PGlite | undefined {
  return db instanceof PgliteDb ? db.pg : undefined;
}

export async function serverVersion(db: Queryable): Promise<string> {
  const r = await db.query<{ v: string }>("select current_setting('server_version') as v");
  return r.rows[0]?.v ?? 'unknown';
}
