import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.ts';

let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory://', worker: true });
  await db.exec('create table t (n int primary key)');
});
afterAll(() => db?.close());

describe('PGlite in a worker thread', () => {
  it('keeps this thread free while a statement runs', async () => {
    let settled = false;
    const q = db.query('select pg_sleep(0.5)').finally(() => (settled = true));
    let turns = 0;
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      turns++;
    }
    await q;
    // On this thread, the statement would block the event loop until it ended (a handful of turns).
    expect(turns).toBeGreaterThan(100);
  });

  it('holds the connection for a transaction: other statements wait until it ends', async () => {
    const order: string[] = [];
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    let finish!: () => void;
    const mayFinish = new Promise<void>((r) => (finish = r));
    const tx = db.transaction(async (t) => {
      await t.query('insert into t values (1)');
      inside();
      await mayFinish;
      await t.query('insert into t values (2)');
      order.push('commit');
    });
    await started;
    const outside = db.query<{ n: number }>('select count(*)::int as n from t').then((r) => {
      order.push('outside');
      return r.rows[0]!.n;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    finish();
    await tx;
    expect(await outside).toBe(2);
    expect(order).toEqual(['commit', 'outside']);
  });

  it('rolls back a failed transaction and passes database errors with their fields', async () => {
    const err = await db
      .transaction(async (t) => {
        await t.query('insert into t values (3)');
        await t.query('insert into t values (1)');
      })
      .then(
        () => ({}) as { code?: string; constraint?: string; detail?: string },
        (e: unknown) => e as { code?: string; constraint?: string; detail?: string },
      );
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect(err.detail).toContain('(n)=(1)');
    expect((await db.query<{ n: number }>('select n from t order by n')).rows).toEqual([{ n: 1 }, { n: 2 }]);
    let kept: { query: Db['query'] } | undefined;
    await db.transaction(async (t) => {
      kept = t;
    });
    await expect(kept!.query('select 1')).rejects.toThrow(/closed/);
  });

  it('runs concurrent transactions one after another', async () => {
    const counts = await Promise.all(
      [10, 11, 12, 13].map((n) =>
        db.transaction(async (t) => {
          await t.query('insert into t values ($1)', [n]);
          return (await t.query<{ c: number }>('select count(*)::int as c from t')).rows[0]!.c;
        }),
      ),
    );
    expect(counts.sort()).toEqual([3, 4, 5, 6]);
  });
});
