import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { importNetherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';
import type { FollowUp } from './schema.ts';

/**
 * Changing who is responsible for one recommendation: the lead's coordinators and the coordinating
 * ministry may, others get 403; the recommendation's version is carried (409 when stale); ended or
 * unknown organisations and a lead that is also co-responsible are refused; nothing is saved then.
 */
const present = uprInfoPresent('the responsibility tests');

let t: TestApp;
let vws: Session;
let ocw: Session;
let bzk: Session;
let id: string;
const org: Record<string, string> = {};

interface State {
  lead: string | null;
  kingdom: string[];
  version: number;
  co: string[];
}
const state = async (): Promise<State> =>
  (
    await t.db.query<State>(
      `select r.lead_organisation_id as lead, r.kingdom_countries as kingdom, r.version,
              coalesce((select array_agg(c.organisation_id::text order by c.organisation_id)
                          from recommendation_co_responsible c where c.recommendation_id = r.id), '{}') as co
         from recommendations r where r.id = $1`,
      [id],
    )
  ).rows[0]!;
const auditCount = async () =>
  (
    await t.db.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity_type = 'recommendation' and entity_id = $1",
      [id],
    )
  ).rows[0]!.n;
const patch = (s: Session, body: object) =>
  t.call(s, 'PATCH', `/api/recommendations/${id}/responsibility`, body);

/** Sends a change that must be refused with the status and code given, and checks nothing changed. */
async function refused(s: Session, body: object, status: number, code: string) {
  const before = await state();
  const audits = await auditCount();
  const res = await patch(s, body);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
  expect(await state()).toEqual(before);
  expect(await auditCount()).toBe(audits);
}

beforeAll(async () => {
  if (!present) return;
  t = await testApp();
  await importNetherlandsUprInfo(t.db, { limit: 30 });
  id = (await t.db.query<{ id: string }>('select id from recommendations order by id limit 1')).rows[0]!.id;
  for (const code of ['VWS', 'OCW', 'JenV', 'BZK']) {
    const r = await t.db.query<{ id: string }>('select id from organisations where code = $1', [code]);
    org[code] = r.rows[0]!.id;
  }
  // A ministry that no longer exists.
  const ended = await t.db.query<{ id: string }>(
    `insert into organisations (code, name_nl, name_en, kind, valid_from, valid_to)
     values ('OLDMIN', 'Oud ministerie', 'Former ministry', 'ministry', '1990-01-01', '2010-12-31') returning id`,
  );
  org.OLDMIN = ended.rows[0]!.id;
  await t.db.query('update recommendations set lead_organisation_id = $1 where id = $2', [org.VWS, id]);
  vws = await t.as('coordinator', 'VWS');
  ocw = await t.as('coordinator', 'OCW');
  bzk = await t.as('coordinator', 'BZK');
}, 120_000);
afterAll(() => t?.close());

describe.skipIf(!present)('changing who is responsible', () => {
  it("lets the lead's coordinator add co-responsible organisations and Kingdom countries, audited once", async () => {
    const { version } = await state();
    const audits = await auditCount();
    const res = await patch(vws, { coResponsibleIds: [org.OCW], kingdomCountries: ['NL', 'CW'], version });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as FollowUp;
    expect(f.version).toBe(version + 1);
    expect(f.lead?.code).toBe('VWS');
    expect(f.coResponsible.map((o) => o.code)).toEqual(['OCW']);
    expect(f.kingdomCountries).toEqual(['NL', 'CW']);
    expect(await state()).toMatchObject({ co: [org.OCW], kingdom: ['NL', 'CW'], version: version + 1 });
    expect(await auditCount()).toBe(audits + 1);
    const audit = (
      await t.db.query<{ before: object; after: object }>(
        "select before, after from audit_events where entity_type = 'recommendation' and entity_id = $1 order by id desc limit 1",
        [id],
      )
    ).rows[0]!;
    expect(audit.before).toEqual({ leadOrganisationId: org.VWS, coResponsibleIds: [], kingdomCountries: [] });
    expect(audit.after).toEqual({
      leadOrganisationId: org.VWS,
      coResponsibleIds: [org.OCW],
      kingdomCountries: ['NL', 'CW'],
    });
  });

  it('refuses a co-responsible coordinator (not the lead): 403, nothing changed', async () => {
    const { version } = await state();
    await refused(ocw, { kingdomCountries: ['NL'], version }, 403, 'followup.responsibility_forbidden');
    await refused(ocw, { leadOrganisationId: org.OCW, version }, 403, 'followup.responsibility_forbidden');
  });

  it('refuses contributors at the door', async () => {
    const { version } = await state();
    const contributor = await t.as('contributor', 'VWS');
    await refused(contributor, { kingdomCountries: ['NL'], version }, 403, 'role_forbidden');
  });

  it('refuses a stale version with 409', async () => {
    const { version } = await state();
    await refused(vws, { kingdomCountries: ['AW'], version: version - 1 }, 409, 'stale_edit');
  });

  it('refuses ended and unknown organisations, and a lead that is also co-responsible', async () => {
    const { version } = await state();
    await refused(vws, { leadOrganisationId: org.OLDMIN, version }, 400, 'followup.organisation_ended');
    await refused(
      vws,
      { coResponsibleIds: [org.OCW, org.OLDMIN], version },
      400,
      'followup.organisation_ended',
    );
    await refused(
      vws,
      { coResponsibleIds: ['00000000-0000-4000-8000-000000000000'], version },
      400,
      'followup.organisation_unknown',
    );
    await refused(vws, { leadOrganisationId: org.OCW, version }, 400, 'followup.lead_also_co');
    await refused(vws, { kingdomCountries: ['XX'], version }, 400, 'validation');
  });

  it('hands the lead over; the former lead may then no longer change it, the coordinating ministry may', async () => {
    const { version } = await state();
    const res = await patch(vws, { leadOrganisationId: org.JenV, version });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as FollowUp).lead?.code).toBe('JenV');
    expect((res.json() as FollowUp).abilities.changeLead).toBe(false);
    const now = await state();
    expect(now.lead).toBe(org.JenV);
    await refused(
      vws,
      { leadOrganisationId: org.VWS, version: now.version },
      403,
      'followup.responsibility_forbidden',
    );

    const back = await patch(bzk, {
      leadOrganisationId: org.VWS,
      coResponsibleIds: [],
      version: now.version,
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await state()).toMatchObject({ lead: org.VWS, co: [], version: now.version + 1 });
  });

  it('writes nothing when nothing changes', async () => {
    const before = await state();
    const audits = await auditCount();
    const res = await patch(vws, { kingdomCountries: before.kingdom, version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await state()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});
