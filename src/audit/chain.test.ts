import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { openDb, type Db } from '../core/db.ts';
import { listMigrations, migrate } from '../core/migrate.ts';
import { recordChanges, recordEvent } from '../core/write.ts';
import { createTempDatabase, testDb } from '../test/db.ts';
import { describeChain, verifyAuditChain } from './verify.ts';

const actor = systemActor('test');

/** Changes a row of the trail as its owner can: with the append-only trigger disabled. */
async function tamper(db: Db, sql: string, params: unknown[]) {
  await db.transaction(async (tx) => {
    await tx.query('alter table audit_events disable trigger user');
    await tx.query(sql, params);
    await tx.query('alter table audit_events enable trigger user');
  });
}

const ids = async (db: Db) =>
  (await db.query<{ id: number }>('select id from audit_events order by id')).rows.map((r) => r.id);

describe('the audit chain', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDb();
  });
  afterAll(async () => {
    await db.close();
  });

  it('chains every row, one at a time and set-based, and verify reports it intact', async () => {
    await recordEvent(db, actor, { action: 'seed', entityType: 'test', after: { n: 1 } });
    await db.transaction((tx) =>
      recordChanges(
        tx,
        actor,
        Array.from({ length: 50 }, (_, i) => ({
          action: 'create',
          entityType: 'test',
          entityId: String(i),
          after: { i, text: 'één "twee"' },
        })),
      ),
    );
    const rows = await db.query<{ id: number; prev_hash: string; hash: string }>(
      'select id, prev_hash, hash from audit_events order by id',
    );
    expect(rows.rows[0]!.prev_hash).toBe('');
    for (let i = 1; i < rows.rows.length; i++) expect(rows.rows[i]!.prev_hash).toBe(rows.rows[i - 1]!.hash);
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ rows: 51, brokenAt: null });
    expect(describeChain(report)).toMatch(/^intact, 51 rows/);
  });

  it('keeps the hash of a row that arrives with one (a restore)', async () => {
    await recordEvent(db, actor, { action: 'x', entityType: 'test' });
    const last = (
      await db.query<{ id: number; hash: string }>(
        'select id, hash from audit_events order by id desc limit 1',
      )
    ).rows[0]!;
    await db.query(
      `insert into audit_events (id, at, actor_label, action, entity_type, prev_hash, hash)
       values ($1, now(), 'restore', 'restore', 'test', $2,
               audit_event_hash($2, $1, now(), null, 'restore', 'restore', 'test', null, null, null))`,
      [last.id + 1, last.hash],
    );
    const after = (
      await db.query<{ hash: string }>('select hash from audit_events where id = $1', [last.id + 1])
    ).rows[0]!;
    expect(after.hash).not.toBeNull();
    await recordEvent(db, actor, { action: 'y', entityType: 'test' });
    expect((await verifyAuditChain(db)).brokenAt).toBeNull();
  });

  it('names the first broken row after a row is changed', async () => {
    const all = await ids(db);
    const target = all[10]!;
    await tamper(db, `update audit_events set after = '{"i": 999}' where id = $1`, [target]);
    const report = await verifyAuditChain(db);
    expect(report.brokenAt).toBe(target);
    expect(describeChain(report)).toBe(
      `broken: the audit chain breaks at row ${target} (${all.length} rows checked)`,
    );
  });

  it('names the row after one that was removed', async () => {
    const all = await ids(db);
    await tamper(db, 'delete from audit_events where id = $1', [all[5]!]);
    expect((await verifyAuditChain(db)).brokenAt).toBe(all[6]);
  });
});

describe('the migration that starts the chain', () => {
  it('chains the rows that were there before', async () => {
    const url = process.env.TEST_DATABASE_URL;
    const temp = url ? await createTempDatabase(url, 'rd_chain') : null;
    const db = await openDb(temp ? { databaseUrl: temp.url } : { dataDir: 'memory://' });
    try {
      await db.exec(
        'create table schema_migrations (id text primary key, applied_at timestamptz not null default now())',
      );
      for (const m of listMigrations().slice(
        0,
        listMigrations().findIndex((m) => m.id.endsWith('_audit_chain')),
      )) {
        await db.exec(m.sql);
        await db.query('insert into schema_migrations (id) values ($1)', [m.id]);
      }
      for (let i = 0; i < 5; i++) {
        await db.query(
          `insert into audit_events (actor_label, action, entity_type, entity_id, after) values ('old', 'create', 'test', $1, $2)`,
          [String(i), JSON.stringify({ i })],
        );
      }
      await migrate(db);
      await recordEvent(db, actor, { action: 'new', entityType: 'test' });
      expect(await verifyAuditChain(db)).toMatchObject({ rows: 6, brokenAt: null });
    } finally {
      await db.close();
      await temp?.drop();
    }
  });
});
