import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { createTempDatabase } from '../test/db.ts';
import { systemActor } from './actor.ts';
import { openDb, withDefaultUser, type Db } from './db.ts';
import { migrate } from './migrate.ts';
import { recordEvent } from './write.ts';

const pgUrl = process.env.TEST_DATABASE_URL;

/** PostgreSQL only: PGlite has one user, and there the chain is the protection. */
describe.skipIf(!pgUrl)('the application role on PostgreSQL', () => {
  const role = `rd_app_${crypto.randomBytes(4).toString('hex')}`;
  let temp: Awaited<ReturnType<typeof createTempDatabase>>;
  let app: Db;
  const asServer = async (sql: string) => {
    const c = new pg.Client({ connectionString: withDefaultUser(pgUrl!) });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await asServer(`create role ${role} login password 'app-secret' nosuperuser nocreatedb nocreaterole`);
    temp = await createTempDatabase(pgUrl!, 'rd_role');
    const appUrl = new URL(temp.url);
    appUrl.username = role;
    appUrl.password = 'app-secret';
    app = await openDb({ databaseUrl: appUrl.toString() });
    const applied = await migrate(app, { ownerUrl: temp.url });
    expect(applied.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await app?.close();
    await temp?.drop();
    await asServer(`drop role if exists ${role}`);
  });

  it('does not own the tables: the migrations ran as the owner', async () => {
    const r = await app.query<{ owner: string }>(
      `select tableowner as owner from pg_tables where tablename = 'audit_events'`,
    );
    expect(r.rows[0]!.owner).not.toBe(role);
    expect(await migrate(app, { ownerUrl: temp.url })).toEqual([]);
  });

  it('writes data and audit rows, and the chain holds', async () => {
    await app.query(
      `insert into organisations (code, name_nl, name_en, kind) values ('TST', 'Test', 'Test', 'other')`,
    );
    await recordEvent(app, systemActor('test'), { action: 'create', entityType: 'organisation' });
    await recordEvent(app, systemActor('test'), { action: 'update', entityType: 'organisation' });
    expect(await verifyAuditChain(app)).toMatchObject({ rows: 2, brokenAt: null });
  });

  it('cannot disable the triggers of the audit trail, nor change or remove its rows', async () => {
    await expect(app.query('alter table audit_events disable trigger user')).rejects.toThrow(/must be owner/);
    await expect(app.query('alter table audit_events disable trigger audit_events_chain')).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.query("update audit_events set action = 'x'")).rejects.toThrow(/permission denied/);
    await expect(app.query('delete from audit_events')).rejects.toThrow(/permission denied/);
    await expect(app.query('truncate audit_events')).rejects.toThrow(/permission denied/);
    await expect(app.query('drop table audit_events')).rejects.toThrow(/must be owner/);
    await expect(app.query("insert into schema_migrations (id) values ('9999_x')")).rejects.toThrow(
      /permission denied/,
    );
    expect(await verifyAuditChain(app)).toMatchObject({ rows: 2, brokenAt: null });
  });
});
