/**
 * PGlite has no autovacuum: after a large import the application vacuums the recommendation tables
 * itself, so the planner knows their size and searches can read tags from the index alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { readUprInfo } from './import-upr-info.ts';
import { storeRecords } from './store.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const skipReal = !fs.existsSync(FILE) && process.env.CI !== 'true';

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
});
afterAll(() => db?.close());

const visible = async (table: string) =>
  (
    await db.query<{ pages: number; visible: number; tuples: number }>(
      `select relpages as pages, relallvisible as visible, reltuples::int as tuples from pg_class where relname = $1`,
      [table],
    )
  ).rows[0]!;

describe.skipIf(skipReal || !!process.env.TEST_DATABASE_URL)('after a large import on PGlite', () => {
  it('the recommendation tables are vacuumed and analysed', async () => {
    const before = await visible('recommendation_terms');
    expect(before.visible).toBe(0);
    const { records } = readUprInfo(new Uint8Array(fs.readFileSync(FILE)));
    const summary = await storeRecords(db, systemActor('test'), {
      kind: 'upr-info',
      fileName: 'upr.csv',
      sha256: 'x',
      records: records.slice(0, 2000),
      rowErrors: [],
      totalRows: 2000,
    });
    expect(summary.created).toBeGreaterThan(1000);
    for (const table of ['recommendations', 'recommendation_terms', 'recommendation_sources']) {
      const after = await visible(table);
      // Analysed: the planner's row count is the table's; vacuumed: its pages are marked all-visible.
      expect(after.tuples, table).toBeGreaterThan(1000);
      expect(after.visible, table).toBe(after.pages);
    }
  });
});
