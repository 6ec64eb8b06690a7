import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Instrument, MonitoringBody } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const byCode = async (session: Session | null, code: string) => {
  const list = (await t.call(session, 'GET', '/api/instruments?pageSize=500')).json().items as Instrument[];
  const inList = list.find((i) => i.code === code)!;
  const one = (await t.call(session, 'GET', `/api/instruments/${inList.id}`)).json() as Instrument;
  expect(inList.abilities).toEqual(one.abilities);
  return one;
};

describe('abilities on instruments', () => {
  it('edit: an administrator, or a coordinator of the lead or coordinating organisation', async () => {
    expect((await byCode(null, 'ICESCR')).abilities).toEqual({ edit: false });
    expect((await byCode(await t.as('observer'), 'ICESCR')).abilities).toEqual({ edit: false });
    expect((await byCode(await t.as('contributor', 'SZW'), 'ICESCR')).abilities).toEqual({ edit: false });
    const szw = await t.as('coordinator', 'SZW');
    expect((await byCode(szw, 'ICESCR')).abilities).toEqual({ edit: true });
    expect((await byCode(szw, 'ICCPR')).abilities).toEqual({ edit: false });
    expect((await byCode(await t.as('coordinator', 'BZK'), 'ICCPR')).abilities).toEqual({ edit: true });
    expect((await byCode(await t.as('admin'), 'ICCPR')).abilities).toEqual({ edit: true });
  });
});

describe('editing instruments', () => {
  it('a refused edit carries its code and the instrument; nothing changes', async () => {
    const szw = await t.as('coordinator', 'SZW');
    const iccpr = await byCode(szw, 'ICCPR');
    const r = await t.call(szw, 'PATCH', `/api/instruments/${iccpr.id}`, {
      version: iccpr.version,
      sortOrder: 1,
    });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'instrument.edit_forbidden', params: { instrument: 'ICCPR' } });
    expect((await byCode(null, 'ICCPR')).version).toBe(iccpr.version);
  });

  it('only an administrator hands an instrument to another organisation; unverified fields keep their API names', async () => {
    const szw = await t.as('coordinator', 'SZW');
    const icescr = await byCode(szw, 'ICESCR');
    const bzk = (await t.db.query<{ id: string }>("select id from organisations where code = 'BZK'"))
      .rows[0]!;
    const r = await t.call(szw, 'PATCH', `/api/instruments/${icescr.id}`, {
      version: icescr.version,
      leadOrganisationId: bzk.id,
      unverifiedFields: ['periodicityYears', 'appliesTo'],
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = r.json() as Instrument;
    expect(after.lead?.code).toBe('SZW');
    expect(after.unverifiedFields).toEqual(['periodicityYears', 'appliesTo']);
    const stored = await t.db.query<{ unverified_fields: string[] }>(
      'select unverified_fields from instruments where id = $1',
      [icescr.id],
    );
    expect(stored.rows[0]!.unverified_fields).toEqual(['periodicity_years', 'applies_to']);
    const audit = (
      await t.call(await t.as('admin'), 'GET', `/api/audit?entityType=instrument&entityId=${icescr.id}`)
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('update');
  });

  it('an administrator creates an instrument and a monitoring body; a stale edit is refused', async () => {
    const admin = await t.as('admin');
    const body = await t.call(admin, 'POST', '/api/monitoring-bodies', {
      code: 'TEST-BODY',
      nameEn: 'Test body',
      nameNl: 'Testorgaan',
      system: 'UN',
      kind: 'treaty_body',
    });
    expect(body.statusCode, body.body).toBe(201);
    const b = body.json() as MonitoringBody;
    expect(b).toMatchObject({ code: 'TEST-BODY', version: 1, verified: false, source: null });
    const created = await t.call(admin, 'POST', '/api/instruments', {
      code: 'TEST-I',
      shortName: 'Test',
      nameEn: 'Test convention',
      nameNl: 'Testverdrag',
      system: 'UN',
      kind: 'treaty',
      monitoringBodyId: b.id,
      periodicityYears: 4,
    });
    expect(created.statusCode, created.body).toBe(201);
    const i = created.json() as Instrument;
    expect(i).toMatchObject({
      monitoringBody: { code: 'TEST-BODY' },
      periodicityYears: 4,
      lead: null,
      abilities: { edit: true },
    });
    const edited = await t.call(admin, 'PATCH', `/api/monitoring-bodies/${b.id}`, {
      version: 1,
      nameEn: 'Renamed',
    });
    expect(edited.json()).toMatchObject({ nameEn: 'Renamed', version: 2 });
    const stale = await t.call(admin, 'PATCH', `/api/monitoring-bodies/${b.id}`, {
      version: 1,
      nameEn: 'Again',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
  });
});

describe("confirming an instrument's lead ministry", () => {
  it('a coordinator of the instrument confirms it: verified, with who and when, audited', async () => {
    const szw = await t.as('coordinator', 'SZW');
    const icescr = await byCode(szw, 'ICESCR');
    expect(icescr.leadVerifiedBy).toBeNull();
    const r = await t.call(szw, 'POST', `/api/instruments/${icescr.id}/lead-confirmation`, {
      version: icescr.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    const after = r.json() as Instrument;
    expect(after.leadVerified).toBe(true);
    expect(after.leadVerifiedBy?.name).toBeTruthy();
    expect(after.leadVerifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(after.unverifiedFields).not.toContain('leadOrganisationId');
    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where entity_type = 'instrument' and entity_id = $1 and action = 'update'
         and (after ->> 'leadVerifiedBy') is not null`,
      [icescr.id],
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('is refused (403, nothing changed) to a coordinator of another ministry', async () => {
    const szw = await t.as('coordinator', 'SZW');
    const iccpr = await byCode(szw, 'ICCPR');
    const r = await t.call(szw, 'POST', `/api/instruments/${iccpr.id}/lead-confirmation`, {
      version: iccpr.version,
    });
    expect(r.statusCode).toBe(403);
    expect((await byCode(szw, 'ICCPR')).version).toBe(iccpr.version);
  });
});
