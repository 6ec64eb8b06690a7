import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { publishMany } from '../followup/publish.ts';
import type { RedactionReview } from '../woo/publication-schema.ts';
import type { WorkspaceDocument } from '../letters/workspace-schema.ts';
import { parseCsv } from '../recommendations/csv.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { DATASET_NAMES, type DatasetName } from './datasets.ts';
import { LICENCE } from './dcat.ts';
import type { Dictionary, OpenRow } from './schema.ts';
import '../letters/generators/all.ts';

/**
 * The open data holds exactly what is published: two recommendations whose follow-up a coordinator
 * published (through publish.ts), not a third with a recorded position and a draft; the published
 * document, not an internal one; never a draft update, a user's name or e-mail address. The data
 * dictionary covers every column each download has; the DCAT-AP catalogue's download URLs answer; the
 * Atom feed is XML with the published entries.
 */
let t: TestApp;
const s: Record<string, Session> = {};
const id: Record<string, string> = {};
const BASE = 'http://opendata.test';

const TEXT = {
  a: 'Ensure that the Youth Act guarantees the right of every child to be heard.',
  aNl: 'Zorg dat de Jeugdwet het recht van elk kind om gehoord te worden waarborgt.',
  b: 'Ratify the Optional Protocol on a communications procedure.',
  c: 'Unpublished: strengthen the independent complaints procedure for detained children.',
  explanation: 'Het kabinet steunt de aanbeveling en wijzigt de Jeugdwet.',
  cExplanation: 'Intern: nog niet afgestemd met Financiën.',
  approved: 'Het wetsvoorstel ligt bij de Tweede Kamer.',
  draft: 'Concept: nog af te stemmen met de Raad van State.',
  cDraft: 'Concept van c: de klachtenregeling wordt herzien.',
  document: 'Overzicht van de rapportages onder mensenrechtenverdragen',
  internal: 'Interne nota over de planning van de rapportages',
};
/** Never in any download: the unpublished recommendation, drafts, and who did what. */
const FORBIDDEN = () => [
  TEXT.c,
  TEXT.cExplanation,
  TEXT.draft,
  TEXT.cDraft,
  TEXT.internal,
  id.c!,
  'coordinator VWS',
  'contributor VWS',
  '@example.org',
  s.vws!.userId,
  s.vwsContributor!.userId,
];

const get = (url: string, host = 'opendata.test') => t.app.inject({ method: 'GET', url, headers: { host } });
async function call<T>(who: Session, method: 'POST' | 'PATCH', url: string, body?: unknown) {
  const res = await t.call(who, method, url, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

async function progress(path: string, text: string, approve: boolean) {
  const draft = await call<{ id: string; version: number }>(
    s.vwsContributor!,
    'POST',
    `/api/${path}/progress`,
    {
      status: 'in_progress',
      text,
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
    },
  );
  if (approve)
    await call(s.vws!, 'POST', `/api/progress-updates/${draft.id}/approve`, { version: draft.version });
}

/** A memo without personal data, published through the Woo review when asked. */
async function memo(title: string, publish: boolean): Promise<string> {
  const created = await call<WorkspaceDocument>(s.bzk!, 'POST', '/api/letters', {
    params: {
      kind: 'memo',
      fields: { to: ['Minister van BZK'], from: ['Directie Mensenrechten'], date: '2026-02-06' },
      purpose: 'information',
      title,
      aanleiding: 'Het kabinet rapporteert jaarlijks over de mensenrechtenverdragen.',
      kern: 'De brief geeft een overzicht van de rapportages in 2025.',
    },
  });
  if (!publish) return created.id;
  const found = await call<RedactionReview>(s.bzk!, 'POST', `/api/letters/${created.id}/redactions/search`);
  const done = await call<RedactionReview>(s.bzk!, 'PATCH', `/api/letters/${created.id}/redactions`, {
    version: found.version,
    decisions: found.findings.map((f) => ({ id: f.id, decision: 'redact' })),
    reviewed: true,
  });
  await call(s.bzk!, 'POST', `/api/letters/${created.id}/publish`, { version: done.version });
  return created.id;
}

beforeAll(async () => {
  t = await testApp();
  const orgs = await t.db.query<{ id: string }>("select id from organisations where code = 'VWS'");
  id.VWS = orgs.rows[0]!.id;
  for (const key of ['a', 'b', 'c'] as const) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, symbol, paragraph, text, text_nl,
                                    fingerprint, lead_organisation_id, year)
       values ('treaty_body', 'CRC', 'Netherlands', 'CRC/C/NLD/CO/5-6', $1, $2, $3, $4, $5, 2022) returning id`,
      [
        `${key === 'a' ? 23 : key === 'b' ? 24 : 25}`,
        TEXT[key],
        key === 'a' ? TEXT.aNl : null,
        `od-${key}`,
        id.VWS,
      ],
    );
    id[key] = r.rows[0]!.id;
  }
  await t.db.query(
    `insert into recommendation_terms (recommendation_id, term_id)
     select $1, id from taxonomy_terms where scheme = 'uhri_theme' order by code limit 1`,
    [id.a],
  );
  s.vws = await t.as('coordinator', 'VWS');
  s.vwsContributor = await t.as('contributor', 'VWS');
  s.bzk = await t.as('coordinator', 'BZK');
  for (const [key, explanation] of [
    ['a', TEXT.explanation],
    ['c', TEXT.cExplanation],
  ] as const)
    await call(s.vws!, 'PATCH', `/api/recommendations/${id[key]}/position`, {
      position: null,
      appreciation: 'Het kabinet onderschrijft de aanbeveling.',
      explanation,
      version: null,
    });
  await progress(`recommendations/${id.a}`, TEXT.approved, true);
  await progress(`recommendations/${id.a}`, TEXT.draft, false);
  await progress(`recommendations/${id.c}`, TEXT.cDraft, false);
  const coordinator: Actor = {
    id: s.vws.userId,
    label: 'coordinator VWS',
    role: 'coordinator',
    organisationId: id.VWS,
    organisationCode: 'VWS',
  };
  expect(await publishMany(t.db, coordinator, { ids: [id.a!, id.b!] })).toEqual({ changed: 2, unchanged: 0 });
  id.document = await memo(TEXT.document, true);
  id.internal = await memo(TEXT.internal, false);
}, 60_000);
afterAll(() => t?.close());

const dictionary = async () => (await get('/api/open-data/dictionary.json')).json() as Dictionary;
const columnsOf = async (name: DatasetName) =>
  (await dictionary()).datasets.find((d) => d.name === name)!.columns.map((c) => c.name);

async function xlsxRows(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}

/** Each download of a dataset as header + rows of text, and its raw text for the leak check. */
async function download(name: DatasetName) {
  const json = await get(`/api/open-data/${name}.json`);
  const csv = await get(`/api/open-data/${name}.csv`);
  const xlsx = await get(`/api/open-data/${name}.xlsx`);
  for (const res of [json, csv, xlsx]) expect(res.statusCode, res.body).toBe(200);
  expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.body.charCodeAt(0)).toBe(0xfeff);
  const parsed = parseCsv(csv.body).map((r) => r.fields);
  return {
    json: json.json() as OpenRow[],
    csv: { header: parsed[0]!, rows: parsed.slice(1) },
    xlsx: await xlsxRows(xlsx.rawPayload),
    raw: [json.body, csv.body, (await xlsxRows(xlsx.rawPayload)).flat().join('\n')],
  };
}

describe('the bulk downloads', () => {
  it('hold exactly the published recommendations, with their public follow-up, in every format', async () => {
    const d = await download('recommendations');
    const columns = await columnsOf('recommendations');
    expect(d.json.map((r) => r.id).sort()).toEqual([id.a, id.b].sort());
    const idAt = d.csv.header.indexOf('id');
    expect(d.csv.rows.map((r) => r[idAt]).sort()).toEqual([id.a, id.b].sort());
    expect(d.xlsx[0]).toEqual(columns);
    expect(
      d.xlsx
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([id.a, id.b].sort());
    const a = d.json.find((r) => r.id === id.a)!;
    expect(a).toMatchObject({
      url: `${BASE}/openbaar/aanbevelingen/${id.a}`,
      symbol: 'CRC/C/NLD/CO/5-6',
      paragraph: '23',
      text: TEXT.a,
      text_nl: TEXT.aNl,
      position: null,
      position_appreciation: 'Het kabinet onderschrijft de aanbeveling.',
      position_explanation: TEXT.explanation,
      lead_ministry_code: 'VWS',
      progress_status: 'in_progress',
      progress_date: '2025-06-30',
      progress_text: TEXT.approved,
    });
    expect((a.themes as string[]).length).toBe(1);
    expect(d.json.find((r) => r.id === id.b)).toMatchObject({
      position_explanation: null,
      progress_text: null,
    });
    const csvA = d.csv.rows.find((r) => r[idAt] === id.a)!;
    expect(csvA[d.csv.header.indexOf('progress_text')]).toBe(TEXT.approved);
    for (const text of d.raw) for (const f of FORBIDDEN()) expect(text).not.toContain(f);
  });

  it('hold exactly the published document, with absolute links that answer', async () => {
    const d = await download('documents');
    expect(d.json.map((r) => r.id)).toEqual([id.document]);
    expect(d.json[0]).toMatchObject({
      title: TEXT.document,
      kind: 'memo',
      url: `${BASE}/openbaar/documenten/${id.document}`,
      docx_url: `${BASE}/api/public/letters/${id.document}/file.docx`,
      pdf_url: `${BASE}/api/public/letters/${id.document}/file.pdf`,
    });
    expect(d.csv.rows.length).toBe(1);
    for (const text of d.raw) for (const f of FORBIDDEN()) expect(text).not.toContain(f);
    expect((await get(`/api/public/letters/${id.document}`)).statusCode).toBe(200);
  });

  it('hold the treaties with their lead ministry and dates', async () => {
    const d = await download('treaties');
    const crc = d.json.find((r) => r.code === 'CRC');
    expect(crc).toMatchObject({ kind: 'treaty', system: 'UN' });
    expect(d.csv.rows.length).toBe(d.json.length);
    expect(d.xlsx.length).toBe(d.json.length + 1);
  });

  it('gives one published recommendation at its stable URL, and nothing of an unpublished one', async () => {
    const a = await get(`/api/open-data/recommendations/${id.a}`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ id: id.a, url: `${BASE}/openbaar/aanbevelingen/${id.a}` });
    const c = await get(`/api/open-data/recommendations/${id.c}`);
    expect(c.statusCode).toBe(404);
    expect(c.json().code).toBe('followup.not_published');
  });
});

describe('the data dictionary', () => {
  it('describes every column of every download, in Dutch and English, and nothing else', async () => {
    const dict = await dictionary();
    expect(dict.datasets.map((d) => d.name)).toEqual([...DATASET_NAMES]);
    for (const name of DATASET_NAMES) {
      const columns = await columnsOf(name);
      const d = await download(name);
      // JSON: every row has exactly the dictionary's columns; CSV and .xlsx: it is their header.
      for (const row of d.json) expect(Object.keys(row).sort(), name).toEqual([...columns].sort());
      expect(d.csv.header, name).toEqual(columns);
      expect(d.xlsx[0], name).toEqual(columns);
    }
    for (const c of dict.datasets.flatMap((d) => d.columns)) {
      expect(c.description_nl.length, c.name).toBeGreaterThan(5);
      expect(c.description_en.length, c.name).toBeGreaterThan(5);
      expect(dict.types[c.type], c.type).toBeTruthy();
    }
    const csv = parseCsv((await get('/api/open-data/dictionary.csv')).body).map((r) => r.fields);
    expect(csv[0]).toEqual(['dataset', 'name', 'type', 'required', 'description_nl', 'description_en']);
    expect(csv.slice(1).map((r) => `${r[0]}.${r[1]}`)).toEqual(
      dict.datasets.flatMap((d) => d.columns.map((c) => `${d.name}.${c.name}`)),
    );
  });
});

interface Node {
  '@id'?: string;
  '@type'?: string;
  [k: string]: unknown;
}
const ids = (v: unknown) => [v].flat().map((x) => (x as Node)['@id']);

describe('the DCAT-AP catalogue', () => {
  it('describes a dataset per download, each distribution answering 200 with its media type', async () => {
    const res = await get('/api/open-data/catalog.jsonld');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const cat = JSON.parse(res.body) as Node;
    expect(cat['@type']).toBe('dcat:Catalog');
    expect(cat['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
    });
    expect(ids(cat['dct:license'])).toEqual([LICENCE]);
    expect(ids(cat['dct:language'])).toEqual([
      'http://publications.europa.eu/resource/authority/language/NLD',
      'http://publications.europa.eu/resource/authority/language/ENG',
    ]);
    const latest = await t.db.query<{ at: string }>(
      `select greatest((select max(published_at) from recommendation_publications),
                       (select max(published_at) from outgoing_publications)) as at`,
    );
    expect((cat['dct:modified'] as Node)['@value']).toBe(new Date(latest.rows[0]!.at).toISOString());
    const datasets = cat['dcat:dataset'] as Node[];
    expect(datasets.map((d) => d['dct:identifier'])).toEqual([...DATASET_NAMES]);
    for (const d of datasets) {
      expect(d['@type']).toBe('dcat:Dataset');
      expect((d['dct:title'] as { '@language': string }[]).map((x) => x['@language'])).toEqual(['nl', 'en']);
      expect(ids(d['dct:conformsTo'])).toEqual([`${BASE}/api/open-data/dictionary.json`]);
      expect(ids(d['dcat:theme'])[0]).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4}$/,
      );
      expect(ids(d['dcat:landingPage'])[0]).toMatch(new RegExp(`^${BASE}/openbaar/`));
      const distributions = d['dcat:distribution'] as Node[];
      expect(distributions.length).toBe(3);
      for (const dist of distributions) {
        expect(dist['@type']).toBe('dcat:Distribution');
        const url = ids(dist['dcat:downloadURL'])[0]!;
        expect(url.startsWith(`${BASE}/api/open-data/`), url).toBe(true);
        const media = ids(dist['dcat:mediaType'])[0]!.replace(
          'https://www.iana.org/assignments/media-types/',
          '',
        );
        const answer = await get(url.slice(BASE.length));
        expect(answer.statusCode, url).toBe(200);
        expect(String(answer.headers['content-type']).split(';')[0]).toBe(media);
      }
    }
    // The conformsTo document answers too.
    expect((await get('/api/open-data/dictionary.json')).statusCode).toBe(200);
  });

  it('takes its absolute URLs from PUBLIC_BASE_URL, else from the request host', async () => {
    const res = await get('/api/open-data/catalog.jsonld', 'data.example.nl:8443');
    expect(JSON.parse(res.body)['@id']).toBe('http://data.example.nl:8443/api/open-data/catalog.jsonld');
    t.app.config.publicBaseUrl = 'https://mensenrechten.example.nl';
    try {
      const configured = await get('/api/open-data/recommendations.json', 'data.example.nl:8443');
      expect((configured.json() as OpenRow[]).map((r) => r.url).sort()).toEqual(
        [id.a, id.b].map((x) => `https://mensenrechten.example.nl/openbaar/aanbevelingen/${x}`).sort(),
      );
    } finally {
      delete t.app.config.publicBaseUrl;
    }
  });
});

describe('the Atom feed', () => {
  it('is valid XML with the published documents and recommendations, newest first', async () => {
    const res = await get('/api/open-data/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      isArray: (n) => ['entry', 'link'].includes(n),
    }).parse(res.body) as {
      feed: {
        '@_xmlns': string;
        id: string;
        updated: string;
        link: { '@_rel': string; '@_href': string }[];
        entry: { id: string; updated: string; title: { '#text': string }; link: { '@_href': string }[] }[];
      };
    };
    const feed = xml.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(`${BASE}/api/open-data/feed.atom`);
    expect(feed.entry.map((e) => e.id).sort()).toEqual(
      [id.a, id.b, id.document].map((x) => `urn:uuid:${x}`).sort(),
    );
    const updated = feed.entry.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(feed.updated).toBe(updated[0]);
    const doc = feed.entry.find((e) => e.id === `urn:uuid:${id.document}`)!;
    expect(doc.title['#text']).toBe(TEXT.document);
    expect(doc.link[0]!['@_href']).toBe(`${BASE}/openbaar/documenten/${id.document}`);
    for (const f of FORBIDDEN()) expect(res.body).not.toContain(f);
  });
});
