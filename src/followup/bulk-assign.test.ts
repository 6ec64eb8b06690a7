import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { importNetherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';

/**
 * Assigning many recommendations at once: by ids or by a search, all or nothing, one audit row per
 * recommendation that changed and none for the others, the 10,000 limit, and 10,000 in a few statements.
 */
const present = uprInfoPresent('the bulk assignment tests');

let t: TestApp;
let bzk: Session;
let vws: Session;
let upr: string[];
const org: Record<string, string> = {};

const assign = (s: Session, body: object) => t.call(s, 'POST', '/api/followup/assign', body);
const n = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = () => n("select count(*)::int as n from audit_events where entity_type = 'recommendation'");
/** Everything an assignment writes, to check that a refused one wrote nothing. */
const snapshot = async () => ({
  audits: await audits(),
  digest: (
    await t.db.query<{ d: string }>(
      `select md5(string_agg(r.id || ':' || coalesce(r.lead_organisation_id::text, '-') || ':' ||
                             array_to_string(r.kingdom_countries, ',') || ':' || r.version || ':' ||
                             array_to_string(array(select organisation_id::text from recommendation_co_responsible c
                                                    where c.recommendation_id = r.id order by 1), ','),
                             ';' order by r.id)) as d
         from recommendations r`,
    )
  ).rows[0]!.d,
});

/** Counts the statements the transactions send until stopped. */
function countStatements() {
  const db = t.db;
  const transaction = db.transaction.bind(db);
  const counter = { count: 0, stop: () => void (db.transaction = transaction) };
  db.transaction = (fn) =>
    transaction((tx) => {
      const query = tx.query.bind(tx);
      tx.query = ((sql: string, params?: unknown[]) => {
        counter.count++;
        return query(sql, params);
      }) as typeof tx.query;
      return fn(tx);
    });
  return counter;
}

async function refused(s: Session, body: object, status: number, code: string) {
  const before = await snapshot();
  const res = await assign(s, body);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().code).toBe(code);
  expect(await snapshot()).toEqual(before);
  return res.json() as { code: string; params: Record<string, unknown> };
}

beforeAll(async () => {
  if (!present) return;
  t = await testApp();
  await importNetherlandsUprInfo(t.db, { limit: 300 });
  upr = (
    await t.db.query<{ id: string }>("select id from recommendations where mechanism = 'upr' order by id")
  ).rows.map((r) => r.id);
  for (const code of ['VWS', 'OCW', 'JenV']) {
    const r = await t.db.query<{ id: string }>('select id from organisations where code = $1', [code]);
    org[code] = r.rows[0]!.id;
  }
  bzk = await t.as('coordinator', 'BZK');
  vws = await t.as('coordinator', 'VWS');
}, 120_000);
afterAll(() => t?.close());

describe.skipIf(!present)('assigning in bulk', () => {
  it('assigns the ids given, with one audit row per recommendation changed and none for the unchanged', async () => {
    const ids = upr.slice(0, 5);
    // One already has part of it: a Kingdom country, which stays first.
    await t.db.query("update recommendations set kingdom_countries = '{AW}' where id = $1", [ids[0]]);
    const before = await audits();
    const body = {
      ids,
      leadOrganisationId: org.VWS,
      addCoResponsibleIds: [org.OCW],
      addKingdomCountries: ['NL', 'AW'],
    };
    const res = await assign(bzk, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ assigned: 5, unchanged: 0 });
    expect(await audits()).toBe(before + 5);
    const audit = (
      await t.db.query<{ before: object; after: object }>(
        "select before, after from audit_events where entity_type = 'recommendation' and entity_id = $1 order by id desc limit 1",
        [ids[0]],
      )
    ).rows[0]!;
    expect(audit.before).toEqual({
      leadOrganisationId: null,
      coResponsibleIds: [],
      kingdomCountries: ['AW'],
    });
    expect(audit.after).toEqual({
      leadOrganisationId: org.VWS,
      coResponsibleIds: [org.OCW],
      kingdomCountries: ['AW', 'NL'],
    });
    const rows = await t.db.query<{ lead: string; kingdom: string[]; version: number }>(
      'select lead_organisation_id as lead, kingdom_countries as kingdom, version from recommendations where id = any($1::uuid[]) order by id',
      [ids],
    );
    expect(rows.rows.map((r) => r.lead)).toEqual(ids.map(() => org.VWS));
    expect(rows.rows.map((r) => r.kingdom)).toEqual([
      ['AW', 'NL'],
      ['NL', 'AW'],
      ['NL', 'AW'],
      ['NL', 'AW'],
      ['NL', 'AW'],
    ]);
    expect(
      await n(
        'select count(*)::int as n from recommendation_co_responsible where recommendation_id = any($1::uuid[])',
        [ids],
      ),
    ).toBe(5);

    // The same again changes nothing and records nothing; one more id is the only one changed.
    const versions = rows.rows.map((r) => r.version);
    const again = await assign(bzk, { ...body, ids: [...ids, upr[5]] });
    expect(again.json()).toEqual({ assigned: 1, unchanged: 5 });
    expect(await audits()).toBe(before + 6);
    const after = await t.db.query<{ version: number }>(
      'select version from recommendations where id = any($1::uuid[]) order by id',
      [ids],
    );
    expect(after.rows.map((r) => r.version)).toEqual(versions);
  });

  it('assigns every hit of a search', async () => {
    const search = { q: 'children', state: 'Netherlands' };
    const hits = await t.call(bzk, 'GET', '/api/recommendations?q=children&state=Netherlands&pageSize=1');
    const total = (hits.json() as { total: number }).total;
    expect(total).toBeGreaterThan(2);
    const res = await assign(bzk, { search, leadOrganisationId: org.JenV });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as { assigned: number; unchanged: number };
    expect(result.assigned + result.unchanged).toBe(total);
    expect(result.assigned).toBeGreaterThan(0);
    // Who is responsible is a filter for those signed in only.
    const led = await t.call(
      bzk,
      'GET',
      `/api/recommendations?q=children&state=Netherlands&leadOrganisationId=${org.JenV}&pageSize=1`,
    );
    expect((led.json() as { total: number }).total).toBe(total);
  });

  it('lets a VWS coordinator reassign only what VWS leads: 403 with the count, nothing saved', async () => {
    const vwsLed = (
      await t.db.query<{ id: string }>(
        'select id from recommendations where lead_organisation_id = $1 order by id',
        [org.VWS],
      )
    ).rows.map((r) => r.id);
    const others = (
      await t.db.query<{ id: string }>(
        'select id from recommendations where lead_organisation_id is distinct from $1 order by id limit 3',
        [org.VWS],
      )
    ).rows.map((r) => r.id);
    const refusal = await refused(
      vws,
      { ids: [...vwsLed, ...others], leadOrganisationId: org.OCW },
      403,
      'followup.assign_forbidden',
    );
    expect(refusal.params.count).toBe(3);
    const ok = await assign(vws, { ids: vwsLed, leadOrganisationId: org.VWS, addKingdomCountries: ['SX'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as { assigned: number }).assigned).toBe(vwsLed.length);
  });

  it('refuses unknown ids, an empty selection and an ended organisation, saving nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    const r = await refused(
      bzk,
      { ids: [upr[0], unknown], leadOrganisationId: org.VWS },
      400,
      'followup.unknown_recommendations',
    );
    expect(r.params.ids).toContain(unknown);
    await refused(
      bzk,
      { search: { q: 'qqzzxxvv' }, leadOrganisationId: org.VWS },
      400,
      'followup.nothing_selected',
    );
    const ended = await t.db.query<{ id: string }>(
      `insert into organisations (code, name_nl, name_en, kind, valid_from, valid_to)
       values ('GONE', 'Opgeheven', 'Abolished', 'ministry', '1990-01-01', '2012-06-30') returning id`,
    );
    await refused(
      bzk,
      { ids: [upr[0]], leadOrganisationId: ended.rows[0]!.id },
      400,
      'followup.organisation_ended',
    );
    await refused(
      bzk,
      { ids: [upr[0]], leadOrganisationId: org.VWS, addCoResponsibleIds: [org.VWS] },
      400,
      'followup.lead_also_co',
    );
    await refused(
      bzk,
      { ids: [upr[0]], search: { q: 'children' }, leadOrganisationId: org.VWS },
      400,
      'validation',
    );
  });

  it('refuses more than 10,000 and assigns 10,000 in a few statements', async () => {
    // 10,001 recommendations made in SQL, all of one treaty body.
    await t.db.query(
      `insert into recommendations (mechanism, body_code, state_under_review, text, fingerprint)
       select 'treaty_body', 'BULKTEST', 'Netherlands', 'Generated recommendation number ' || g, 'bulktest-' || g
         from generate_series(1, 10001) as g`,
    );
    const tooMany = await refused(
      bzk,
      { search: { bodyCode: 'BULKTEST' }, leadOrganisationId: org.OCW },
      400,
      'followup.too_many',
    );
    expect(tooMany.params).toEqual({ count: 10001, limit: 10000 });
    const all = (
      await t.db.query<{ id: string }>(
        "select id::text as id from recommendations where body_code = 'BULKTEST' order by id",
      )
    ).rows.map((r) => r.id);
    await refused(bzk, { ids: all, leadOrganisationId: org.OCW }, 400, 'validation');

    const before = await audits();
    const statements = countStatements();
    const started = performance.now();
    const res = await assign(bzk, {
      ids: all.slice(0, 10_000),
      leadOrganisationId: org.OCW,
      addCoResponsibleIds: [org.VWS],
      addKingdomCountries: ['NL'],
    });
    const ms = performance.now() - started;
    statements.stop();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ assigned: 10_000, unchanged: 0 });
    // Set-based: a handful of statements however many recommendations (the time is the bench's to
    // judge, on an idle machine: npm run bench -- followup).
    console.info(`bulk assignment of 10,000: ${Math.round(ms)} ms, ${statements.count} statements`);
    expect(statements.count).toBeLessThanOrEqual(10);
    expect(await audits()).toBe(before + 10_000);
    expect(
      await n(
        "select count(*)::int as n from recommendations where body_code = 'BULKTEST' and lead_organisation_id = $1",
        [org.OCW],
      ),
    ).toBe(10_000);
  }, 120_000);
});
