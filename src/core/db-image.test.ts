/**
 * The image of the migrated database with its reference data (db-image.ts): a data directory made from it
 * must be the database a first start makes the long way, hold nothing of another installation, and an
 * image must never be used for other migrations or reference data. PGlite only: the image is a PGlite data
 * directory, so this file runs the same on both engines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../users/service.ts';
import { isSeeded, seedReferenceData } from '../reference/seed.ts';
import { copyImage, findImage, imageKey, isNewDataDir, saveImage, sourcesOf } from './db-image.ts';
import { openDb, type Db } from './db.ts';
import { migrate } from './migrate.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-db-image-'));
const cacheDir = path.join(tmp, 'cache');
const key = 'test-key';
const opts = { cacheDir, key };
const unwritable = { cacheDir: path.join(tmp, 'a-file', 'cache'), key };
const dirs = { first: path.join(tmp, 'first'), copy: path.join(tmp, 'copy'), later: path.join(tmp, 'later') };
fs.writeFileSync(path.join(tmp, 'a-file'), '');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A first start the long way: migrations and reference data in a new data directory. */
async function longWay(dataDir: string): Promise<Db> {
  const db = await openDb({ dataDir });
  await migrate(db);
  await seedReferenceData(db);
  return db;
}

// Ids and timestamps differ between two databases made the same way; everything else must not.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const canonical = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'string' && UUID.test(v) ? '<uuid>' : typeof v === 'string' && TIME.test(v) ? '<time>' : v,
  );

/** Schema and contents of a database, comparable between two databases. */
async function snapshot(db: Db) {
  const columns = await db.query(
    `select table_name, column_name, data_type, is_nullable, column_default
       from information_schema.columns where table_schema = 'public' order by table_name, column_name`,
  );
  const indexes = await db.query(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
  );
  const triggers = await db.query(
    `select tgname, tgrelid::regclass::text as on_table from pg_trigger where not tgisinternal order by tgname`,
  );
  const migrations = await db.query<{ id: string }>('select id from schema_migrations order by id');
  const tables = [...new Set(columns.rows.map((c) => String(c.table_name)))];
  const rows: Record<string, string[]> = {};
  for (const t of tables.filter((t) => t !== 'audit_events')) {
    const r = await db.query(`select * from ${t}`);
    rows[t] = r.rows.map((row) => JSON.stringify(canonical(row))).sort();
  }
  // The audit rows carry hashes over their timestamps: compare what they record.
  const audit = await db.query(
    'select actor_id, actor_label, action, entity_type, count(*)::int as n from audit_events group by 1, 2, 3, 4 order by 1, 2, 3, 4',
  );
  return {
    columns: columns.rows,
    indexes: indexes.rows,
    triggers: triggers.rows,
    migrations: migrations.rows.map((m) => m.id),
    rows,
    audit: audit.rows,
  };
}

const OLDER = ['oldest', 'older', 'old', 'recent'];

describe('the image of the migrated database with its reference data', () => {
  let normal: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    const db = await longWay(dirs.first);
    try {
      normal = await snapshot(db);
      // Images of earlier code, oldest first.
      OLDER.forEach((name, i) => {
        fs.mkdirSync(path.join(cacheDir, name, 'pgdata'), { recursive: true });
        const at = new Date(Date.now() - (OLDER.length - i) * 60_000);
        fs.utimesSync(path.join(cacheDir, name), at, at);
      });
      // A cache that cannot be written only means the long way for the next one too.
      expect(await saveImage(db, dirs.first, unwritable)).toBe(false);
      expect(await saveImage(db, dirs.first, opts)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('a data directory made from it equals one made the long way: tables, migrations, reference rows', async () => {
    expect(findImage(opts)).not.toBeNull();
    expect(await copyImage(dirs.copy, opts)).toBe(true);
    const db = await openDb({ dataDir: dirs.copy });
    try {
      expect(await migrate(db)).toEqual([]);
      expect(await isSeeded(db)).toBe(true);
      const copy = await snapshot(db);
      expect(copy.migrations.length).toBeGreaterThan(0);
      expect(copy.rows.organisations!.length).toBeGreaterThan(0);
      expect(copy).toEqual(normal);
      expect(copy.rows.users).toEqual([]);
      expect(copy.rows.sessions).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('replaces the images of earlier code but for the newest few', () => {
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['old', 'recent', key].sort());
  });

  it('holds nothing of an installation, and an installation is never kept as the image', async () => {
    const db = await openDb({ dataDir: dirs.copy });
    try {
      const first = await ensureFirstAdmin(db);
      expect(first).not.toBeNull();
      const other = { cacheDir, key: 'another-key' };
      expect(await saveImage(db, dirs.copy, other)).toBe(false);
      expect(findImage(other)).toBeNull();
    } finally {
      await db.close();
    }
    // A later installation gets its own first administrator, not the one above.
    expect(await copyImage(dirs.later, opts)).toBe(true);
    const later = await openDb({ dataDir: dirs.later });
    try {
      expect((await later.query('select email from users')).rows).toEqual([]);
    } finally {
      await later.close();
    }
  });

  it('is used only for a new data directory and only for the code it was made from', async () => {
    const before = fs.readdirSync(path.join(dirs.copy, 'pgdata')).sort();
    expect(isNewDataDir(dirs.copy)).toBe(false);
    expect(await copyImage(dirs.copy, opts)).toBe(false);
    expect(fs.readdirSync(path.join(dirs.copy, 'pgdata')).sort()).toEqual(before);

    const stale = path.join(tmp, 'stale');
    expect(await copyImage(stale, { cacheDir, key: 'other-migrations' })).toBe(false);
    expect(await copyImage(stale, unwritable)).toBe(false);
    expect(fs.existsSync(path.join(stale, 'pgdata'))).toBe(false);
  });
});

describe('the name of an image', () => {
  it('changes with a migration, the reference data or the seed code and what it imports, and nothing else', () => {
    const root = path.join(tmp, 'code');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('migrations/0001_a.sql', 'create table a (id int);');
    write('reference/data/organisations.json', '[]');
    write('reference/helper.ts', 'export const helper = 1;');
    write(
      'reference/seed.ts',
      "import organisations from './data/organisations.json' with { type: 'json' };\nimport { helper } from './helper.ts';",
    );
    write('other/later.ts', 'export const later = 1;');
    write('unrelated/notes.md', 'one');
    const key = () => imageKey(root, ['migrations'], ['reference/seed.ts']);
    const keys = [key()];
    expect(key()).toBe(keys[0]);

    write('unrelated/notes.md', 'two');
    write('other/later.ts', 'export const later = 2;');
    expect(key()).toBe(keys[0]);

    const changes: [string, string][] = [
      ['migrations/0002_b.sql', 'create table b (id int);'],
      ['reference/data/organisations.json', '[{"code":"BZK"}]'],
      ['reference/helper.ts', 'export const helper = 2;'],
      ['reference/helper.ts', "export const helper = 2;\nexport { later } from '../other/later.ts';"],
      ['other/later.ts', 'export const later = 3;'],
    ];
    for (const [file, text] of changes) {
      write(file, text);
      expect(keys, file).not.toContain(key());
      keys.push(key());
    }
  });

  it('of this code follows the seed into the reference data and the default process', () => {
    const files = sourcesOf(['src/core/migrate.ts', 'src/reference/seed.ts']).map((f) =>
      path.relative(process.cwd(), f),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'src/core/migrate.ts',
        'src/core/write.ts',
        'src/reference/data/organisations.json',
        'src/reference/data/taxonomy.json',
        'src/process/seed.ts',
      ]),
    );
    expect(imageKey()).toMatch(/^[0-9a-f]{24}$/);
  });
});
