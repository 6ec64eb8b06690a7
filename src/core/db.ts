import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { extensions, pgliteParsers } from './db-types.ts';

export { extensions, pgliteParsers };

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

/**
 * The PostgreSQL client, loaded when PostgreSQL is used (an embedded start does not need it), with the
 * same type parsers as PGlite (db-types.ts).
 */
let pgClient: Promise<typeof pg> | undefined;
const loadPg = () =>
  (pgClient ??= import('pg').then(({ default: client }) => {
    for (const [oid, parse] of Object.entries(pgliteParsers)) client.types.setTypeParser(Number(oid), parse);
    return client;
  }));

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
  constructor(client: typeof pg, url: string) {
    // JIT compilation off: it pays for queries that run minutes, while a search over a quarter of a
    // million recommendations crosses its cost threshold and spends longer compiling than running.
    this.pool = new client.Pool({ connectionString: withDefaultUser(url), max: 10, options: '-c jit=off' });
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

/** What the worker thread (pglite-worker.ts) is asked; `id` pairs each answer with its request. */
export type WorkerRequest =
  | { op: 'open'; dataDir?: string; loadDataDir?: Blob }
  | { op: 'query'; sql: string; params?: unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'copyFrom'; sql: string; blob: Blob }
  | { op: 'close' };
export type WorkerReply =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> };

/** A database error rebuilt in this thread with the fields the worker sent (code, detail, constraint, …). */
function workerError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? 'database error')), fields);
}

/**
 * PGlite in a worker thread, off the HTTP server's event loop. The worker owns the one connection;
 * statements take it in turn (first come, first served), and a transaction holds it from BEGIN to
 * COMMIT or ROLLBACK: its callback runs here and each tx.query is one message to the worker, while
 * everything else waits until the transaction ends.
 */
class PgliteWorkerDb implements Db {
  readonly engine = 'pglite' as const;
  private readonly worker: Worker;
  private readonly releaseLock: () => void;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private turn: Promise<unknown> = Promise.resolve();
  private closed = false;
  constructor(releaseLock: () => void) {
    this.releaseLock = releaseLock;
    this.worker = new Worker(new URL('./pglite-worker.ts', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.ok) p.resolve(m.result);
      else p.reject(workerError(m.error));
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('The database worker has stopped.')));
  }
  /** Sends one request; the worker keeps the process alive only while a request is open. */
  call(req: WorkerRequest): Promise<unknown> {
    if (this.closed && req.op !== 'close') return Promise.reject(new Error('The database is closed.'));
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }
  /** Runs fn when the connection is free; the next in line waits until fn has settled. */
  private inTurn<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.turn.then(fn);
    this.turn = run.catch(() => undefined);
    return run;
  }
  private async send<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return (await this.call({ op: 'query', sql, params })) as QueryResult<T>;
  }
  query<T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.inTurn(() => this.send<T>(sql, params));
  }
  async exec(sql: string) {
    await this.inTurn(() => this.call({ op: 'exec', sql }));
  }
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      let open = true;
      const check = () => {
        if (!open) throw new Error('Transaction is closed');
      };
      const tx: Queryable = {
        query: async <R>(sql: string, params?: unknown[]) => (check(), this.send<R>(sql, params)),
        exec: async (sql: string) => {
          check();
          await this.call({ op: 'exec', sql });
        },
      };
      await this.call({ op: 'exec', sql: 'begin' });
      try {
        const result = await fn(tx);
        await this.call({ op: 'exec', sql: 'commit' });
        return result;
      } catch (err) {
        await this.call({ op: 'exec', sql: 'rollback' }).catch(() => undefined);
        throw err;
      } finally {
        open = false;
      }
    });
  }
  /** COPY … FROM '/dev/blob' with the given contents (the benchmark's bulk loads). */
  copyFrom(sql: string, blob: Blob): Promise<unknown> {
    return this.inTurn(() => this.call({ op: 'copyFrom', sql, blob }));
  }
  async close() {
    if (this.closed) return;
    try {
      await this.inTurn(() => this.call({ op: 'close' }));
    } finally {
      this.closed = true;
      await this.worker.terminate();
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

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Data directory for PGlite; 'memory://' for a throw-away in-memory database. */
  dataDir?: string;
  /** A PGlite data directory dump (tar.gz) to start from, used by the tests. */
  loadDataDir?: Blob | File;
  /**
   * PGlite in a worker thread (the default), so that queries never hold up the HTTP server;
   * false runs it on the calling thread. RIGHTSDESK_PGLITE_WORKER=false changes the default.
   */
  worker?: boolean;
}

/** Opens PGlite in a worker thread; the lock of the data directory stays with this process. */
async function openWorker(dataDir: string | undefined, loadDataDir: Blob | undefined, release: () => void) {
  const db = new PgliteWorkerDb(release);
  try {
    await db.call({ op: 'open', dataDir, loadDataDir });
    return db;
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const db = new PostgresDb(await loadPg(), opts.databaseUrl);
    await db.query('select 1');
    return db;
  }
  const dir = opts.dataDir ?? 'memory://';
  const worker = opts.worker ?? process.env.RIGHTSDESK_PGLITE_WORKER !== 'false';
  if (worker) {
    const memory = dir.startsWith('memory://');
    const release = memory ? () => undefined : lockDataDir(dir);
    return openWorker(memory ? undefined : path.join(dir, 'pgdata'), opts.loadDataDir, release);
  }
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

/** Exposes the raw PGlite handle of a PGlite opened with `worker: false`. */
export function pgliteHandle(db: Db): PGlite | undefined {
  return db instanceof PgliteDb ? db.pg : undefined;
}

/** COPY … FROM '/dev/blob' on PGlite (in this thread or in its worker); false on PostgreSQL. */
export async function pgliteCopyFrom(db: Db, sql: string, blob: Blob): Promise<boolean> {
  if (db instanceof PgliteWorkerDb) await db.copyFrom(sql, blob);
  else if (db instanceof PgliteDb) await db.pg.query(sql, [], { blob });
  else return false;
  return true;
}

export async function serverVersion(db: Queryable): Promise<string> {
  const r = await db.query<{ v: string }>("select current_setting('server_version') as v");
  return r.rows[0]?.v ?? 'unknown';
}
