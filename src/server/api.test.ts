import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const idOf = async (table: string, code: string) =>
  (await t.db.query<{ id: string }>(`select id from ${table} where code = $1`, [code])).rows[0]!.id;

describe('health and API documentation', () => {
  it('reports status, engine and version', async () => {
    const res = await t.call(null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');
    expect(body.version).toMatch(/^\d+\.\d+/);
  });

  it('publishes an OpenAPI document and a browsable page', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/overview', '/api/organisations/{id}', '/api/audit']),
    );
    expect(doc.paths['/api/organisations'].post.requestBody).toBeDefined();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/docs'))).toEqual([]);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="nl">');
    expect(page.body).toContain('<h1>API-documentatie</h1>');
    expect(page.body).toContain('href="/api/openapi.json"');
    const english = await t.app.inject({ method: 'GET', url: '/api/docs/?lang=en' });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('<h1>API documentation</h1>');
    expect(english.body).toContain('<code>Authorization: Bearer rd_…</code>');
  });

  it('answers unknown routes and ids with a problem document', async () => {
    const route = await t.call(null, 'GET', '/api/nothing-here');
    expect(route.statusCode).toBe(404);
    expect(route.headers['content-type']).toContain('application/problem+json');
    const id = await t.call(null, 'GET', '/api/instruments/3f1c0d59-4a62-4c36-8e4e-2a0b9f0e0001');
    expect(id.statusCode).toBe(404);
    expect(id.json().detail).toMatch(/No instrument with id/);
    const notUuid = await t.call(null, 'GET', '/api/instruments/abc');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors[0].path).toBe('params.id');
  });
});

describe('treaty overview', () => {
  it('lists the Netherlands instruments with their lead ministries, marked unverified', async () => {
    const { items } = (await t.call(null, 'GET', '/api/overview')).json();
    const row = (code: string) => items.find((i: { code: string }) => i.code === code);
    expect(row('ICCPR').lead.code).toBe('BZK');
    expect(row('ICCPR').leadVerified).toBe(false);
    expect(row('ICESCR').lead.code).toBe('SZW');
    expect(row('CEDAW').lead.code).toBe('OCW');
    expect(row('ICESCR').monitoringBody.code).toBe('CESCR');
    expect(row('ICMW')).toBeUndefined(); // not a party
    expect(row('CEDAW').currentPhase.kind).toBe('concluding_observations');
    expect(items.length).toBeGreaterThanOrEqual(14);
  });
});

describe('organisations: validation, audit and stale edits', () => {
  it('creates with an audit event, updates with before and after, refuses a stale edit', async () => {
    const admin = await t.as('admin');
    const created = await t.call(admin, 'POST', '/api/organisations', {
      code: 'COC',
      nameNl: 'COC Nederland',
      nameEn: 'COC Netherlands',
      kind: 'cso',
      validFrom: '1946-01-01',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org.current).toBe(true);

    const updated = await t.call(admin, 'PATCH', `/api/organisations/${org.id}`, {
      version: org.version,
      nameEn: 'COC the Netherlands',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().version).toBe(org.version + 1);

    const stale = await t.call(admin, 'PATCH', `/api/organisations/${org.id}`, {
      version: org.version,
      nameEn: 'Lost edit',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
    expect(stale.json().detail).toMatch(/Reload/);
    expect((await t.call(null, 'GET', `/api/organisations/${org.id}`)).json().nameEn).toBe(
      'COC the Netherlands',
    );

    const audit = (
      await t.call(admin, 'GET', `/api/audit?entityType=organisation&entityId=${org.id}`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    const [upd] = audit.items;
    expect(upd.actorId).toBe(admin.userId);
    expect(upd.before.nameEn).toBe('COC Netherlands');
    expect(upd.after.nameEn).toBe('COC the Netherlands');
  });

  it('rejects a wrong field, an unknown kind and dates out of order, saving nothing', async () => {
    const admin = await t.as('admin');
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from organisations')).rows[0]!
      .n;
    const bad = await t.call(admin, 'POST', '/api/organisations', {
      code: 'bad code!',
      nameNl: '',
      nameEn: 'X',
      kind: 'club',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.nameNl', 'body.kind']));
    const dates = await t.call(admin, 'POST', '/api/organisations', {
      code: 'OLD',
      nameNl: 'Oud',
      nameEn: 'Old',
      kind: 'ministry',
      validFrom: '2020-01-01',
      validTo: '2010-01-01',
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().detail).toMatch(/before "valid from"/);
    const dup = await t.call(admin, 'POST', '/api/organisations', {
      code: 'BZK',
      nameNl: 'x',
      nameEn: 'x',
      kind: 'ministry',
    });
    expect(dup.statusCode).toBe(409);
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.headers['content-type']).toContain('application/problem+json');
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from organisations')).rows[0]!.n).toBe(
      before,
    );
  });

  it('keeps ministries that no longer exist, with their dates', async () => {
    const admin = await t.as('admin');
    const res = await t.call(admin, 'POST', '/api/organisations', {
      code: 'OCenW-old',
      nameNl: 'Ministerie van Onderwijs, Cultuur en Wetenschappen (oud)',
      nameEn: 'Old ministry',
      kind: 'ministry',
      validFrom: '1994-08-22',
      validTo: '2002-07-22',
    });
    expect(res.json().current).toBe(false);
    const former = (await t.call(null, 'GET', '/api/organisations?current=false&kind=ministry')).json();
    expect(former.items.map((o: { code: string }) => o.code)).toContain('OCenW-old');
  });
});

describe('instruments: who may edit', () => {
  it('the coordinating ministry edits any instrument; another ministry only its own', async () => {
    const bzk = await t.as('coordinator', 'BZK');
    const szw = await t.as('coordinator', 'SZW');
    const iccpr = (
      await t.call(null, 'GET', `/api/instruments/${await idOf('instruments', 'ICCPR')}`)
    ).json();
    const icescr = (
      await t.call(null, 'GET', `/api/instruments/${await idOf('instruments', 'ICESCR')}`)
    ).json();
    const denied = await t.call(szw, 'PATCH', `/api/instruments/${iccpr.id}`, {
      version: iccpr.version,
      periodicityYears: 4,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toMatch(/ICCPR/);
    const own = await t.call(szw, 'PATCH', `/api/instruments/${icescr.id}`, {
      version: icescr.version,
      leadVerified: true,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().leadVerified).toBe(true);
    const coord = await t.call(bzk, 'PATCH', `/api/instruments/${iccpr.id}`, {
      version: iccpr.version,
      leadVerified: true,
    });
    expect(coord.statusCode).toBe(200);
  });
});

describe('cycles and phases', () => {
  it('derives the status and refuses dates out of order, saving nothing', async () => {
    const admin = await t.as('admin');
    const instrumentId = await idOf('instruments', 'CED');
    const created = await t.call(admin, 'POST', '/api/cycles', {
      instrumentId,
      label: 'Test cycle',
      sequence: 90,
    });
    expect(created.statusCode).toBe(201);
    const cycle = created.json();
    expect(cycle.status.currentPhase).toBeNull();
    const rep = await t.call(admin, 'POST', `/api/cycles/${cycle.id}/phases`, {
      kind: 'report_submitted',
      date: '2024-03-01',
      symbol: 'CED/C/NLD/9',
    });
    expect(rep.statusCode).toBe(201);
    expect(rep.json().status.currentPhase).toBe('report_submitted');
    const early = await t.call(admin, 'POST', `/api/cycles/${cycle.id}/phases`, {
      kind: 'dialogue',
      date: '2023-01-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/out of order/);
    const phases = (await t.call(null, 'GET', `/api/cycles/${cycle.id}`)).json().phases;
    expect(phases.map((p: { kind: string }) => p.kind)).toEqual(['report_submitted']);
    const due = await t.call(admin, 'POST', `/api/cycles/${cycle.id}/phases`, {
      kind: 'follow_up_due',
      date: '2020-01-01',
    });
    expect(due.json().status).toMatchObject({ nextStep: 'follow_up_due', overdue: true });
    const badDate = await t.call(admin, 'POST', `/api/cycles/${cycle.id}/phases`, {
      kind: 'replies_due',
      date: '2024-02-30',
    });
    expect(badDate.statusCode).toBe(400);
  });
});

describe('the CEDAW cycle of the reference data', () => {
  it('lists the dialogue before the concluding observations of the same month, and accepts edits', async () => {
    const admin = await t.as('admin');
    const cycles = (
      await t.call(null, 'GET', `/api/cycles?instrumentId=${await idOf('instruments', 'CEDAW')}`)
    ).json();
    const latest = cycles.items.at(-1);
    const kinds = latest.phases.map((p: { kind: string }) => p.kind);
    expect(kinds.indexOf('dialogue')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('dialogue')).toBeLessThan(kinds.indexOf('concluding_observations'));
    const co = latest.phases.find((p: { kind: string }) => p.kind === 'concluding_observations');
    const res = await t.call(admin, 'PATCH', `/api/phases/${co.id}`, {
      version: co.version,
      note: 'checked',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('documents', () => {
  it('the public sees public documents only; contributors file internal drafts', async () => {
    const contributor = await t.as('contributor');
    const observer = await t.as('observer');
    const pub = await t.call(contributor, 'POST', '/api/documents', {
      title: 'Draft reply',
      kind: 'replies',
    });
    expect(pub.statusCode).toBe(403);
    const draft = await t.call(contributor, 'POST', '/api/documents', {
      title: 'Draft reply',
      kind: 'replies',
      public: false,
    });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect((await t.call(null, 'GET', `/api/documents/${id}`)).statusCode).toBe(404);
    expect((await t.call(observer, 'GET', `/api/documents/${id}`)).statusCode).toBe(200);
    const anonList = (await t.call(null, 'GET', '/api/documents?pageSize=500')).json();
    expect(anonList.items.find((d: { id: string }) => d.id === id)).toBeUndefined();
  });
});

describe('taxonomy', () => {
  it('resolves the spellings of a term through its aliases and keeps taxonomies editable', async () => {
    const a = (
      await t.call(
        null,
        'GET',
        `/api/taxonomy/resolve?scheme=uhri_theme&term=${encodeURIComponent('Economic, social &amp; cultural rights - general measures of implementation')}`,
      )
    ).json();
    const b = (
      await t.call(
        null,
        'GET',
        `/api/taxonomy/resolve?scheme=uhri_theme&term=${encodeURIComponent('ECONOMIC, SOCIAL AND CULTURAL RIGHTS - general measures of implementation')}`,
      )
    ).json();
    expect(a.id).toBeDefined();
    expect(b.id).toBe(a.id);
    const coord = await t.as('coordinator');
    const created = await t.call(coord, 'POST', '/api/taxonomy/terms', {
      scheme: 'uhri_theme',
      code: 'new-theme',
      labelEn: 'Digital rights & artificial intelligence',
      aliases: ['AI and human rights'],
    });
    expect(created.statusCode).toBe(201);
    const viaAlias = (
      await t.call(null, 'GET', '/api/taxonomy/resolve?scheme=uhri_theme&term=ai%20%26%20human%20rights')
    ).json();
    expect(viaAlias.id).toBe(created.json().id);
    const clash = await t.call(coord, 'POST', `/api/taxonomy/terms/${created.json().id}/aliases`, {
      alias: 'Economic, social and cultural rights - general measures of implementation',
    });
    expect(clash.statusCode).toBe(409);
    const unknown = await t.call(
      null,
      'GET',
      '/api/taxonomy/resolve?scheme=uhri_theme&term=nothing%20like%20this',
    );
    expect(unknown.statusCode).toBe(404);
    const targets = (await t.call(null, 'GET', '/api/taxonomy/terms?scheme=sdg_target&pageSize=500')).json();
    expect(targets.total).toBe(169);
  });
});

describe('audit trail', () => {
  it('cannot be changed: there is no route for it and the database refuses', async () => {
    const admin = await t.as('admin');
    const list = (await t.call(admin, 'GET', '/api/audit?pageSize=1')).json();
    expect(list.total).toBeGreaterThan(0);
    const id = list.items[0].id;
    expect((await t.call(admin, 'DELETE', `/api/audit/${id}`)).statusCode).toBe(404);
    expect((await t.call(admin, 'PATCH', `/api/audit/${id}`, {})).statusCode).toBe(404);
    await expect(
      t.db.query('update audit_events set actor_label = $1 where id = $2', ['x', id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_events where id = $1', [id])).rejects.toThrow(/append-only/);
  });

  it('filters by action and date', async () => {
    const admin = await t.as('admin');
    const logins = (await t.call(admin, 'GET', '/api/audit?action=login')).json();
    expect(logins.items.length).toBeGreaterThan(0);
    expect(logins.items.every((e: { action: string }) => e.action === 'login')).toBe(true);
    const future = (await t.call(admin, 'GET', '/api/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
  });
});
