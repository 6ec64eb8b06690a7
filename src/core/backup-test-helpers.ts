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
import { backupKeyFrom, sign, type BackupKey } from './backup-key.ts';
import { nowIso } from './dates.ts';
import { readUprInfo, UPR_INFO_COLUMNS } from '../recommendations/import-upr-info.ts';
import { storeRecords } from '../recommendations/store.ts';
import { createConsultation } from '../consultations/rounds.ts';
import { createSubmission } from '../consultations/submissions.ts';
import { checkFile } from '../consultations/files.ts';

export const pgUrl = process.env.TEST_DATABASE_URL;
export const engine = engineName();
export const actor = systemActor('backup-test');
/** The backup key of the installation under test, and that of another installation. */
export const testKey: BackupKey = backupKeyFrom('the backup key of the installation under test', 'test');
export const otherKey: BackupKey = backupKeyFrom('the backup key of another installation entirely', 'other');

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
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not in ('schema_migrations', 'search_generation', 'search_dirty', 'recommendation_facet_counts', 'search_changes', 'recommendation_search')
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
    // Bytes as a Buffer on both engines (PGlite gives a Uint8Array, node-postgres a Buffer).
    const rows = (await db.query<Record<string, unknown>>(`select * from "${t}"`)).rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v) : v]),
      ),
    );
    const keyed = rows.map((r) => [JSON.stringify(r), r] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out[t] = keyed.map(([, r]) => r);
  }
  return out;
}

/** A cell as the checksum reads it: bytes as hex (PGlite gives a Uint8Array, node-postgres a Buffer). */
const canonical = (_key: string, v: unknown): unknown =>
  v instanceof Uint8Array
    ? { $bytes: Buffer.from(v).toString('hex') }
    : v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer'
      ? { $bytes: Buffer.from((v as { data: number[] }).data).toString('hex') }
      : v;

/**
 * Every data table's row count and a checksum of its contents, independent of row order and engine:
 * the sha256 of each row's JSON, sorted, hashed together. Audit events after `auditUpTo` (a
 * restore's own event) are left out, and so are generated columns: each database computes those
 * itself, and its version's stemmer may differ (PostgreSQL 15 stems "adding" to "ad", 18 to "add").
 */
export async function contentSums(
  db: Queryable,
  auditUpTo = Number.MAX_SAFE_INTEGER,
): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  const cols = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_generated = 'NEVER' order by table_name, ordinal_position`,
  );
  for (const t of await tableNames(db)) {
    if (t === 'sessions') continue;
    const list = cols.rows
      .filter((c) => c.table_name === t)
      .map((c) => `"${c.column_name}"`)
      .join(', ');
    const r = await db.query<Record<string, unknown>>(
      `select ${list} from "${t}"${t === 'audit_events' ? ' where id <= $1' : ''}`,
      t === 'audit_events' ? [auditUpTo] : [],
    );
    const hashes = r.rows.map((row) =>
      crypto.createHash('sha256').update(JSON.stringify(row, canonical)).digest('hex'),
    );
    hashes.sort();
    const all = crypto.createHash('sha256');
    for (const h of hashes) all.update(h);
    out[t] = { rows: r.rows.length, sha256: all.digest('hex') };
  }
  return out;
}

export const maxAuditId = async (db: Queryable) =>
  (await db.query<{ id: number }>('select max(id)::int as id from audit_events')).rows[0]!.id;

/** The real UPR Info extract (30,261 recommendations), beside the repository in ../shared. */
export const UPR_INFO_FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');

export const auditTrail = async (db: Queryable) =>
  (await db.query<Record<string, unknown>>('select * from audit_events order by id')).rows;

/** Imports UPR Info records: a CSV file's bytes, or the given number of made-up rows. */
export async function importUpr(db: Db, source: Uint8Array | number) {
  const bytes =
    typeof source === 'number'
      ? new TextEncoder().encode(
          [
            UPR_INFO_COLUMNS.join(','),
            ...Array.from(
              { length: source },
              (_, i) =>
                `${i + 1},Netherlands,WEOG,EU,"Strengthen the protection of children against violence (${i + 1})",Austria,WEOG,EU,Accepted,4,"Women's rights,Justice",1`,
            ),
          ].join('\n') + '\n',
        )
      : source;
  const r = readUprInfo(bytes);
  return storeRecords(db, actor, {
    kind: 'upr-info',
    fileName: 'upr.csv',
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    records: r.records,
    rowErrors: r.errors,
    totalRows: r.totalRows,
  });
}

/** An open consultation of a seeded cycle with one public submission carrying a PDF attachment. */
export async function addConsultation(db: Db, tag: string) {
  const cycle = (await db.query<{ id: string }>('select id from cycles order by id limit 1')).rows[0]!;
  const now = Date.parse(nowIso());
  const round = await createConsultation(db, actor, {
    cycleId: cycle.id,
    titleNl: `Consultatie ${tag}`,
    titleEn: `Consultation ${tag}`,
    descriptionNl: 'Wat moet in de rapportage?',
    descriptionEn: 'What should the report cover?',
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 30 * 86_400_000).toISOString(),
  });
  const pdf = await checkFile(
    `inbreng-${tag}.pdf`,
    Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n${tag}\ntrailer<</Root 1 0 R>>\n%%EOF\n`),
  );
  await createSubmission(
    db,
    round.id,
    `hash-${tag}`,
    {
      organisationName: `Stichting ${tag}`,
      contactName: 'Jan Jansen',
      contactEmail: `jan.${tag}@example.org`,
      body: 'Wij vragen aandacht voor de positie van vrouwen op de arbeidsmarkt.',
      consentToPublish: true,
    },
    [pdf],
  );
  return round;
}

/**
 * Fills a migrated database: the reference data, an organisation (with a parent) and a user in it,
 * a few imported recommendations and a consultation with an attachment.
 */
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
  await importUpr(db, 25);
  await addConsultation(db, tag);
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
/** The lines of a backup's text and its end line's values. */
function split(text: string) {
  const lines = text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
  const trailer = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
  return { body: lines.slice(0, -1), trailer };
}

/** The text with its plain checksum (and row count) computed again, its signature left as it was. */
export function rechecksum(text: string): string {
  const { body, trailer } = split(text);
  const hash = crypto.createHash('sha256');
  for (const l of body) hash.update(l + '\n');
  trailer.sha256 = hash.digest('hex');
  trailer.rows = body.filter((l) => l.startsWith('[')).length;
  return [...body, JSON.stringify(trailer)].join('\n') + '\n';
}

/** Rewrites a backup's text with a valid checksum and signature, to test the checks after them. */
export function resign(text: string, key: BackupKey = testKey): string {
  const { body, trailer } = split(rechecksum(text));
  trailer.signature = { alg: 'HMAC-SHA256', key: key.id, value: sign(key, body) };
  return [...body, JSON.stringify(trailer)].join('\n') + '\n';
}

/** The text without a signature (as a backup of format 1, or with its signature taken off). */
export function unsign(text: string): string {
  const { body, trailer } = split(text);
  delete trailer.signature;
  return [...body, JSON.stringify(trailer)].join('\n') + '\n';
}
