/** What the backup tests share: databases filled with data, their contents, and backup files. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDb, type Db, type Queryable } from './db.ts';
import { migrate } from './migrate.ts';
import { systemActor } from './actor.ts';
import { createTempDatabase, engineName } from '../test/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { createUser } from '../users/service.ts';
import { createOrganisation } from '../organisations/service.ts';

export const pgUrl = process.env.TEST_DATABASE_URL;
export const engine = engineName();
export const actor = systemActor('backup-test');

/** A directory for the backup files of one test file; remove() deletes it. */
export function tmpFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-backup-test-'));
  return {
    file: (name: string) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** All data tables of the schema (what a backup holds, plus sessions). */
export async function tableNames(q: Queryable): Promise<string[]> {
  const r = await q.query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
      order by table_name`,
  );
  return r.rows.map((x) => x.table_name);
}

export async function counts(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tableNames(db)) {
    out[t] = (await db.query<{ n: number }>(`select count(*)::int as n from "${t}"`)).rows[0]!.n;
  }
  return out;
}

/** Every row of every table, sorted in JavaScript so that the two engines' collations cannot differ. */
export async function dump(db: Queryable): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of await tableNames(db)) {
    const rows = (await db.query<Record<string, unknown>>(`select * from "${t}"`)).rows;
    const keyed = rows.map((r) => [JSON.stringify(r), r] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out[t] = keyed.map(([, r]) => r);
  }
  return out;
}

export const auditTrail = async (db: Queryable) =>
  (await db.query<Record<string, unknown>>('select * from audit_events order by id')).rows;

/** Fills a migrated database: the reference data, an organisation (with a parent) and a user in it. */
export async function populate(db: Db, tag: string) {
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
export async function freshDb(
  kind: 'pglite' | 'postgresql',
): Promise<{ db: Db; dispose: () => Promise<void> }> {
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

export function gunzipText(file: string) {
  return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
}
export function writeGzip(file: string, text: string) {
  fs.writeFileSync(file, zlib.gzipSync(text));
}
/** Rewrites a backup's text with a valid checksum, to test the checks after the checksum. */
export function resign(text: string): string {
  const lines = text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
  const body = lines.slice(0, -1);
  const trailer = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  const hash = crypto.createHash('sha256');
  for (const l of body) hash.update(l + '\n');
  trailer.sha256 = hash.digest('hex');
  return [...body, JSON.stringify(trailer)].join('\n') + '\n';
}
