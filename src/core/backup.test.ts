import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './db.ts';
import { recordEvent } from './write.ts';
import { backup, readBackup, restore } from './backup.ts';
import { testDb } from '../test/db.ts';
import { createUser, findUserByEmail } from '../users/service.ts';
import { createOrganisation } from '../organisations/service.ts';
import {
  actor,
  auditTrail,
  counts,
  dump,
  engine,
  freshDb,
  pgUrl,
  populate,
  testKey,
  tmpFiles,
} from './backup-test-helpers.ts';

const files = tmpFiles();
afterAll(files.remove);
const tmpFile = files.file;

describe(`backup and restore (${engine})`, () => {
  let source: Db;
  let target: Db;
  let file: string;
  let sourceDump: Awaited<ReturnType<typeof dump>>;
  let sourceCounts: Record<string, number>;
  let sourceAudit: Record<string, unknown>[];
  let written: { rows: number; tables: number };
  let restored: { rows: number; tables: number };
  let populated: Awaited<ReturnType<typeof populate>>;

  beforeAll(async () => {
    source = await testDb();
    populated = await populate(source, 'src');
    // A session exists in the source; sessions are not part of a backup.
    await source.query(
      `insert into sessions (id, user_id, csrf_token, expires_at) values ('s1', $1, 'c', now() + interval '1 hour')`,
      [populated.user.id],
    );
    sourceDump = await dump(source);
    sourceCounts = await counts(source);
    sourceAudit = await auditTrail(source);
    file = tmpFile('good.rdbackup.gz');
    written = await backup(source, file, testKey);

    // The target already holds other data, which the restore replaces.
    target = await testDb();
    await populate(target, 'old');
    const old = await findUserByEmail(target, 'coordinator.old@example.org');
    await target.query(
      `insert into sessions (id, user_id, csrf_token, expires_at) values ('s-old', $1, 'c', now() + interval '1 hour')`,
      [old!.id],
    );
    restored = await restore(target, file, actor, { key: testKey });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('writes a gzip file that reads back completely', () => {
    expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const parsed = readBackup(file, testKey);
    expect(parsed.header.engine).toBe(source.engine);
    const total = Object.entries(sourceCounts)
      .filter(([t]) => t !== 'sessions')
      .reduce((s, [, n]) => s + n, 0);
    expect(written.rows).toBe(total);
    expect(parsed.rows).toBe(total);
    expect(parsed.tables.map((t) => t.table)).not.toContain('sessions');
    expect(parsed.tables.map((t) => t.table)).not.toContain('schema_migrations');
    expect(written.tables).toBe(parsed.tables.length);
    // Parents come before children.
    const order = parsed.tables.map((t) => t.table);
    expect(order.indexOf('organisations')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('cycles')).toBeLessThan(order.indexOf('cycle_phases'));
    expect(restored).toEqual({
      rows: written.rows,
      tables: written.tables,
      signature: { status: 'valid', key: testKey.id },
    });
  });

  it('restores the same number of rows in every table (plus one audit event; no sessions)', async () => {
    const after = await counts(target);
    expect(after).toEqual({ ...sourceCounts, audit_events: sourceCounts.audit_events! + 1, sessions: 0 });
    expect(sourceCounts.organisations).toBeGreaterThan(20);
    expect(sourceCounts.taxonomy_terms).toBeGreaterThan(100);
  });

  it('restores the rows themselves: organisations, users, the reference data', async () => {
    const after = await dump(target);
    for (const t of Object.keys(sourceDump)) {
      if (t === 'audit_events' || t === 'sessions') continue;
      expect(after[t], `table ${t}`).toEqual(sourceDump[t]);
    }
    const org = (
      await target.query<Record<string, unknown>>("select * from organisations where code = 'TST-src'")
    ).rows[0];
    expect(org).toMatchObject({
      name_nl: 'Testdienst src',
      valid_from: '2020-01-01',
      valid_to: '2030-12-31',
      parent_id: populated.org.parentId,
    });
    // The data the target held before is gone.
    expect((await target.query("select 1 from organisations where code = 'TST-old'")).rowCount).toBe(0);
    expect(await findUserByEmail(target, 'coordinator.old@example.org')).toBeNull();
    const u = await findUserByEmail(target, 'coordinator.src@example.org');
    expect(u).toMatchObject({ id: populated.user.id, organisationId: populated.org.id, role: 'coordinator' });
  });

  it('restores the audit trail and records the restore in it', async () => {
    const trail = await auditTrail(target);
    expect(trail.length).toBe(sourceAudit.length + 1);
    expect(trail.slice(0, -1)).toEqual(sourceAudit);
    const last = trail[trail.length - 1]!;
    expect(last).toMatchObject({ action: 'restore', entity_type: 'database', actor_label: 'backup-test' });
    expect(last.after).toMatchObject({ file, rows: written.rows, engine: source.engine });
    expect(Number(last.id)).toBeGreaterThan(Number(sourceAudit[sourceAudit.length - 1]!.id));
  });

  it('accepts new audit events and rows after the restore (the sequences continue)', async () => {
    const maxBefore = Math.max(...(await auditTrail(target)).map((r) => Number(r.id)));
    await recordEvent(target, actor, { action: 'update', entityType: 'thing', entityId: 'after-restore' });
    const user = await createUser(target, actor, {
      email: 'new@example.org',
      name: 'New',
      role: 'observer',
      password: 'correct horse battery staple',
    });
    const trail = await auditTrail(target);
    const mine = trail.filter((r) => Number(r.id) > maxBefore);
    // New ids follow the restored ones (the audit chain may leave gaps between them).
    const ids = mine.map((r) => Number(r.id));
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBeGreaterThan(maxBefore);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    expect(mine.map((r) => r.entity_id)).toEqual(['after-restore', user.id]);
  });

  it('keeps the audit trail append-only after a restore', async () => {
    await expect(target.query("update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(target.query('delete from audit_events')).rejects.toThrow(/append-only/);
  });
});

describe('backup and restore across engines', () => {
  it.skipIf(!pgUrl)(
    pgUrl
      ? 'PGlite → PostgreSQL and PostgreSQL → PGlite give the same table contents'
      : 'PGlite ⇄ PostgreSQL cross-engine restore — SKIPPED: set TEST_DATABASE_URL to a PostgreSQL server to run it',
    async () => {
      const lite = await freshDb('pglite');
      const pgTarget = await freshDb('postgresql');
      const lite2 = await freshDb('pglite');
      try {
        // PGlite → PostgreSQL
        await populate(lite.db, 'lite');
        await lite.db.query(`insert into app_settings (key, value) values ('x', $1)`, [
          JSON.stringify({ list: [1, 'two'], nested: { ok: true } }),
        ]);
        const liteDump = await dump(lite.db);
        const f1 = tmpFile('lite.rdbackup.gz');
        await backup(lite.db, f1, testKey);
        expect(readBackup(f1, testKey).header.engine).toBe('pglite');
        await restore(pgTarget.db, f1, actor, { key: testKey });
        const pgDump = await dump(pgTarget.db);
        expect(pgDump.audit_events!.length).toBe(liteDump.audit_events!.length + 1);
        expect({
          ...pgDump,
          audit_events: pgDump.audit_events!.filter((r) => r.action !== 'restore'),
        }).toEqual(liteDump);

        // PostgreSQL → PGlite, after a change made on PostgreSQL
        await createOrganisation(pgTarget.db, actor, {
          code: 'ON-PG',
          nameNl: 'Op PG',
          nameEn: 'On PG',
          kind: 'other',
          validFrom: '2024-02-29',
        });
        const pgDump2 = await dump(pgTarget.db);
        const f2 = tmpFile('pg.rdbackup.gz');
        await backup(pgTarget.db, f2, testKey);
        expect(readBackup(f2, testKey).header.engine).toBe('postgresql');
        await restore(lite2.db, f2, actor, { key: testKey });
        const liteDump2 = await dump(lite2.db);
        expect(liteDump2.audit_events!.length).toBe(pgDump2.audit_events!.length + 1);
        const newest = Math.max(...liteDump2.audit_events!.map((r) => Number(r.id)));
        expect(liteDump2.audit_events!.find((r) => Number(r.id) === newest)).toMatchObject({
          action: 'restore',
        });
        expect(liteDump2.audit_events!.filter((r) => Number(r.id) !== newest)).toEqual(pgDump2.audit_events);
        expect({ ...liteDump2, audit_events: pgDump2.audit_events }).toEqual(pgDump2);
        expect(
          (await lite2.db.query("select valid_from from organisations where code = 'ON-PG'")).rows,
        ).toEqual([{ valid_from: '2024-02-29' }]);
      } finally {
        await lite.dispose();
        await pgTarget.dispose();
        await lite2.dispose();
      }
    },
    // Three databases filled and two restores: allow for a busy machine.
    300_000,
  );
});
