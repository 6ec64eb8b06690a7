import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import '../letters/generators/all.ts';

/**
 * The portal's treaty overview, calendar, instrument pages and documents, rendered on the server as an
 * anonymous visitor would get them: the seeded instruments and cycles, a phase with an internal note,
 * public and internal documents, and a published and an unpublished Woo document (hostile titles).
 */
let t: TestApp;
let admin: Session;
let coordinator: Session;
let cedawId: string;
let publishedId: string;
let unpublishedId: string;

const HOSTILE = '<script>alert("x")</script> & Zn';
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zn';
const NOTE = 'Interne notitie: bellen met de heer Geheim';

const get = (url: string, session: Session | null = null) => t.call(session, 'GET', url);

/** A memo in the workspace; published (reviewed, every finding redacted) when asked. */
async function memo(title: string, publish: boolean): Promise<string> {
  const created = await t.call(coordinator, 'POST', '/api/letters', {
    params: {
      kind: 'memo',
      fields: { to: ['Minister van BZK'], from: ['DG Openbaar Bestuur'], date: '2026-02-06' },
      purpose: 'decision',
      title,
      aanleiding: 'Vragen aan jan.devries@minbzk.nl over de rapportage.',
      kern: 'De brief geeft een overzicht van de rapportages.',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: string }).id;
  if (!publish) return id;
  const found = await t.call(coordinator, 'POST', `/api/letters/${id}/redactions/search`);
  expect(found.statusCode, found.body).toBe(200);
  const r = found.json() as { version: number; findings: { id: string }[] };
  const done = await t.call(coordinator, 'PATCH', `/api/letters/${id}/redactions`, {
    version: r.version,
    decisions: r.findings.map((f) => ({ id: f.id, decision: 'redact' })),
    reviewed: true,
  });
  expect(done.statusCode, done.body).toBe(200);
  const pub = await t.call(coordinator, 'POST', `/api/letters/${id}/publish`, {
    version: (done.json() as { version: number }).version,
  });
  expect(pub.statusCode, pub.body).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.as('admin');
  coordinator = await t.as('coordinator');
  const cedaw = await t.db.query<{ id: string; cycle_id: string }>(
    `select i.id, cy.id as cycle_id from instruments i join cycles cy on cy.instrument_id = i.id
      where i.code = 'CEDAW' order by cy.sequence desc limit 1`,
  );
  cedawId = cedaw.rows[0]!.id;
  const phase = await t.call(admin, 'POST', `/api/cycles/${cedaw.rows[0]!.cycle_id}/phases`, {
    kind: 'list_of_issues',
    date: '2027-03-15',
    symbol: 'CEDAW/C/NLD/QPR/8',
    note: NOTE,
  });
  expect(phase.statusCode, phase.body).toBe(201);
  for (const [title, isPublic] of [
    [`Openbaar rapport ${HOSTILE}`, true],
    ['Intern concept met geheime inhoud', false],
  ] as const) {
    const doc = await t.call(admin, 'POST', '/api/documents', {
      title,
      kind: 'state_report',
      symbol: isPublic ? 'CEDAW/C/NLD/8' : 'INTERN/1',
      date: '2026-01-10',
      instrumentId: cedawId,
      url: 'https://example.org/report.pdf',
      public: isPublic,
    });
    expect(doc.statusCode, doc.body).toBe(201);
  }
  publishedId = await memo(`Kabinetsnota ${HOSTILE}`, true);
  unpublishedId = await memo('Niet gepubliceerde nota over de kern', false);
}, 120_000);
afterAll(() => t?.close());

describe('the treaty overview', () => {
  it('lists each instrument with its body, ministry, cycle and due date, linked to its page', async () => {
    const res = await get('/openbaar/verdragen');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="nl"');
    expect(res.body).toMatch(/<h1 class="utrecht-heading-1">Verdragen<\/h1>/);
    expect(res.body).toContain('href="/openbaar/verdragen/CEDAW"');
    expect(res.body).toContain('Comité voor de uitbanning van discriminatie van vrouwen');
    expect(res.body).toMatch(/<caption[^>]*>\s*Verdragen met toezichthouder/);
    expect(res.body).toContain('<th class="utrecht-table__header-cell" scope="col">Toezichthouder</th>');
    expect(res.body).toContain('scope="row"');
    expect(res.body).toMatch(/<time datetime="\d{4}(-\d{2}){0,2}">/);
    expect(res.body).not.toContain(NOTE);
  });

  it('in English under /public/treaties', async () => {
    const res = await get('/public/treaties');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('href="/public/treaties/CEDAW"');
    expect(res.body).toContain('Committee on the Elimination of Discrimination against Women');
    expect(res.body).toMatch(/hreflang="nl" href="[^"]*\/openbaar\/verdragen"/);
  });
});

describe('an instrument', () => {
  it('shows its cycles with phases, dates, symbols and derived status, without internal notes', async () => {
    const res = await get('/openbaar/verdragen/CEDAW');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('CEDAW/C/NLD/QPR/8');
    expect(res.body).toContain('<time datetime="2027-03-15">15 maart 2027</time>');
    expect(res.body).toContain('Lijst van vragen');
    expect(res.body).toContain('Rapportagecycli');
    expect(res.body).toContain('Huidige fase');
    expect(res.body).not.toContain(NOTE);
    expect(res.body).not.toContain('Geheim');
    expect(res.body).toContain(`href="/openbaar/aanbevelingen?instrumentId=${cedawId}"`);
    // Its public documents only, with hostile titles escaped.
    expect(res.body).toContain(`Openbaar rapport ${ESCAPED}`);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('Intern concept');
    expect(res.body).not.toContain('INTERN/1');
    // Headings in order: one h1, then h2 and h3.
    expect(res.body.match(/<h1/g)).toHaveLength(1);
    expect(res.body.indexOf('<h3')).toBeGreaterThan(res.body.indexOf('<h2'));
  });

  it('in English, found in any case, and a 404 page for an unknown code', async () => {
    const en = await get('/public/treaties/cedaw');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('List of issues');
    expect(en.body).toContain('<time datetime="2027-03-15">15 March 2027</time>');
    expect(en.body).toContain(`href="/public/recommendations?instrumentId=${cedawId}"`);
    for (const [url, text] of [
      ['/openbaar/verdragen/BESTAATNIET', 'Pagina niet gevonden'],
      ['/public/treaties/NOPE', 'Page not found'],
      [`/openbaar/verdragen/${'X'.repeat(300)}`, 'Pagina niet gevonden'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain(text);
    }
  });
});

describe('the calendar', () => {
  it('lists what is due with its period filter, without notes or user names', async () => {
    const res = await get('/openbaar/kalender?within=1825&overdue=include');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h1 class="utrecht-heading-1">Kalender<\/h1>/);
    expect(res.body).toContain('<form method="get" action="/openbaar/kalender"');
    expect(res.body).toContain('<option value="1825" selected>5 jaar</option>');
    expect(res.body).toMatch(/<caption[^>]*>\s*\d+ termijn/);
    expect(res.body).toContain('href="/openbaar/verdragen/');
    expect(res.body).not.toContain(NOTE);
    expect(res.body).not.toContain('admin BZK');
    const en = await get('/public/calendar');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<option value="365" selected>12 months</option>');
  });

  it('answers a bad filter with a 400 page that says what to fix', async () => {
    for (const [url, text] of [
      ['/openbaar/kalender?within=abc', 'Kies een periode uit de lijst'],
      ['/openbaar/kalender?overdue=%3Cscript%3E', 'Kies bij verstreken termijnen'],
      ['/public/calendar?within=99999', 'Choose a period from the list'],
      ['/openbaar/kalender?within=90&within=180', 'Kies een periode uit de lijst'],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain(text);
      expect(res.body).not.toContain('<script>');
    }
  });
});

describe('the documents', () => {
  it('lists the published Woo versions and the public documents, never the unpublished or internal', async () => {
    const res = await get('/openbaar/documenten');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/openbaar/documenten/${publishedId}"`);
    expect(res.body).toContain(`Kabinetsnota ${ESCAPED}`);
    expect(res.body).not.toContain(unpublishedId);
    expect(res.body).not.toContain('Niet gepubliceerde nota');
    expect(res.body).toContain(`Openbaar rapport ${ESCAPED}`);
    expect(res.body).not.toContain('Intern concept');
    expect(res.body).not.toContain('<script>alert');
    // A signed-in visitor sees the same public page, not the internal documents.
    const signedIn = await get('/openbaar/documenten', admin);
    expect(signedIn.body).not.toContain('Intern concept');
    const en = await get('/public/documents');
    expect(en.body).toContain(`href="/public/documents/${publishedId}"`);
    expect(en.body).toContain('Documents published by the government');
  });

  it('shows a published document as HTML with its downloads, the redacted data gone', async () => {
    const res = await get(`/openbaar/documenten/${publishedId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<h1 class="utrecht-heading-1"\s*>Kabinetsnota /);
    expect(res.body).toContain(`Kabinetsnota ${ESCAPED}</h1>`);
    expect(res.body).toContain(`href="/api/public/letters/${publishedId}/file.docx"`);
    expect(res.body).toContain(`href="/api/public/letters/${publishedId}/file.pdf"`);
    expect(res.body).toContain(
      '<p class="utrecht-paragraph">De brief geeft een overzicht van de rapportages.</p>',
    );
    expect(res.body).not.toContain('jan.devries@minbzk.nl');
    expect(res.body).toContain('[5.1.2e]');
    const en = await get(`/public/documents/${publishedId}`);
    expect(en.body).toContain('Public version as PDF');
    // A Dutch document on an English page: its title and text say their language (WCAG 3.1.2).
    expect(en.body).toMatch(/<h1 class="utrecht-heading-1" lang="nl">Kabinetsnota/);
    expect(en.body).toMatch(
      /<section aria-labelledby="tekst" lang="nl">\s*<h2 class="utrecht-heading-2" id="tekst" lang="en">/,
    );
    expect(res.body).not.toContain('lang="nl">Kabinetsnota');
  });

  it('gives the 404 page for an unpublished, unknown or malformed id, and 400 for a bad page', async () => {
    for (const url of [
      `/openbaar/documenten/${unpublishedId}`,
      '/openbaar/documenten/00000000-0000-4000-8000-000000000000',
      '/public/documents/not-an-id',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Niet gepubliceerde nota');
    }
    const bad = await get('/openbaar/documenten?page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('geef een paginanummer');
  });
});
