import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db, type Queryable } from './db.ts';
import { migrate } from './migrate.ts';
import { recordAudit, systemActor } from './audit.ts';
import { backup, BackupError, readBackup, restore } from './backup.ts';
import { createTempDatabase, engineName, testDb } from '../test/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { createUser, findUserByEmail } from '../users/service.ts';
import { createOrganisation } from '../organisations/service.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
const engine = engineName();
const actor = systemActor('backup-test');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const tmpFile = (name: string) => path.join(tmp, name);

/** All data tables of the schema (what a backup holds, plus sessions). */
async function tableNames(q: Queryable): Promise<string[]> {
  const r = await q.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      order by table_name`,
  );
  return r.rows.map((x) => x.table_name);
}

async function counts(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tableNames(db)) {
    out[t] = (await db.query<{ n: number }>(`select count(*)::int as n from "${t}"`)).rows[0]!.n;
  }
  return out;
}

/** Every row of every table, sorted in JavaScript so that the two engines' collations cannot differ. */
async function dump(db: Queryable): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of await tableNames(db)) {
    const rows = (await db.query<Record<string, unknown>>(`select * from "${t}"`)).rows;
    const keyed = rows.map((r) => [JSON.stringify(r), r] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out[t] = keyed.map(([, r]) => r);
  }
  return out;
}

const auditTrail = async (db: Queryable) =>
  (await db.query<Record<string, unknown>>('select * from audit_events order by id')).rows;

/** Fills a migrated database: the reference data, an organisation (with a parent) and a user in it. */
async function populate(db: Db, tag: string) {
  await seedReferenceData(db);
  const bzk = (await db.query<{ id: string }>("select id from organisations where code = 'BZK'")).rows[0]!.id;
  const org = await createOrganisation(db, actor, {
    code: `TST-${tag}`,
    nameNl: `Testdienst ${tag}`,
    nameEn: `Test service ${tag}`,
    kind: 'public_body',
    parentId: bzk,
    validFrom: '2020-01-01',
    validTo: '2030-12-31',
    source: 'backup test',
  });
  const user = await createUser(db, actor, {
    email: `coordinator.${tag}@example.org`,
    name: `Coördinator ${tag}`,
    role: 'coordinator',
    organisationId: org.id,
    password: 'correct horse battery staple',
  });
  return { org, user };
}

/** A fresh migrated database of the given engine, for the cross-engine test. */
async function freshDb(kind: 'pglite' | 'postgresql'): Promise<{ db: Db; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDb({ dataDir: 'memory://' });
    await migrate(db);
    return { db, dispose: () => db.close() };
  }
  const t = await createTempDatabase(pgUrl!, 'rd_backup');
  const db = await openDb({ databaseUrl: t.url });
  await migrate(db);
  return {
    db,
    dispose: async () => {
      await db.close();
      await t.drop();
    },
  };
}

function gunzipText(file: string) {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
}
function writeGzip(file: string, text: string) {
  fs.writeFileSync(file, zlib.gzipSync(text));
}
/** Rewrites a backup's text with a valid checksum, to test the checks after the checksum. */
function resign(text: string): string {
  const lines = text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
  const body = lines.slice(0, -1);
  const trailer = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  const hash = crypto.createHash('sha256');
  for (const l of body) hash.update(l + '\n');
  trailer.sha256 = hash.digest('hex');
  return [...body, JSON.stringify(trailer)].join('\n') + '\n';
}

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
    written = await backup(source, file);

    // The target already holds other data, which the restore replaces.
    target = await testDb();
    await populate(target, 'old');
    const old = await findUserByEmail(target, 'coordinator.old@example.org');
    await target.query(
      `insert into sessions (id, user_id, csrf_token, expires_at) values ('s-old', $1, 'c', now() + interval '1 hour')`,
      [old!.id],
    );
    restored = await restore(target, file, actor);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('writes a gzip file that reads back completely', () => {
    expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const parsed = readBackup(file);
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
    expect(restored).toEqual({ rows: written.rows, tables: written.tables });
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
    await recordAudit(target, actor, { action: 'update', entityType: 'thing', entityId: 'after-restore' });
    const user = await createUser(target, actor, {
      email: 'new@example.org',
      name: 'New',
      role: 'observer',
      password: 'correct horse battery staple',
    });
    const trail = await auditTrail(target);
    const mine = trail.filter((r) => Number(r.id) > maxBefore);
    expect(mine.map((r) => Number(r.id))).toEqual([maxBefore + 1, maxBefore + 2]);
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
        await backup(lite.db, f1);
        expect(readBackup(f1).header.engine).toBe('pglite');
        await restore(pgTarget.db, f1, actor);
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
        await backup(pgTarget.db, f2);
        expect(readBackup(f2).header.engine).toBe('postgresql');
        await restore(lite2.db, f2, actor);
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
  );
});

describe(`restore refuses bad input and changes nothing (${engine})`, () => {
  let db: Db;
  let good: string;
  let goodText: string;
  let before: Awaited<ReturnType<typeof dump>>;

  beforeAll(async () => {
    // The backup comes from one database, the restore target is another with different data.
    const src = await testDb();
    await populate(src, 'bak');
    good = tmpFile('source.rdbackup.gz');
    await backup(src, good);
    await src.close();
    goodText = gunzipText(good);

    db = await testDb();
    await populate(db, 'live');
    before = await dump(db);
  });
  afterAll(() => db?.close());

  async function expectRefused(file: string, message: RegExp, errorClass: unknown = BackupError) {
    const err = await restore(db, file, actor).then(
      () => {
        throw new Error(`restore of ${file} succeeded`);
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(errorClass);
    expect((err as Error).message).toMatch(message);
    expect(await dump(db)).toEqual(before);
  }

  it('the good backup is accepted by readBackup (control)', () => {
    expect(readBackup(good).rows).toBeGreaterThan(0);
  });

  it('a file that is not gzip', async () => {
    const f = tmpFile('plain.txt');
    fs.writeFileSync(f, 'This is a plain text file, not a backup.\n');
    await expectRefused(f, /plain\.txt is not a Rightsdesk backup or it is damaged \(it cannot be unpacked/);
  });

  it('a gzip of random text', async () => {
    const f = tmpFile('random.gz');
    writeGzip(
      f,
      crypto
        .randomBytes(3000)
        .toString('base64')
        .replace(/(.{76})/g, '$1\n'),
    );
    await expectRefused(
      f,
      /random\.gz is damaged: line 1 is not valid JSON|random\.gz is not a Rightsdesk backup/,
    );
  });

  it('a gzip of JSON that is not a Rightsdesk backup', async () => {
    const f = tmpFile('other.json.gz');
    writeGzip(f, '{"format":"something-else"}\n{"end":true}\n');
    await expectRefused(f, /other\.json\.gz is not a Rightsdesk backup \(no Rightsdesk header\)/);
  });

  it('a truncated backup (cut in the middle of a line)', async () => {
    const f = tmpFile('half.gz');
    const half = goodText.slice(0, Math.floor(goodText.length / 2));
    expect(half.endsWith('\n')).toBe(false);
    writeGzip(f, half);
    await expectRefused(f, /half\.gz is (damaged|incomplete)/);
  });

  it('a truncated backup (cut at a line end, the end marker missing)', async () => {
    const f = tmpFile('cut.gz');
    const lines = goodText.split('\n');
    writeGzip(f, lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n');
    await expectRefused(f, /cut\.gz is incomplete: its end marker is missing/);
  });

  it('a truncated gzip stream', async () => {
    const f = tmpFile('short.gz');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(f, /short\.gz is not a Rightsdesk backup or it is damaged/);
  });

  it('one byte changed in a row (checksum mismatch)', async () => {
    const f = tmpFile('tampered.gz');
    const i = goodText.indexOf('Testdienst bak');
    expect(i).toBeGreaterThan(0);
    const tampered = goodText.slice(0, i) + 'X' + goodText.slice(i + 1);
    expect(tampered.length).toBe(goodText.length);
    writeGzip(f, tampered);
    await expectRefused(f, /tampered\.gz is damaged: its checksum does not match its contents/);
  });

  it('a non-existent file', async () => {
    await expectRefused(tmpFile('no-such-file.gz'), /The backup file .*no-such-file\.gz does not exist/);
  });

  it('a backup from a newer schema', async () => {
    const f = tmpFile('future.gz');
    const lines = goodText.split('\n');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    header.schema = '9999_future';
    writeGzip(f, resign([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expectRefused(f, /newer database schema \(9999_future\)/);
  });

  it('a backup with a table this database does not have', async () => {
    const f = tmpFile('extra-table.gz');
    const lines = goodText.split('\n');
    const body = [lines[0]!, '{"table":"no_such_table","columns":["id"]}', '[1]', ...lines.slice(1)];
    writeGzip(f, resign(body.join('\n')));
    await expectRefused(f, /a table "no_such_table" that this database does not have/);
  });

  it('a row the database refuses halfway through: the whole restore is rolled back', async () => {
    // Valid checksum, but a users row with an unknown role: the truncate and earlier inserts must be undone.
    const f = tmpFile('bad-row.gz');
    const tampered = goodText.replace(
      /"coordinator\.bak@example\.org","Coördinator bak","([^"]*)","coordinator"/,
      '"coordinator.bak@example.org","Coördinator bak","$1","emperor"',
    );
    expect(tampered).not.toBe(goodText);
    writeGzip(f, resign(tampered));
    await expectRefused(f, /users_role_check|violates check constraint/, Error);
    // The guard of the audit trail is back on.
    await expect(db.query("update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
  });

  it('a good backup restores into the same database afterwards', async () => {
    const r = await restore(db, good, actor);
    expect(r.rows).toBe(readBackup(good).rows);
    expect(await findUserByEmail(db, 'coordinator.bak@example.org')).not.toBeNull();
    expect(await findUserByEmail(db, 'coordinator.live@example.org')).toBeNull();
  });
});
