import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { testApp, type TestApp } from '../test/app.ts';
import { createOrganisation } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('organisations', () => {
  it('refuses dates out of order and an organisation under itself, on creation and on change', async () => {
    const admin = await t.as('admin');
    const reversed = await t.call(admin, 'POST', '/api/organisations', {
      code: 'REV',
      nameNl: 'Omgekeerd',
      nameEn: 'Reversed',
      kind: 'other',
      validFrom: '2020-01-01',
      validTo: '2010-01-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      code: 'organisation.dates_reversed',
      params: { validFrom: '2020-01-01', validTo: '2010-01-01' },
    });

    const created = await t.call(admin, 'POST', '/api/organisations', {
      code: 'ORD',
      nameNl: 'Op orde',
      nameEn: 'In order',
      kind: 'other',
      validFrom: '2020-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const org = created.json();
    const laterEnd = await t.call(admin, 'PATCH', `/api/organisations/${org.id}`, {
      version: org.version,
      validTo: '2019-12-31',
    });
    expect(laterEnd.statusCode).toBe(400);
    expect(laterEnd.json().code).toBe('organisation.dates_reversed');
    const own = await t.call(admin, 'PATCH', `/api/organisations/${org.id}`, {
      version: org.version,
      parentId: org.id,
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().code).toBe('organisation.own_parent');
    const ok = await t.call(admin, 'PATCH', `/api/organisations/${org.id}`, {
      version: org.version,
      validTo: '2030-12-31',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ validTo: '2030-12-31', current: true, version: org.version + 1 });
  });

  it('are managed by administrators only, also when the service is called directly', async () => {
    const bzk = (await t.db.query<{ id: string }>("select id from organisations where code = 'BZK'")).rows[0]!
      .id;
    const coordinator: Actor = {
      id: null,
      label: 'coordinator',
      role: 'coordinator',
      organisationId: bzk,
      organisationCode: 'BZK',
    };
    await expect(
      createOrganisation(t.db, coordinator, { code: 'NOPE', nameNl: 'Nee', nameEn: 'No', kind: 'other' }),
    ).rejects.toMatchObject({ code: 'organisation.manage_forbidden', status: 403 });
    const me = (await t.call(await t.as('coordinator'), 'GET', '/api/auth/me')).json();
    expect(me.abilities.manageOrganisations).toBe(false);
  });
});
