import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { UPR_INFO_COLUMNS } from './import-upr-info.ts';
import { RecommendationPage } from './schema.ts';
import { searchResponseBody } from './search-response.ts';
import { searchRecommendations } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const CSV = [
  UPR_INFO_COLUMNS.join(','),
  '1,Netherlands,WEOG,EU,"Take measures to combat racial discrimination in the labour market.",Canada,WEOG,,Accepted,4,"Racial discrimination",1',
  '2,Netherlands,WEOG,EU,"Ratify the International Convention on the Protection of the Rights of All Migrant Workers.",Algeria,Africa,AU,Noted,5,"Ratification drive",1',
  '3,Netherlands,WEOG,EU,"Ratify the International Convention on the Protection of the Rights of All Migrant Workers.",Egypt,Africa,AU,Noted,5,"Ratification drive",1',
  '4,Belgium,WEOG,EU,"Strengthen measures against discrimination of migrants in housing.",Mexico,GRULAC,,Accepted,3,"Migrants",2',
].join('\n');

const upload = (session: Awaited<ReturnType<TestApp['as']>> | null, body: string, query: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/imports/upr-info?fileName=test.csv&${query}`,
    headers: {
      'content-type': 'text/csv',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    payload: body,
  });

describe('recommendations over HTTP', () => {
  it('previews an upload without storing it, then imports it', async () => {
    const coord = await t.as('coordinator');
    expect((await upload(null, CSV, '')).statusCode).toBe(401);
    const preview = await upload(coord, CSV, 'preview=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ totalRows: 4, created: 3, committed: false });
    expect((await t.call(await t.as('observer'), 'GET', '/api/recommendations')).json().total).toBe(0);
    const done = await upload(coord, CSV, '');
    expect(done.json()).toMatchObject({ created: 3, sources: 4, committed: true });
    const audit = (await t.call(await t.as('admin'), 'GET', '/api/audit?action=import')).json();
    expect(audit.items[0].after).toMatchObject({ kind: 'upr-info', created: 3 });
  });

  it('reports which rows are wrong and stores nothing', async () => {
    const coord = await t.as('coordinator');
    const bad = CSV.replace('"Strengthen measures against discrimination of migrants in housing."', '""');
    const res = await upload(
      coord,
      bad.replace(/^1,/m, '11,').replace(/^2,/m, '12,').replace(/^3,/m, '13,').replace(/^4,/m, '14,'),
      '',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_invalid');
    expect(res.json().errors).toEqual([{ path: 'row 5', message: 'the recommendation text is empty' }]);
    const wrongKind = await upload(coord, 'a,b\n1,2\n', '');
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().detail).toMatch(/cannot be imported as upr-info: The header/);
  });

  it('searches the full text (stemmed), filters and counts facets', async () => {
    const observer = await t.as('observer');
    const res = (await t.call(observer, 'GET', '/api/recommendations?q=ratifying%20conventions')).json();
    expect(res.total).toBe(1);
    expect(res.items[0].recommendingStates).toEqual(['Algeria', 'Egypt']);
    const all = (await t.call(observer, 'GET', '/api/recommendations?q=discrimination')).json();
    expect(all.total).toBe(2);
    expect(all.facets.state).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'Netherlands', count: 1 }),
        expect.objectContaining({ value: 'Belgium', count: 1 }),
      ]),
    );
    const nl = (
      await t.call(
        observer,
        'GET',
        '/api/recommendations?q=discrimination&state=Netherlands&position=supported',
      )
    ).json();
    expect(nl.total).toBe(1);
    expect(nl.facets.recommendingState).toEqual([{ value: 'Canada', count: 1 }]);
    const byState = (await t.call(observer, 'GET', '/api/recommendations?recommendingState=Egypt')).json();
    expect(byState.total).toBe(1);
  });

  it('shows a recommendation with its provenance and unmapped terms', async () => {
    const observer = await t.as('observer');
    const list = (await t.call(observer, 'GET', '/api/recommendations?recommendingState=Algeria')).json();
    const url = `/api/recommendations/${list.items[0].id}`;
    const detail = (await t.call(observer, 'GET', url)).json();
    expect(detail.sources.map((s: { sourceKey: string }) => s.sourceKey).sort()).toEqual(['2', '3']);
    expect(detail.sources[0]).toMatchObject({
      kind: 'upr-info',
      fileName: 'test.csv',
      importedBy: 'coordinator.bzk@example.org',
    });
    // A visitor who is not signed in sees a published recommendation only (another is not found)...
    expect((await t.call(null, 'GET', url)).statusCode).toBe(404);
    const published = await t.call(await t.as('coordinator'), 'POST', `${url}/followup/publish`);
    expect(published.statusCode).toBe(200);
    // ... with its sources, not the civil servant who imported them.
    const visitor = (await t.call(null, 'GET', url)).json();
    expect(visitor.sources.map((s: { importedBy: string | null }) => s.importedBy)).toEqual([null, null]);
    expect(JSON.stringify(visitor)).not.toContain('coordinator.bzk@example.org');
    expect(detail.unmappedTerms).toEqual([{ scheme: 'uhri_theme', spelling: 'Ratification drive' }]);
    const unmapped = (
      await t.call(await t.as('observer'), 'GET', '/api/recommendations-unmapped-terms')
    ).json();
    expect(unmapped.items).toEqual(
      expect.arrayContaining([{ scheme: 'uhri_theme', spelling: 'Ratification drive', count: 1 }]),
    );
  });
});

describe('who is responsible, before the follow-up is published', () => {
  it('is neither a facet nor a filter for a visitor who is not signed in', async () => {
    const signedIn = (await t.call(await t.as('observer'), 'GET', '/api/recommendations')).json();
    expect(Object.keys(signedIn.facets)).toContain('lead');
    const visitor = (await t.call(null, 'GET', '/api/recommendations')).json();
    expect(Object.keys(visitor.facets)).not.toContain('lead');
    // Only the published ones (one, published above).
    expect(visitor.total).toBe(1);
    expect(signedIn.total).toBeGreaterThan(1);
    const bzk = (await t.db.query<{ id: string }>("select id from organisations where code = 'BZK'")).rows[0]!
      .id;
    for (const url of [
      `/api/recommendations?leadOrganisationId=${bzk}`,
      `/api/recommendations/export.csv?leadOrganisationId=${bzk}`,
    ]) {
      const res = await t.call(null, 'GET', url);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('recommendation.lead_filter_signed_in');
    }
    expect(
      (await t.call(await t.as('observer'), 'GET', `/api/recommendations?leadOrganisationId=${bzk}`))
        .statusCode,
    ).toBe(200);
  });
});

describe('the search answer', () => {
  it('is exactly what the response schema lets through, the same bytes when asked again', async () => {
    const observer = await t.as('observer');
    for (const session of [observer, null])
      for (const url of [
        '/api/recommendations',
        '/api/recommendations?q=discrimination&page=1&pageSize=1',
        '/api/recommendations?q=kinderen',
        '/api/recommendations?state=Netherlands&sort=symbol',
      ]) {
        const res = await t.call(session, 'GET', url);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        // Parsing with the schema keeps what it names, in its order: any other field, a field in another
        // order or a value of the wrong type would make this differ (or throw).
        expect(res.body).toBe(JSON.stringify(RecommendationPage.parse(res.json())));
        expect((await t.call(session, 'GET', url)).body).toBe(res.body);
      }
    const all = (await t.call(observer, 'GET', '/api/recommendations')).json() as RecommendationPage;
    expect(all.total).toBeGreaterThan(0);
    // States carry their Dutch names, taxonomy terms their labels.
    expect(all.facets.state).toContainEqual({ value: 'Netherlands', count: 2, labelNl: 'Nederland' });
    expect(all.facets.theme?.length).toBeGreaterThan(0);
    expect(all.facets.theme![0]).toEqual({
      value: expect.any(String),
      count: expect.any(Number),
      label: expect.any(String),
      labelNl: expect.any(String),
    });
  });

  it('is still described by its schema in the OpenAPI document', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    const ok = doc.paths['/api/recommendations'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(ok.properties)).toEqual(Object.keys(RecommendationPage.shape));
  });

  it('leaves out what the schema does not name, as zod would', async () => {
    const found = await searchRecommendations(t.db, { page: 1, pageSize: 2, q: 'discrimination' });
    // Copies with fields of their own (the kept result itself is shared and never changed).
    const page = {
      ...found,
      items: found.items.map((r) => ({ ...r, secret: 'not for the answer' })),
      facets: Object.fromEntries(
        Object.entries(found.facets).map(([name, values]) => [
          name,
          values.map((v) => ({ scheme: 'internal', ...v })),
        ]),
      ),
    };
    const body = searchResponseBody(page).toString('utf8');
    expect(body).not.toContain('secret');
    expect(body).not.toContain('internal');
    expect(body).toBe(JSON.stringify(RecommendationPage.parse(page)));
    expect(JSON.parse(body).items).toHaveLength(2);
    // The answer kept with a page is not reused with other counts or words beside it.
    const other = { ...found, total: 99, alsoSearched: ['other words'] };
    expect(searchResponseBody(found).toString('utf8')).toBe(JSON.stringify(RecommendationPage.parse(found)));
    expect(searchResponseBody(other).toString('utf8')).toBe(JSON.stringify(RecommendationPage.parse(other)));
    expect(searchResponseBody(found).toString('utf8')).toBe(JSON.stringify(RecommendationPage.parse(found)));
  });
});

describe('exports and saved searches', () => {
  it('exports a search as CSV, Excel and JSON with the chosen columns', async () => {
    const observer = await t.as('observer');
    const headers = { cookie: observer.cookie };
    const csv = await t.app.inject({
      method: 'GET',
      headers,
      url: '/api/recommendations/export.csv?q=discrimination&columns=symbol,text,recommendingStates,position&lang=en',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Document symbol,Text,Recommending states,Position');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).sort()).toEqual([
      ',Strengthen measures against discrimination of migrants in housing.,Mexico,supported',
      ',Take measures to combat racial discrimination in the labour market.,Canada,supported',
    ]);
    const json = (
      await t.app.inject({
        method: 'GET',
        headers,
        url: '/api/recommendations/export.json?recommendingState=Egypt&columns=text,recommendingStates',
      })
    ).json();
    expect(json).toEqual([
      {
        text: 'Ratify the International Convention on the Protection of the Rights of All Migrant Workers.',
        recommendingStates: 'Algeria; Egypt',
      },
    ]);
    const xlsx = await t.app.inject({
      method: 'GET',
      headers,
      url: '/api/recommendations/export.xlsx?state=Netherlands',
    });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Aanbevelingen');
    expect(ws.getRow(1).getCell(1).value).toBe('Documentkenmerk');
    expect(ws.rowCount).toBe(3); // header + the 2 Dutch recommendations
    const bad = await t.app.inject({
      method: 'GET',
      headers,
      url: '/api/recommendations/export.csv?columns=text,password',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/comma-separated list of/);
  });

  it('keeps saved searches to the user who saved them', async () => {
    const coord = await t.as('coordinator');
    const observer = await t.as('observer');
    const saved = await t.call(coord, 'POST', '/api/saved-searches', {
      name: 'Discrimination NL',
      query: '?q=discrimination&state=Netherlands',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().query).toBe('q=discrimination&state=Netherlands');
    expect(
      (await t.call(coord, 'POST', '/api/saved-searches', { name: 'Discrimination NL', query: 'q=x' }))
        .statusCode,
    ).toBe(409);
    expect((await t.call(observer, 'GET', '/api/saved-searches')).json().items).toEqual([]);
    const url = `/api/saved-searches/${saved.json().id}`;
    expect((await t.call(observer, 'DELETE', `${url}?version=1`)).statusCode).toBe(404);
    expect(
      (await t.call(coord, 'GET', '/api/saved-searches')).json().items.map((s: { name: string }) => s.name),
    ).toEqual(['Discrimination NL']);
    // A delete names the version the user saw.
    expect((await t.call(coord, 'DELETE', url)).statusCode).toBe(400);
    const stale = await t.call(coord, 'DELETE', `${url}?version=${saved.json().version + 1}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
    expect((await t.call(coord, 'DELETE', `${url}?version=${saved.json().version}`)).statusCode).toBe(204);
    expect((await t.call(coord, 'GET', '/api/saved-searches')).json().items).toEqual([]);
  });
});

describe('mapping and narrowing', () => {
  it('mapping an unknown spelling to a term tags the recommendations that carry it', async () => {
    const coord = await t.as('coordinator');
    const observer = await t.as('observer');
    const term = (await t.call(null, 'GET', '/api/taxonomy/terms?scheme=uhri_theme&q=migrants')).json()
      .items[0];
    const before = (await t.call(observer, 'GET', `/api/recommendations?termId=${term.id}`)).json().total;
    const res = await t.call(coord, 'POST', `/api/taxonomy/terms/${term.id}/aliases`, {
      alias: 'Ratification Drive',
    });
    expect(res.statusCode).toBe(201);
    expect((await t.call(observer, 'GET', `/api/recommendations?termId=${term.id}`)).json().total).toBe(
      before + 1,
    );
    const unmapped = (await t.call(coord, 'GET', '/api/recommendations-unmapped-terms')).json().items;
    expect(unmapped.find((u: { spelling: string }) => u.spelling === 'Ratification drive')).toBeUndefined();
  });

  it('lists what one import brought, and filters by body', async () => {
    const coord = await t.as('coordinator');
    const observer = await t.as('observer');
    const csv = [
      UPR_INFO_COLUMNS.join(','),
      '71,Netherlands,WEOG,EU,"Guarantee the right to housing for homeless persons.",Spain,WEOG,EU,Accepted,4,"Housing",2',
    ].join('\n');
    const imp = (await upload(coord, csv, '')).json();
    const list = (await t.call(observer, 'GET', `/api/recommendations?importId=${imp.importId}`)).json();
    expect(list.items.map((r: { text: string }) => r.text)).toEqual([
      'Guarantee the right to housing for homeless persons.',
    ]);
    expect(
      (await t.call(observer, 'GET', '/api/recommendations?bodyCode=HRC-UPR')).json().total,
    ).toBeGreaterThan(1);
    expect((await t.call(observer, 'GET', '/api/recommendations?bodyCode=CRC')).json().total).toBe(0);
  });
});
