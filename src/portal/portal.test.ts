import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';

/**
 * The public portal's recommendation pages, open data page, robots.txt and sitemap, read as a visitor
 * without an account: only published recommendations appear anywhere, values are escaped, a bad query
 * is a 400 page that says what to fix, pages are cacheable (ETag, 304) and in Dutch and English.
 */
let t: TestApp;
const s: Record<string, Session> = {};
const id: Record<string, string> = {};

const TEXT = {
  published: 'Strengthen measures to combat discrimination against migrants in the labour market',
  hostile: 'Ensure <script>alert("x")</script> & protect journalists',
  hidden: 'Ratify the optional protocol on a secret procedure zebrafinch',
  explanation: 'Het kabinet steunt de aanbeveling en versterkt de arbeidsinspectie.',
  progress: 'De Arbeidsinspectie heeft in 2025 extra controles op discriminatie gedaan.',
  draft: 'Concept: nog niet goedgekeurd door het ministerie.',
  action: 'Programma tegen arbeidsmarktdiscriminatie',
};

async function json<T>(who: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const res = await t.call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
/** The page with the whitespace of its markup's layout taken out. */
const flat = (body: string) => body.replace(/\s+/g, ' ').replace(/>\s+/g, '>').replace(/\s+</g, '<');

async function insert(key: string, text: string, extra: { cycle?: string; theme?: string } = {}) {
  const r = await t.db.query<{ id: string }>(
    `insert into recommendations (mechanism, body_code, state_under_review, symbol, paragraph, text, fingerprint,
                                  recommending_states, position, year, cycle_id, instrument_id, lead_organisation_id)
     values ('upr', 'UPR', 'Netherlands', 'A/HRC/52/15', $1, $2, $3, '{Germany,Brazil}', 'supported', 2022,
             $4, (select id from instruments where code = 'UPR'), $5) returning id`,
    [`131.${Object.keys(id).length}`, text, `portal-${key}`, extra.cycle ?? null, id.SZW],
  );
  id[key] = r.rows[0]!.id;
  if (extra.theme)
    await t.db.query('insert into recommendation_terms (recommendation_id, term_id) values ($1, $2)', [
      id[key],
      extra.theme,
    ]);
}

async function approvedProgress(path: string, text: string, approve = true) {
  const u = await json<{ id: string; version: number }>(s.contributor!, 'POST', `/api/${path}/progress`, {
    status: 'in_progress',
    text,
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
  });
  if (approve)
    await json(s.coordinator!, 'POST', `/api/progress-updates/${u.id}/approve`, { version: u.version });
}

beforeAll(async () => {
  t = await testApp();
  const orgs = await t.db.query<{ code: string; id: string }>(
    "select code, id from organisations where code = 'SZW'",
  );
  id.SZW = orgs.rows[0]!.id;
  const cycle = await t.db.query<{ id: string }>(
    "select c.id from cycles c join instruments i on i.id = c.instrument_id where i.code = 'UPR' order by c.sequence limit 1",
  );
  const theme = await t.db.query<{ id: string }>(
    "select id from taxonomy_terms where scheme = 'uhri_theme' and label_nl is not null order by code limit 1",
  );
  id.theme = theme.rows[0]!.id;
  await insert('published', TEXT.published, { cycle: cycle.rows[0]?.id, theme: id.theme });
  await insert('hostile', TEXT.hostile);
  await insert('hidden', TEXT.hidden);
  s.coordinator = await t.as('coordinator', 'SZW');
  s.contributor = await t.as('contributor', 'SZW');
  await json(s.coordinator, 'PATCH', `/api/recommendations/${id.published}/position`, {
    position: 'supported',
    appreciation: null,
    explanation: TEXT.explanation,
    version: null,
  });
  await approvedProgress(`recommendations/${id.published}`, TEXT.progress);
  await approvedProgress(`recommendations/${id.published}`, TEXT.draft, false);
  const action = await json<{ id: string }>(s.coordinator, 'POST', '/api/actions', {
    title: TEXT.action,
    ownerOrganisationId: id.SZW,
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    recommendationIds: [id.published],
  });
  await approvedProgress(`actions/${action.id}`, 'Eerste fase afgerond.');
  for (const key of ['published', 'hostile'])
    await json(s.coordinator, 'POST', `/api/recommendations/${id[key]}/followup/publish`);
});
afterAll(() => t?.close());

describe('a published recommendation', () => {
  it('is a page in Dutch with its text, origin, position, lead, actions and approved progress only', async () => {
    const res = await get(`/openbaar/aanbevelingen/${id.published}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const page = flat(res.body);
    expect(page).toContain('<html lang="nl"');
    expect(page).toContain(`lang="en"><p class="utrecht-paragraph">${TEXT.published}</p>`);
    expect(page).toMatch(/<h1 class="utrecht-heading-1">Aanbeveling A\/HRC\/52\/15 par. 131\.\d<\/h1>/);
    expect(page).toContain('Duitsland, Brazilië');
    expect(page).toContain('Nederland');
    expect(page).toContain('aanvaard');
    expect(page).toContain(TEXT.explanation);
    expect(page).toContain(TEXT.progress);
    expect(page).toContain('Sociale Zaken');
    expect(page).toContain(TEXT.action);
    expect(page).toContain('1 januari 2025 – 31 december 2026');
    expect(page).toContain('UPR 1e cyclus');
    expect(page).toContain('href="/openbaar/verdragen/UPR"');
    expect(page).toContain(`href="/api/open-data/recommendations/${id.published}"`);
    expect(page).toMatch(
      /<meta name="description" content="Strengthen measures[^"]*Standpunt van de regering: aanvaard\./,
    );
    expect(page).toContain(
      `rel="canonical" href="http://localhost:80/openbaar/aanbevelingen/${id.published}"`,
    );
    // Never a draft, nor who wrote or approved anything.
    expect(page).not.toContain(TEXT.draft);
    expect(page).not.toMatch(/coordinator SZW|contributor SZW/);
    expect(page).not.toContain('<script');
  });

  it('is a page in English at /public with English names', async () => {
    const res = await get(`/public/recommendations/${id.published}`);
    expect(res.statusCode).toBe(200);
    const page = flat(res.body);
    expect(page).toContain('<html lang="en"');
    expect(page).toContain('Government position');
    expect(page).toContain('supported');
    expect(page).toContain('Germany, Brazil');
    expect(page).toContain('href="/public/treaties/UPR"');
    expect(page).toContain(`hreflang="nl" href="http://localhost:80/openbaar/aanbevelingen/${id.published}"`);
  });

  it('shows a hostile text as text', async () => {
    const page = (await get(`/openbaar/aanbevelingen/${id.hostile}`)).body;
    expect(page).toContain(
      'Ensure &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; protect journalists',
    );
    expect(page).not.toContain('<script');
  });

  it('gives a 404 page for an unpublished, unknown or malformed id, in the language of the address', async () => {
    for (const url of [
      `/openbaar/aanbevelingen/${id.hidden}`,
      '/openbaar/aanbevelingen/00000000-0000-4000-8000-000000000000',
      '/openbaar/aanbevelingen/niet-een-id',
      '/openbaar/bestaat-niet',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Pagina niet gevonden');
      expect(res.body).not.toContain(TEXT.hidden);
    }
    const en = await get(`/public/recommendations/${id.hidden}`);
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Page not found');
  });
});

describe('the search of published recommendations', () => {
  it('finds published ones by word and filter, with facet counts and the count as a heading', async () => {
    const res = await get('/openbaar/aanbevelingen?q=discrimination&mechanism=upr');
    expect(res.statusCode).toBe(200);
    const page = flat(res.body);
    expect(page).toContain('1 aanbeveling gevonden');
    expect(page).toContain(`href="/openbaar/aanbevelingen/${id.published}"`);
    expect(page).toMatch(/<option value="upr" selected>Universal Periodic Review \(UPR\) \(1\)<\/option>/);
    expect(page).toContain('value="discrimination"');
    const theme = await get(`/openbaar/aanbevelingen?termId=${id.theme}`);
    expect(flat(theme.body)).toContain('1 aanbeveling gevonden');
  });

  it('lists no unpublished recommendation, with or without a query', async () => {
    for (const url of [
      '/openbaar/aanbevelingen',
      '/openbaar/aanbevelingen?q=zebrafinch',
      '/public/recommendations',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).not.toContain(id.hidden);
      expect(res.body).not.toContain('zebrafinch</a>');
    }
    const all = flat((await get('/public/recommendations')).body);
    expect(all).toContain('2 recommendations found');
    expect(flat((await get('/openbaar/aanbevelingen?q=zebrafinch')).body)).toContain(
      '0 aanbevelingen gevonden',
    );
  });

  it('answers a bad query with a 400 page that says what to fix, never a 500', async () => {
    const cases: [string, string][] = [
      ['/openbaar/aanbevelingen?page=0', 'Pagina: geef een paginanummer van 1 of hoger.'],
      ['/openbaar/aanbevelingen?mechanism=bogus', 'Mechanisme: kies een waarde uit de lijst'],
      ['/openbaar/aanbevelingen?cycleId=x', 'Rapportagecyclus: kies een waarde uit de lijst'],
      ['/openbaar/aanbevelingen?q=%01', 'Zoekwoorden: gebruik hoogstens 500 tekens'],
      ['/openbaar/aanbevelingen?q=a&q=b', 'Zoekwoorden:'],
      ['/public/recommendations?page=abc', 'Page: give a page number of 1 or more.'],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body, url).toContain(message);
    }
    // An empty value is "all", not an error.
    expect((await get('/openbaar/aanbevelingen?q=&mechanism=&page=')).statusCode).toBe(200);
  });
});

describe('caching, other pages and search engines', () => {
  it('gives anonymous portal pages an ETag and answers 304; signed-in callers a private answer', async () => {
    const url = `/openbaar/aanbevelingen/${id.published}`;
    const first = await get(url);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers.etag).toMatch(/^"/);
    expect(String(first.headers.vary)).toMatch(/Cookie/);
    const again = await get(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const signedIn = await get(url, { cookie: s.coordinator!.cookie });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
  });

  it('serves the home and open data pages, and the hashed stylesheet for a year', async () => {
    const home = await get('/openbaar');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('action="/openbaar/aanbevelingen"');
    const css = home.body.match(/href="(\/openbaar\/assets\/portaal\.[\w-]+\.css)"/)?.[1];
    expect(css).toBeTruthy();
    const sheet = await get(css!);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('text/css');
    expect(sheet.headers['cache-control']).toContain('immutable');
    expect(sheet.body).toContain('.utrecht-theme');
    expect((await get('/openbaar/assets/portaal.old.css')).statusCode).toBe(404);
    const data = flat((await get('/public/open-data')).body);
    for (const href of [
      'recommendations.csv',
      'recommendations.xlsx',
      'treaties.json',
      'dictionary.json',
      'catalog.jsonld',
      'feed.atom',
    ])
      expect(data).toContain(`href="/api/open-data/${href}"`);
  });

  it('lists only published recommendations in the sitemap, and robots.txt allows the portal', async () => {
    const map = await get('/sitemap.xml');
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-type']).toContain('application/xml');
    expect(map.body).toContain(`<loc>http://localhost:80/openbaar/aanbevelingen/${id.published}</loc>`);
    expect(map.body).toContain(`<loc>http://localhost:80/public/recommendations/${id.hostile}</loc>`);
    expect(map.body).toContain('<loc>http://localhost:80/public/open-data</loc>');
    expect(map.body).not.toContain(id.hidden);
    const robots = (await get('/robots.txt')).body;
    expect(robots).toContain('Allow: /openbaar');
    expect(robots).toContain('Allow: /api/open-data');
    expect(robots).toContain('Disallow: /api/');
    expect(robots).toContain('Sitemap: http://localhost:80/sitemap.xml');
  });

  it('keeps portal pages out of the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/'))).toEqual([]);
  });
});
