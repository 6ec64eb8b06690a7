import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { uploadUprInfo } from './test-upload.ts';
import { facetCacheFigures } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await uploadUprInfo(t, 'cache.csv', [
    '1,Netherlands,WEOG,EU,"Combat racial discrimination in the labour market.",Canada,WEOG,,Accepted,4,"Racial discrimination",1',
    '2,Netherlands,WEOG,EU,"Ratify the Convention on Migrant Workers.",Algeria,Africa,AU,Noted,5,"Ratification drive",1',
    '3,Belgium,WEOG,EU,"Combat discrimination of migrants in housing.",Mexico,GRULAC,,Accepted,3,"Migrants",2',
  ]);
});
afterAll(() => t?.close());

// Signed in: an anonymous search may be answered from the public answers' cache
// (src/server/public-cache.ts) before it reaches the search cache these tests are about.
const search = async (query: string) =>
  (await t.call(await t.as('observer'), 'GET', `/api/recommendations?${query}`)).json();
const positions = (body: { facets: { position: { value: string; count: number }[] } }) =>
  Object.fromEntries(body.facets.position.map((p) => [p.value, p.count]));

describe('search results kept between searches', () => {
  it('reuses the counts of a search while nothing changes, and recounts after a committed change', async () => {
    const before = facetCacheFigures(t.db);
    const first = await search('q=discrimination');
    expect(first.total).toBe(2);
    expect(positions(first)).toEqual({ supported: 2 });
    const again = await search('q=discrimination&page=2');
    expect(again.facets).toEqual(first.facets);
    expect(facetCacheFigures(t.db).hits).toBe(before.hits + 1);

    // A write outside the application's own code (here plain SQL) moves the counter at commit too.
    await t.db.query(`update recommendations set position = 'noted' where text like 'Combat racial%'`);
    const after = await search('q=discrimination');
    expect(positions(after)).toEqual({ supported: 1, noted: 1 });
    // The page itself is recomputed too, not only its counts.
    expect(after.items.map((i: { position: string }) => i.position).sort()).toEqual(['noted', 'supported']);
  });

  it('is not moved by a transaction that rolls back', async () => {
    await search('state=Belgium');
    const hits = facetCacheFigures(t.db).hits;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`update recommendations set position = 'noted' where state_under_review = 'Belgium'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const body = await search('state=Belgium');
    expect(positions(body)).toEqual({ supported: 1 });
    expect(facetCacheFigures(t.db).hits).toBe(hits + 1);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'never keeps counts of data older than the counter (a search while a write commits)',
    async () => {
      await search('state=Netherlands');
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const write = t.db.transaction(async (tx) => {
        await tx.query(
          `update recommendations set position = 'supported' where state_under_review = 'Netherlands'`,
        );
        await held;
      });
      // While the write is open, searches see the data and the counter as they were.
      const during = await search('state=Netherlands');
      expect(positions(during)).toEqual({ noted: 2 });
      release();
      await write;
      expect(positions(await search('state=Netherlands'))).toEqual({ supported: 2 });
    },
  );
});
