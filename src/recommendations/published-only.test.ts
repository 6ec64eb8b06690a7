import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { publicCacheOf } from '../server/public-cache.ts';
import type { RecommendationPage } from './schema.ts';
import { cachesOf } from './search-cache.ts';
import { searchRecommendations } from './service.ts';
import { uploadUprInfo } from './test-upload.ts';

/**
 * Visitors who are not signed in see published recommendations only (issue 13): the search with its
 * total and every facet count, the detail and the exports. A publication or a withdrawal shows at
 * once, through the search cache and the public answers' cache too; signed-in users see them all.
 */
let t: TestApp;
let observer: Session;
let coordinator: Session;
const id: Record<string, string> = {};

const TEXT = {
  children: 'Ensure that all children in the Caribbean part of the Kingdom have access to education.',
  violence: 'Step up efforts to combat domestic violence against women.',
  trafficking: 'Combat trafficking in persons, in particular of women and children.',
  torture: 'Ratify the Optional Protocol to the Convention against Torture.',
  belgium: 'Strengthen measures against violence against women in Belgium.',
};

beforeAll(async () => {
  t = await testApp();
  observer = await t.as('observer');
  coordinator = await t.as('coordinator');
  await uploadUprInfo(t, 'published.csv', [
    `1,Netherlands,WEOG,EU,"${TEXT.children}",Portugal,WEOG,EU,Accepted,4,"Rights of the Child",14`,
    `2,Netherlands,WEOG,EU,"${TEXT.violence}",Spain,WEOG,EU,Accepted,4,"Women's rights",14`,
    `3,Netherlands,WEOG,EU,"${TEXT.trafficking}",Chile,GRULAC,,Accepted,4,"Trafficking",14`,
    `4,Netherlands,WEOG,EU,"${TEXT.torture}",Brazil,GRULAC,,Noted,5,"Torture and other CID treatment",14`,
    `5,Belgium,WEOG,EU,"${TEXT.belgium}",Spain,WEOG,EU,Accepted,4,"Women's rights",14`,
  ]);
  const rows = await t.db.query<{ id: string; text: string }>('select id, text from recommendations');
  for (const [key, text] of Object.entries(TEXT)) id[key] = rows.rows.find((r) => r.text === text)!.id;
  for (const key of ['violence', 'belgium']) expect((await change(key, 'publish')).statusCode).toBe(200);
});
afterAll(() => t?.close());

const change = (key: string, verb: 'publish' | 'withdraw') =>
  t.call(coordinator, 'POST', `/api/recommendations/${id[key]}/followup/${verb}`, {});
const search = async (session: Session | null, query = '') => {
  const res = await t.call(session, 'GET', `/api/recommendations${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RecommendationPage;
};
const texts = (page: RecommendationPage) => page.items.map((r) => r.text).sort();
const count = (page: RecommendationPage, facet: string, value: string) =>
  page.facets[facet]?.find((v) => v.value === value)?.count;

describe('a visitor who is not signed in', () => {
  it('finds published recommendations only, and the facets count only them', async () => {
    const all = await search(null);
    expect(texts(all)).toEqual([TEXT.belgium, TEXT.violence].sort());
    expect(all.total).toBe(2);
    expect(count(all, 'state', 'Netherlands')).toBe(1);
    expect(count(all, 'state', 'Belgium')).toBe(1);
    expect(count(all, 'recommendingState', 'Spain')).toBe(2);
    expect(count(all, 'recommendingState', 'Brazil')).toBeUndefined();
    expect(count(all, 'position', 'noted')).toBeUndefined();
    expect(count(all, 'mechanism', 'upr')).toBe(2);
    // A text query, facet filters alone, both (what the facet index answers when signed in), a symbol sort.
    for (const [query, expected] of [
      ['?q=women', [TEXT.belgium, TEXT.violence]],
      ['?q=vrouwen', [TEXT.belgium, TEXT.violence]],
      ['?q=children', []],
      ['?state=Netherlands', [TEXT.violence]],
      ['?q=women&state=Netherlands', [TEXT.violence]],
      ['?recommendingState=Brazil', []],
      ['?position=supported&sort=symbol', [TEXT.belgium, TEXT.violence]],
    ] as const) {
      const found = await search(null, query);
      expect(texts(found), query).toEqual([...expected].sort());
      expect(found.total, query).toBe(expected.length);
      const states = (found.facets.state ?? []).reduce((n, v) => n + v.count, 0);
      expect(states, query).toBe(expected.length);
    }
  });

  it('does not find an unpublished recommendation by its id: the answer of an unknown id', async () => {
    const unpublished = await t.call(null, 'GET', `/api/recommendations/${id.children}`);
    const unknown = await t.call(null, 'GET', '/api/recommendations/00000000-0000-4000-8000-000000000000');
    expect(unpublished.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(unpublished.json().code).toBe(unknown.json().code);
    expect(unpublished.body).not.toContain(TEXT.children);
    const published = await t.call(null, 'GET', `/api/recommendations/${id.violence}`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ text: TEXT.violence, published: true });
  });

  it('exports published recommendations only, as CSV, JSON and Excel', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const csv = await get('/api/recommendations/export.csv?columns=text&lang=en');
    expect(csv.statusCode).toBe(200);
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .sort(),
    ).toEqual([TEXT.belgium, TEXT.violence].sort());
    const json = (await get('/api/recommendations/export.json?columns=text&q=women')).json();
    expect(json.map((r: { text: string }) => r.text).sort()).toEqual([TEXT.belgium, TEXT.violence].sort());
    const xlsx = await get('/api/recommendations/export.xlsx?columns=text&state=Netherlands');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe(TEXT.violence);
  });
});

describe('a signed-in user', () => {
  it('finds, exports and opens every recommendation, published or not', async () => {
    const all = await search(observer);
    expect(all.total).toBe(5);
    expect(count(all, 'state', 'Netherlands')).toBe(4);
    expect((await search(observer, '?q=children')).total).toBe(2);
    expect((await search(observer, '?state=Netherlands&q=women')).total).toBe(2);
    expect((await t.call(observer, 'GET', `/api/recommendations/${id.children}`)).statusCode).toBe(200);
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/recommendations/export.csv?columns=text',
      headers: { cookie: observer.cookie },
    });
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(6);
  });
});

describe('a publication or a withdrawal', () => {
  it('shows at once, through the public answers and the search results kept', async () => {
    const cache = publicCacheOf(t.app)!;
    const url = '/api/recommendations?q=women';
    const first = await t.app.inject({ method: 'GET', url });
    const hits = cache.hits;
    expect((await t.app.inject({ method: 'GET', url })).body).toBe(first.body);
    expect(cache.hits).toBe(hits + 1);

    expect((await change('violence', 'withdraw')).statusCode).toBe(200);
    const after = await search(null, '?q=women');
    expect(texts(after)).toEqual([TEXT.belgium]);
    expect(count(after, 'state', 'Netherlands')).toBeUndefined();
    expect((await t.call(null, 'GET', `/api/recommendations/${id.violence}`)).statusCode).toBe(404);
    const json = await t.app.inject({ method: 'GET', url: '/api/recommendations/export.json?columns=text' });
    expect(json.json()).toEqual([{ text: TEXT.belgium }]);
    // Signed in it is still found.
    expect((await search(observer, '?q=women')).total).toBe(3);

    expect((await change('children', 'publish')).statusCode).toBe(200);
    expect(texts(await search(null))).toEqual([TEXT.belgium, TEXT.children].sort());
  });

  it('shows at once in the search itself, whose results are kept between searches', async () => {
    const { counts } = cachesOf(t.db);
    const query = { page: 1, pageSize: 20, state: 'Netherlands' };
    const before = await searchRecommendations(t.db, query, { publishedOnly: true });
    const hits = counts.hits;
    expect(await searchRecommendations(t.db, query, { publishedOnly: true })).toEqual(before);
    if (counts.enabled) expect(counts.hits).toBe(hits + 1);
    expect((await change('torture', 'publish')).statusCode).toBe(200);
    const after = await searchRecommendations(t.db, query, { publishedOnly: true });
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((r) => r.id)).toContain(id.torture);
    expect(count(after, 'position', 'noted')).toBe(1);
    // Without the option (signed-in callers, the server-rendered pages of the staff) every one.
    expect((await searchRecommendations(t.db, query)).total).toBe(4);
    expect((await change('torture', 'withdraw')).statusCode).toBe(200);
    expect((await searchRecommendations(t.db, query, { publishedOnly: true })).total).toBe(before.total);
  });
});
