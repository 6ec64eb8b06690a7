/**
 * Searches answered by the facet index (facet-index.ts) against the same searches answered in SQL
 * (inside a transaction the index is not used): the same total, facets and page, on real UPR Info
 * rows, before and after every kind of write the index must follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { facetIndexOf } from './facet-index.ts';
import { readUprInfo } from './import-upr-info.ts';
import { RecommendationQuery, type ImportRecord } from './schema.ts';
import { searchRecommendations } from './service.ts';
import { storeSlice } from './test-upload.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const skip = !fs.existsSync(FILE) && process.env.CI !== 'true';

let db: Db;
let records: ImportRecord[] = [];
let theme = '';
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
  if (skip) return;
  records = readUprInfo(new Uint8Array(fs.readFileSync(FILE))).records;
  await store(0, 4000, 'first.csv');
  theme = (
    await db.query<{ id: string }>(
      `select rt.term_id as id from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
        where t.scheme = 'uhri_theme' group by 1 order by count(*) desc, 1 limit 1`,
    )
  ).rows[0]!.id;
}, 120_000);
afterAll(() => db?.close());

const store = (from: number, to: number, fileName: string) => storeSlice(db, records, from, to, fileName);

/** Searches the index answers: text with and without facet filters, Dutch, filters alone, pages. */
const searches = () => [
  'q=discrimination',
  'q=torture&page=2',
  'q=women+violence&position=supported',
  'q=children+education&mechanism=upr',
  'q=human+rights+defenders&recommendingState=Norway',
  'q=death+penalty&year=2010',
  'q=kinderen',
  `q=trafficking&termId=${theme}`,
  'q=optional+protocol&position=noted&page=2',
  'q=roma&sort=year',
  'q=%22hate+speech%22',
  'q=women&sort=symbol&page=2',
  'q=zzzunknownword',
  'state=Netherlands',
  'recommendingState=Canada&page=2',
  'position=noted&status=new',
  'year=2012&followUp=false',
  `termId=${theme}&state=Brazil`,
  'state=Nowhere',
];

const ask = (qs: string) =>
  RecommendationQuery.parse({ pageSize: '10', ...Object.fromEntries(new URLSearchParams(qs)) });

/** Every search answered by the index equals the SQL answer. */
async function expectSameAsSql() {
  for (const qs of searches()) {
    const f = ask(qs);
    const indexed = await searchRecommendations(db, f);
    const sql = await db.transaction((tx) => searchRecommendations(tx, f));
    expect({ qs, ...indexed }).toEqual({ qs, ...sql });
  }
}

describe.skipIf(skip)('searches answered by the facet index', () => {
  it('give the same total, facets and page as SQL on real rows', async () => {
    await expectSameAsSql();
    const index = facetIndexOf(db)!;
    expect(index.generation).toBeGreaterThan(0);
    // Not a vacuous comparison: the searches find things, and a filter narrows them.
    const all = await searchRecommendations(db, ask('q=discrimination'));
    const narrowed = await searchRecommendations(db, ask('q=discrimination&position=supported'));
    expect(all.total).toBeGreaterThan(narrowed.total);
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.facets.position).toEqual([{ value: 'supported', count: narrowed.total }]);
  });

  it('follow every kind of write: new rows, changed columns, tags, deletes', async () => {
    await searchRecommendations(db, ask('q=torture'));
    await store(4000, 6000, 'second.csv');
    await expectSameAsSql();

    const some = await db.query<{ id: string }>(
      "select id from recommendations where text ilike '%torture%' order by id limit 40",
    );
    const ids = some.rows.map((r) => r.id);
    await db.query(
      `update recommendations set state_under_review = 'Brazil', position = 'noted', year = 2012,
              recommending_states = array['Norway', 'Canada'], status = 'assigned'
        where id = any($1::uuid[])`,
      [ids.slice(0, 20)],
    );
    await db.query('delete from recommendation_terms where recommendation_id = any($1::uuid[])', [
      ids.slice(20, 30),
    ]);
    await db.query(
      'insert into recommendation_terms (recommendation_id, term_id) select id, $2 from unnest($1::uuid[]) id on conflict do nothing',
      [ids.slice(0, 10), theme],
    );
    await db.query('delete from recommendations where id = any($1::uuid[])', [ids.slice(30, 40)]);
    await expectSameAsSql();
    const brazil = await searchRecommendations(db, ask('q=torture&state=Brazil&year=2012'));
    expect(brazil.total).toBeGreaterThanOrEqual(20);
    // Every row changed, twice: the index's array of codes fills with replaced rows and is compacted.
    await db.query("update recommendations set status = 'in_progress' where status = 'new'");
    await expectSameAsSql();
    await db.query("update recommendations set status = 'new' where status = 'in_progress'");
    await expectSameAsSql();
  });

  it('reads everything again after a truncate', async () => {
    await db.transaction(async (tx) => {
      await tx.query('truncate recommendations cascade');
    });
    expect((await searchRecommendations(db, ask('q=torture'))).total).toBe(0);
    expect((await searchRecommendations(db, ask('state=Netherlands'))).total).toBe(0);
    await store(0, 3000, 'again.csv');
    await expectSameAsSql();
  });
});

describe.skipIf(skip || !process.env.TEST_DATABASE_URL)('the facet index on PostgreSQL', () => {
  it('sees a change committed after it read the log (by a transaction that was running then)', async () => {
    const target = (
      await db.query<{ id: string }>(
        "select id from recommendations where state_under_review <> 'Ecuador' order by id limit 1",
      )
    ).rows[0]!.id;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let changed!: () => void;
    const written = new Promise<void>((r) => (changed = r));
    // A transaction changes a recommendation and stays open while the index reads the log.
    const slow = db.transaction(async (tx) => {
      await tx.query("update recommendations set state_under_review = 'Ecuador' where id = $1", [target]);
      changed();
      await held;
    });
    await written;
    // Another transaction commits meanwhile, so the index reads the log while the first one runs.
    await db.query(
      'update recommendations set status = status where id = (select id from recommendations where id <> $1 limit 1)',
      [target],
    );
    const before = await searchRecommendations(db, ask('state=Ecuador'));
    release();
    await slow;
    const after = await searchRecommendations(db, ask('state=Ecuador'));
    expect(after.total).toBe(before.total + 1);
    await expectSameAsSql();
  });
});
