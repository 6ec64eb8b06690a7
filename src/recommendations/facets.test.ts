/**
 * The kept facet counts (migration 0014) against a count of the table itself, after imports of real
 * UPR Info rows and after every kind of write: the list without a query or filter reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { compactFacetCounts, countAllFacets, countFacets } from './facets.ts';
import { readUprInfo } from './import-upr-info.ts';
import type { ImportRecord } from './schema.ts';
import { RecommendationQuery } from './schema.ts';
import { searchRecommendations } from './service.ts';
import { storeSlice } from './test-upload.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const skipReal = !fs.existsSync(FILE) && process.env.CI !== 'true';

let db: Db;
let records: ImportRecord[] = [];
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
  if (!skipReal) records = readUprInfo(new Uint8Array(fs.readFileSync(FILE))).records;
});
afterAll(() => db?.close());

const store = (from: number, to: number, fileName: string) => storeSlice(db, records, from, to, fileName);

/** The kept counts and a count of the table give the same total and facets. */
async function expectKeptCountsRight(q: Queryable = db) {
  const kept = await countAllFacets(q);
  const counted = await countFacets(q, '', []);
  expect(kept).toEqual(counted);
  const n = await q.query<{ n: number }>('select count(*)::int as n from recommendations');
  expect(kept.total).toBe(n.rows[0]!.n);
  return kept;
}

describe.skipIf(skipReal)('facet counts kept for the list without a query or filter', () => {
  it('match a count of the table after imports', async () => {
    await store(0, 4000, 'first.csv');
    const first = await expectKeptCountsRight();
    expect(first.total).toBeGreaterThan(3500);
    expect(first.facets.state!.length).toBeGreaterThan(10);
    expect(first.facets.recommendingState!.length).toBeGreaterThan(50);
    expect(first.facets.theme!.length).toBeGreaterThan(5);
    // A second file, overlapping the first by 1,000 rows: those merge into the records there.
    await store(3000, 6000, 'second.csv');
    const second = await expectKeptCountsRight();
    expect(second.total).toBeGreaterThan(first.total);
    // The list page gives them too.
    const page = await searchRecommendations(db, RecommendationQuery.parse({}));
    expect(page.total).toBe(second.total);
    expect(page.facets).toEqual(second.facets);
  });

  it('follow updates, deletes (with their tags), new tags and organisations', async () => {
    await db.query(
      `update recommendations set position = 'noted' where position = 'supported' and year = 2010`,
    );
    await db.query(
      `update recommendations set recommending_states = recommending_states || 'Norway'::text
        where state_under_review = (select min(state_under_review) from recommendations)`,
    );
    await db.query(
      `update recommendations set lead_organisation_id = (select id from organisations order by code limit 1),
              status = 'in_progress'
        where id in (select id from recommendations order by fingerprint limit 300)`,
    );
    await db.query(`update recommendations set follow_up = true where year = 2011`);
    await expectKeptCountsRight();
    const before = await countAllFacets(db);
    await db.query(
      'delete from recommendations where id in (select id from recommendations order by id limit 250)',
    );
    const after = await expectKeptCountsRight();
    expect(after.total).toBe(before.total - 250);
    await db.query(
      `insert into recommendation_terms (recommendation_id, term_id)
       select r.id, t.id from (select id from recommendations order by id limit 40) r
        cross join (select id from taxonomy_terms where scheme = 'sdg_target' order by code limit 2) t
       on conflict do nothing`,
    );
    await expectKeptCountsRight();
  });

  it('are left as they were by a transaction that rolls back, and follow a truncate inside one', async () => {
    const before = await countAllFacets(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`update recommendations set position = 'noted'`);
        await tx.query('truncate recommendation_terms');
        const inside = await expectKeptCountsRight(tx);
        expect(inside.facets.theme).toEqual([]);
        await tx.query('delete from recommendations');
        expect((await expectKeptCountsRight(tx)).total).toBe(0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await expectKeptCountsRight()).toEqual(before);
  });

  it('fold into one row per value without changing a count', async () => {
    const before = await countAllFacets(db);
    const rows = async () =>
      (
        await db.query<{ n: number; groups: number }>(
          `select count(*)::int as n, (select count(*)::int from (select distinct facet, value
                  from recommendation_facet_counts) v) as groups from recommendation_facet_counts`,
        )
      ).rows[0]!;
    expect((await rows()).n).toBeGreaterThan((await rows()).groups);
    await compactFacetCounts(db);
    const after = await rows();
    expect(after.n).toBe(after.groups);
    expect(await expectKeptCountsRight()).toEqual(before);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'do not make writers wait for each other (two open transactions change the same counts)',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const first = db.transaction(async (tx) => {
        await tx.query(`update recommendations set position = 'noted' where year = 2012`);
        entered();
        await held;
      });
      await inside;
      // The second changes the same values (the total, positions) and commits while the first is open.
      await db.query(`update recommendations set position = 'supported' where year = 2009`);
      await db.query(
        'delete from recommendations where id in (select id from recommendations order by id limit 5)',
      );
      release();
      await first;
      await expectKeptCountsRight();
    },
  );
});
