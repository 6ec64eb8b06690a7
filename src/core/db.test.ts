import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, openDb, type Db } from './db.ts';
import { listMigrations, migrate } from './migrate.ts';
import { systemActor } from './actor.ts';
import { recordEvent } from './write.ts';
import { createTempDatabase } from '../test/db.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pgUrl = process.env.TEST_DATABASE_URL;
const engine = pgUrl ? 'postgresql' : 'pglite';

/** A fresh, NOT migrated database of the engine under test; dispose() closes (and drops) it. */
async function freshDb(
  kind: 'pglite' | 'postgresql' = engine,
): Promise<{ db: Db; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDb({ dataDir: 'memory://' });
    return { db, dispose: () => db.close() };
  }
  const t = await createTempDatabase(pgUrl!, 'rd_dbtest');
  const db = await openDb({ databaseUrl: t.url });
  return {
    db,
    dispose: async () => {
      await db.close();
      await t.drop();
    },
  };
}

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-db-test-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The pid of a process that has exited (and so is certainly not running Rightsdesk). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  expect(r.status).toBe(0);
  return r.pid!;
}

describe('the embedded data directory lock', () => {
  const open: Db[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
  });

  it('refuses a second openDb on the same data dir in this process, and the first stays usable', async () => {
    const dir = tmpDir();
    const lockFile = path.join(dir, 'rightsdesk.lock');
    const first = await openDb({ dataDir: dir });
    open.push(first);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));

    const err = await openDb({ dataDir: dir }).then(
      () => {
        throw new Error('the second openDb on a locked data directory succeeded');
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DataDirLockedError);
    const locked = err as DataDirLockedError;
    expect(locked.message).toContain(
      `The data directory ${dir} is in use by another Rightsdesk process (pid ${process.pid})`,
    );
    expect(locked.message).toMatch(/RIGHTSDESK_DATA_DIR/);
    expect(locked.dir).toBe(dir);
    expect(locked.pid).toBe(process.pid);

    // The failed attempt neither removed the lock nor disturbed the open database.
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    await first.exec('create table t (n int)');
    await first.query('insert into t values ($1), ($2)', [1, 2]);
    expect((await first.query<{ s: number }>('select sum(n)::int as s from t')).rows[0]!.s).toBe(3);
  });

  it('close() removes the lock file, after which the directory opens again with its data', async () => {
    const dir = tmpDir();
    const lockFile = path.join(dir, 'rightsdesk.lock');
    const db = await openDb({ dataDir: dir });
    await db.exec("create table kept (v text); insert into kept values ('still here')");
    await db.close();
    expect(fs.existsSync(lockFile)).toBe(false);
    await db.close(); // a second close is harmless

    const again = await openDb({ dataDir: dir });
    open.push(again);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    expect((await again.query<{ v: string }>('select v from kept')).rows).toEqual([{ v: 'still here' }]);
  });

  it('takes over a stale lock file left by a process that no longer exists', async () => {
    const dir = tmpDir();
    const lockFile = path.join(dir, 'rightsdesk.lock');
    const stale = deadPid();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockFile, String(stale));

    const db = await openDb({ dataDir: dir });
    open.push(db);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('takes over an empty or garbled lock file', () => {
    const dir = tmpDir();
    const lockFile = path.join(dir, 'rightsdesk.lock');
    fs.writeFileSync(lockFile, '');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('refuses a directory locked by another live process and leaves that lock alone', () => {
    const dir = tmpDir();
    const lockFile = path.join(dir, 'rightsdesk.lock');
    const other = process.ppid; // the process that started this test worker: alive, and not us
    expect(other).not.toBe(process.pid);
    fs.writeFileSync(lockFile, String(other));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another Rightsdesk process (pid ${other})`);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(other));
  });

  it('makes a second Rightsdesk process (`migrate` on the CLI) exit non-zero with the lock message', async () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    const dir = tmpDir();
    const db = await openDb({ dataDir: dir });
    open.push(db);

    const env: NodeJS.ProcessEnv = { ...process.env, RIGHTSDESK_DATA_DIR: dir };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['src/cli/main.ts', 'migrate'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));

    expect(code, `stdout: ${stdout}\nstderr: ${stderr}`).not.toBe(0);
    expect(stderr).toContain(
      `The data directory ${dir} is in use by another Rightsdesk process (pid ${process.pid})`,
    );
    expect(stdout).not.toContain('up to date');
    // Our lock and our database are untouched.
    expect(fs.readFileSync(path.join(dir, 'rightsdesk.lock'), 'utf8')).toBe(String(process.pid));
    expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});

describe(`migrations (${engine})`, () => {
  it('applies every migration once; a second migrate() applies nothing', async () => {
    const { db, dispose } = await freshDb();
    try {
      const all = listMigrations().map((m) => m.id);
      expect(all.length).toBeGreaterThan(0);
      expect(await migrate(db)).toEqual(all);
      expect(await migrate(db)).toEqual([]);
      const applied = await db.query<{ id: string }>('select id from schema_migrations order by id');
      expect(applied.rows.map((r) => r.id)).toEqual(all);
      // The schema is really there.
      const t = await db.query<{ n: number }>(
        `select count(*)::int as n from information_schema.tables
          where table_schema = current_schema() and table_name in ('organisations', 'users', 'audit_events')`,
      );
      expect(t.rows[0]!.n).toBe(3);
    } finally {
      await dispose();
    }
  });
});

interface Shapes {
  d: unknown;
  d_null: unknown;
  ts: unknown;
  big: unknown;
  arr: unknown;
  empty_arr: unknown;
  j: unknown;
  j_null: unknown;
  num: unknown;
  flag: unknown;
  txt: unknown;
}

async function readShapes(db: Db): Promise<Shapes> {
  await db.exec(`create table shapes (
    d date, d_null date, ts timestamptz, big int8, arr text[], empty_arr text[], j jsonb, j_null jsonb,
    num numeric, flag boolean, txt text)`);
  await db.query(`insert into shapes values ($1, null, $2, $3, $4, '{}', $5, null, $6, $7, $8)`, [
    '2024-02-29',
    '2024-03-05 10:11:12.345+01',
    12345678901,
    ['a', 'b,c', 'd"e', 'ë'],
    JSON.stringify({ a: [1, 'x'], b: null, c: { d: true } }),
    '2.5',
    true,
    'tekst',
  ]);
  // Also through a transaction handle, which is a different code path on both engines.
  return db.transaction(async (tx) => (await tx.query<Shapes>('select * from shapes')).rows[0]!);
}

const expectedShapes: Shapes = {
  d: '2024-02-29',
  d_null: null,
  ts: '2024-03-05T09:11:12.345Z',
  big: 12345678901,
  arr: ['a', 'b,c', 'd"e', 'ë'],
  empty_arr: [],
  j: { a: [1, 'x'], b: null, c: { d: true } },
  j_null: null,
  num: 2.5,
  flag: true,
  txt: 'tekst',
};

describe('JavaScript values from the database', () => {
  const engines = pgUrl ? (['pglite', 'postgresql'] as const) : (['pglite'] as const);
  const seen: Partial<Record<(typeof engines)[number], Shapes>> = {};

  for (const kind of engines) {
    it(`${kind}: date → 'YYYY-MM-DD', timestamptz → ISO string, int8 → number, text[] → array, jsonb → object`, async () => {
      const { db, dispose } = await freshDb(kind);
      try {
        const row = await readShapes(db);
        expect(row).toStrictEqual(expectedShapes);
        expect(typeof row.d).toBe('string');
        expect(typeof row.ts).toBe('string');
        expect(typeof row.big).toBe('number');
        // Real columns: the serial id of the audit trail (int8) and a default timestamp.
        await migrate(db);
        await recordEvent(db, systemActor('test'), {
          action: 'create',
          entityType: 'thing',
          after: { n: 1 },
        });
        const a = await db.query<{ id: unknown; at: unknown; after: unknown }>(
          'select id, at, after from audit_events',
        );
        expect(typeof a.rows[0]!.id).toBe('number');
        expect(a.rows[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(a.rows[0]!.after).toEqual({ n: 1 });
        seen[kind] = row;
      } finally {
        await dispose();
      }
    });
  }

  it.skipIf(!pgUrl)('PGlite and PostgreSQL return identical values (needs TEST_DATABASE_URL)', () => {
    expect(seen.pglite).toBeDefined();
    expect(seen.postgresql).toBeDefined();
    expect(seen.pglite).toStrictEqual(seen.postgresql);
  });

  for (const kind of engines) {
    it(`${kind}: rowCount counts the rows a select returns and the rows a change touches`, async () => {
      const { db, dispose } = await freshDb(kind);
      try {
        await db.exec('create table r (n int)');
        expect((await db.query('insert into r select generate_series(1, 3)')).rowCount).toBe(3);
        expect((await db.query('select * from r')).rowCount).toBe(3);
        expect((await db.query('select * from r where n > 5')).rowCount).toBe(0);
        expect((await db.query('update r set n = n + 10 where n >= 2')).rowCount).toBe(2);
        expect((await db.query('delete from r where n = 1 returning n')).rowCount).toBe(1);
        await db.transaction(async (tx) => {
          expect((await tx.query('select * from r')).rowCount).toBe(2);
          expect((await tx.query('update r set n = 0')).rowCount).toBe(2);
        });
      } finally {
        await dispose();
      }
    });
  }
});

describe(`transactions and the audit trail (${engine})`, () => {
  let db: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await freshDb());
    await migrate(db);
  });
  afterAll(() => dispose());

  const count = async (table: string) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

  it('a transaction that throws leaves nothing behind', async () => {
    const orgsBefore = await count('organisations');
    const auditBefore = await count('audit_events');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `insert into organisations (code, name_nl, name_en, kind) values ('TMP', 'Tijdelijk', 'Temporary', 'other')`,
        );
        await recordEvent(tx, systemActor('test'), {
          action: 'create',
          entityType: 'organisation',
          after: { code: 'TMP' },
        });
        expect((await tx.query("select 1 from organisations where code = 'TMP'")).rowCount).toBe(1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count('organisations')).toBe(orgsBefore);
    expect(await count('audit_events')).toBe(auditBefore);
  });

  it('a failing statement rolls back the statements before it, and the database stays usable', async () => {
    const orgsBefore = await count('organisations');
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `insert into organisations (code, name_nl, name_en, kind) values ('OK1', 'Een', 'One', 'other')`,
        );
        await tx.query(
          `insert into organisations (code, name_nl, name_en, kind) values ('BAD', 'Twee', 'Two', 'no_such_kind')`,
        );
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await count('organisations')).toBe(orgsBefore);

    // The next transaction commits normally.
    const id = await db.transaction(async (tx) => {
      const r = await tx.query<{ id: string }>(
        `insert into organisations (code, name_nl, name_en, kind) values ('OK2', 'Twee', 'Two', 'other') returning id`,
      );
      return r.rows[0]!.id;
    });
    expect((await db.query('select code from organisations where id = $1', [id])).rows).toEqual([
      { code: 'OK2' },
    ]);
    expect(await count('organisations')).toBe(orgsBefore + 1);
  });

  it('audit_events refuses update, delete and truncate at the database level', async () => {
    await recordEvent(db, systemActor('test'), {
      action: 'create',
      entityType: 'thing',
      entityId: 'x1',
      after: { n: 1 },
    });
    const before = (await db.query('select * from audit_events order by id')).rows;
    expect(before.length).toBeGreaterThan(0);

    await expect(db.query("update audit_events set action = 'tampered'")).rejects.toThrow(
      /append-only: UPDATE is not allowed/,
    );
    await expect(db.query("delete from audit_events where entity_id = 'x1'")).rejects.toThrow(
      /append-only: DELETE is not allowed/,
    );
    await expect(db.query('truncate audit_events')).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    await expect(db.transaction((tx) => tx.query('delete from audit_events'))).rejects.toMatchObject({
      code: '42501',
    });

    expect((await db.query('select * from audit_events order by id')).rows).toEqual(before);
    // Appending still works.
    await recordEvent(db, systemActor('test'), { action: 'update', entityType: 'thing', entityId: 'x1' });
    expect(await count('audit_events')).toBe(before.length + 1);
  });
});
