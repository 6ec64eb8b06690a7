import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicCacheOf } from '../server/public-cache.ts';
import { at, fixture, goodFields, hour, pdfFile, type Fixture } from '../consultations/test-fixtures.ts';

/**
 * The portal's consultation pages: an open round with one published submission (with an attachment) and
 * one that is not published, a planned and a closed round. Only the published input is shown, never
 * contact details or who moderated, and hostile strings are escaped.
 */
let f: Fixture;
let openId: string;
let closedId: string;
let plannedId: string;
let attachmentId: string;

const HOSTILE_ORG = '<img src=x onerror=alert(1)> Stichting & Co';
const ESCAPED_ORG = '&lt;img src=x onerror=alert(1)&gt; Stichting &amp; Co';
const SECRET_ORG = 'Verborgen Collectief';

beforeAll(async () => {
  f = await fixture();
  const open = await f.createConsultation(at(-hour), at(24 * hour));
  openId = open.id;
  const token = await f.formToken(openId);
  const yes = await f.submit(
    openId,
    goodFields(token, { organisationName: HOSTILE_ORG, body: 'Eerste alinea.\nTweede <b>alinea</b>.' }),
    [{ name: 'inbreng.pdf', content: pdfFile() }],
  );
  expect(yes.statusCode, yes.body).toBe(201);
  const no = await f.submit(
    openId,
    goodFields(token, { organisationName: SECRET_ORG, body: 'Niet voor publicatie bestemd.' }),
  );
  expect(no.statusCode, no.body).toBe(201);
  const yesId = (yes.json() as { id: string }).id;
  const published = await f.t.call(f.bzk, 'PATCH', `/api/consultation-submissions/${yesId}`, {
    version: 1,
    status: 'accepted',
    published: true,
    usageNote: 'Verwerkt in paragraaf 4.',
  });
  expect(published.statusCode, published.body).toBe(200);
  const files = await f.t.db.query<{ id: string }>(
    'select id from consultation_attachments where submission_id = $1',
    [yesId],
  );
  attachmentId = files.rows[0]!.id;
  closedId = (await f.createConsultation(at(-48 * hour), at(-24 * hour))).id;
  plannedId = (await f.createConsultation(at(24 * hour), at(48 * hour))).id;
}, 120_000);
afterAll(() => f?.t.close());

const get = (url: string) => f.t.call(null, 'GET', url);

describe('the consultations list', () => {
  it('groups the rounds as open, planned and closed, each linked to its page', async () => {
    const res = await get('/openbaar/consultaties');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h1 class="utrecht-heading-1">Consultaties<\/h1>/);
    const heading = (h: string) => res.body.indexOf(`>${h}</h2>`);
    const openAt = heading('Lopende consultaties');
    const plannedAt = heading('Geplande consultaties');
    const closedAt = heading('Afgesloten consultaties');
    expect(openAt).toBeGreaterThan(0);
    expect(plannedAt).toBeGreaterThan(openAt);
    expect(closedAt).toBeGreaterThan(plannedAt);
    const link = (id: string) => res.body.indexOf(`href="/openbaar/consultaties/${id}"`);
    expect(link(openId)).toBeGreaterThan(openAt);
    expect(link(openId)).toBeLessThan(plannedAt);
    expect(link(plannedId)).toBeGreaterThan(plannedAt);
    expect(link(plannedId)).toBeLessThan(closedAt);
    expect(link(closedId)).toBeGreaterThan(closedAt);
    expect(res.body).toContain('Consultatie zevende rapportage');
    expect(res.body).toMatch(/<time datetime="[^"]+Z">/);
    expect(res.body).not.toContain(SECRET_ORG);
    const en = await get('/public/consultations');
    expect(en.body).toContain('Consultation on the seventh report');
    expect(en.body).toContain(`href="/public/consultations/${openId}"`);
  });
});

describe('a consultation', () => {
  it('shows only the published input, escaped, with its attachment and the form link while open', async () => {
    const res = await get(`/openbaar/consultaties/${openId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h3 class="utrecht-heading-3" id="inbreng-1">${ESCAPED_ORG}</h3>`);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('<p class="utrecht-paragraph">Tweede &lt;b&gt;alinea&lt;/b&gt;.</p>');
    expect(res.body).toContain('Verwerkt in paragraaf 4.');
    expect(res.body).toContain(`href="/api/consultation-attachments/${attachmentId}"`);
    expect(res.body).toContain('inbreng.pdf');
    expect(res.body).toContain(`href="/consultations/${openId}"`);
    for (const hidden of [
      SECRET_ORG,
      'Niet voor publicatie',
      'jan@example.org',
      'Jan Jansen',
      'coordinator BZK',
    ])
      expect(res.body, hidden).not.toContain(hidden);
    // The attachment linked is public.
    expect((await get(`/api/consultation-attachments/${attachmentId}`)).statusCode).toBe(200);
    const en = await get(`/public/consultations/${openId}`);
    expect(en.body).toContain('Give your input through the response form');
    expect(en.body).toContain('<html lang="en"');
  });

  it('has no form link once closed or before it opens', async () => {
    const closed = await get(`/openbaar/consultaties/${closedId}`);
    expect(closed.statusCode).toBe(200);
    expect(closed.body).toContain('Deze consultatie is gesloten');
    expect(closed.body).not.toContain(`href="/consultations/${closedId}"`);
    expect(closed.body).toContain('Er is (nog) geen inbreng gepubliceerd.');
    const planned = await get(`/public/consultations/${plannedId}`);
    expect(planned.body).toContain('The response form opens when the consultation opens.');
  });

  it('gives the 404 page for an unknown or malformed id', async () => {
    for (const url of [
      '/openbaar/consultaties/00000000-0000-4000-8000-000000000000',
      '/public/consultations/1%20or%201=1',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    }
  });

  it('is never kept by the server cache: it opens and closes by the minute', async () => {
    const cache = publicCacheOf(f.t.app)!;
    const before = cache.size;
    for (const url of [`/openbaar/consultaties/${openId}`, '/public/consultations']) {
      const res = await get(url);
      expect(res.headers['cache-control']).toBe('public, no-cache');
    }
    expect(cache.size).toBe(before);
    // While the treaty overview, which changes only with the data, is kept.
    await get('/openbaar/verdragen');
    expect(cache.size).toBe(before + 1);
  });
});
