import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Action } from './schema.ts';

/**
 * Actions on recommendations, their indicators and measurements: who may write them, and the bad
 * input that must leave the data as it was (a measurement in the wrong unit or of the wrong kind,
 * a date in the future, a target that is not a count).
 */
let t: TestApp;
let vws: Session;
let ocw: Session;
let vwsContributor: Session;
let ocwContributor: Session;
let bzk: Session;
let org: Record<string, string>;
const recs: string[] = [];

beforeAll(async () => {
  t = await testApp();
  [vws, ocw, vwsContributor, ocwContributor, bzk] = [
    await t.as('coordinator', 'VWS'),
    await t.as('coordinator', 'OCW'),
    await t.as('contributor', 'VWS'),
    await t.as('contributor', 'OCW'),
    await t.as('coordinator', 'BZK'),
  ];
  org = Object.fromEntries(
    (await t.db.query<{ code: string; id: string }>('select code, id from organisations')).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  for (const [i, text] of [
    'Reduce the use of pretrial detention',
    'Guarantee access to a lawyer from the first hour of police custody',
    'Ensure that detained children are held separately from adults',
  ].entries()) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, text, fingerprint)
       values ('treaty_body', 'CAT', 'Netherlands', $1, $2) returning id`,
      [text, `actions-test-${i}`],
    );
    recs.push(r.rows[0]!.id);
  }
});
afterAll(() => t?.close());

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const auditOf = async (type: string, id: string) =>
  (
    await t.db.query<{ action: string }>(
      'select action from audit_events where entity_type = $1 and entity_id = $2 order by id',
      [type, id],
    )
  ).rows.map((r) => r.action);

async function newAction(as = vws, extra: object = {}): Promise<Action> {
  const res = await t.call(as, 'POST', '/api/actions', {
    title: 'Wetsvoorstel beperking voorlopige hechtenis',
    ownerOrganisationId: org.VWS,
    startDate: '2025-01-01',
    endDate: addDays(today(), 30),
    budget: 1250000.5,
    recommendationIds: [recs[0], recs[1]],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Action;
}

describe('actions', () => {
  it('a coordinator of the owner creates one linked to recommendations, audited', async () => {
    const a = await newAction();
    expect(a.owner.code).toBe('VWS');
    expect(a.budget).toBe(1250000.5);
    expect(a.recommendations.map((r) => r.id).sort()).toEqual([recs[0], recs[1]].sort());
    expect(a.abilities).toEqual({ edit: true, delete: true, measure: true, addProgress: true });
    expect(await auditOf('action', a.id)).toEqual(['create', 'update']);
    const list = await t.call(vws, 'GET', `/api/actions?recommendationId=${recs[1]}`);
    expect((list.json() as { items: { id: string; recommendationCount: number }[] }).items).toEqual([
      expect.objectContaining({ id: a.id, recommendationCount: 2 }),
    ]);
  });

  it('another ministry may not create one for VWS, nor change or delete it', async () => {
    const before = await count('actions');
    const res = await t.call(ocw, 'POST', '/api/actions', { title: 'X', ownerOrganisationId: org.VWS });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('action.edit_forbidden');
    const a = await newAction();
    const edit = await t.call(ocw, 'PATCH', `/api/actions/${a.id}`, {
      title: 'Overgenomen',
      version: a.version,
    });
    expect(edit.statusCode).toBe(403);
    const del = await t.call(ocw, 'DELETE', `/api/actions/${a.id}?version=${a.version}`);
    expect(del.statusCode).toBe(403);
    expect(await count('actions')).toBe(before + 1);
    expect((await t.call(vws, 'GET', `/api/actions/${a.id}`)).json().title).toBe(a.title);
    // The coordinating ministry may.
    const bzkEdit = await t.call(bzk, 'PATCH', `/api/actions/${a.id}`, {
      outcome: 'Wet aangenomen',
      version: a.version,
    });
    expect(bzkEdit.statusCode, bzkEdit.body).toBe(200);
  });

  it('refuses a stale edit, unknown recommendations, an ended owner and a period that ends before it starts', async () => {
    const a = await newAction();
    const first = await t.call(vws, 'PATCH', `/api/actions/${a.id}`, { title: 'Eerste', version: a.version });
    expect(first.statusCode).toBe(200);
    const stale = await t.call(vws, 'PATCH', `/api/actions/${a.id}`, { title: 'Tweede', version: a.version });
    expect(stale.statusCode).toBe(409);
    const links = await t.call(vws, 'PATCH', `/api/actions/${a.id}`, {
      recommendationIds: [recs[2], '00000000-0000-4000-8000-000000000000'],
      version: a.version + 1,
    });
    expect(links.statusCode).toBe(400);
    expect(links.json().code).toBe('action.recommendations_unknown');
    const order = await t.call(vws, 'PATCH', `/api/actions/${a.id}`, {
      endDate: '2020-01-01',
      version: a.version + 1,
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().code).toBe('action.period_order');
    const now = (await t.call(vws, 'GET', `/api/actions/${a.id}`)).json() as Action;
    expect(now.title).toBe('Eerste');
    expect(now.recommendations).toHaveLength(2);

    await t.db.query(
      `insert into organisations (code, name_nl, name_en, kind, valid_to) values ('OUD', 'Oud ministerie', 'Old ministry', 'ministry', '2020-01-01')`,
    );
    const oldId = (await t.db.query<{ id: string }>("select id from organisations where code = 'OUD'"))
      .rows[0]!.id;
    const ended = await t.call(bzk, 'POST', '/api/actions', { title: 'X', ownerOrganisationId: oldId });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().code).toBe('organisation.ended');
  });

  it('links only: the version moves on and the change is audited on the action', async () => {
    const a = await newAction();
    const res = await t.call(vws, 'PATCH', `/api/actions/${a.id}`, {
      recommendationIds: [recs[2]],
      version: a.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Action;
    expect(after.version).toBe(a.version + 1);
    expect(after.recommendations.map((r) => r.id)).toEqual([recs[2]]);
    expect(await auditOf('action', a.id)).toEqual(['create', 'update', 'update']);
  });
});

describe('indicators and measurements', () => {
  it('an indicator target must be of its kind of value', async () => {
    const a = await newAction();
    const before = await count('indicators');
    const notCount = await t.call(vws, 'POST', `/api/actions/${a.id}/indicators`, {
      name: 'Minderjarigen in voorlopige hechtenis',
      valueType: 'count',
      unit: 'personen',
      target: 12.5,
    });
    expect(notCount.statusCode).toBe(400);
    expect(JSON.stringify(notCount.json())).toContain('whole number');
    const pct = await t.call(vws, 'POST', `/api/actions/${a.id}/indicators`, {
      name: 'Aandeel',
      valueType: 'percentage',
      unit: '%',
      baseline: 140,
    });
    expect(pct.statusCode).toBe(400);
    expect(await count('indicators')).toBe(before);
  });

  it('measurements: the owner records them in the indicator unit, of its kind, not in the future', async () => {
    const a = await newAction();
    const created = await t.call(vws, 'POST', `/api/actions/${a.id}/indicators`, {
      name: 'Minderjarigen in voorlopige hechtenis',
      valueType: 'count',
      unit: 'personen',
      baseline: 420,
      baselineDate: '2023-12-31',
      target: 200,
      targetDate: '2027-12-31',
      source: 'CBS',
    });
    expect(created.statusCode, created.body).toBe(201);
    const indicator = (created.json() as Action).indicators[0]!;
    const url = `/api/indicators/${indicator.id}/measurements`;
    const before = await count('indicator_measurements');

    const wrongUnit = await t.call(vwsContributor, 'POST', url, {
      measuredOn: '2025-06-30',
      value: 0.35,
      unit: '%',
    });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json()).toMatchObject({
      code: 'action.unit_mismatch',
      params: { unit: '%', expected: 'personen' },
    });
    const wrongKind = await t.call(vwsContributor, 'POST', url, {
      measuredOn: '2025-06-30',
      value: -3,
      unit: 'personen',
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().code).toBe('action.value_type');
    const future = await t.call(vwsContributor, 'POST', url, {
      measuredOn: addDays(today(), 3),
      value: 300,
      unit: 'personen',
    });
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json())).toContain('after today');
    const otherMinistry = await t.call(ocwContributor, 'POST', url, {
      measuredOn: '2025-06-30',
      value: 300,
      unit: 'personen',
    });
    expect(otherMinistry.statusCode).toBe(403);
    expect(await count('indicator_measurements')).toBe(before);

    const ok = await t.call(vwsContributor, 'POST', url, {
      measuredOn: '2025-06-30',
      value: 310,
      unit: 'Personen',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as Action).indicators[0]!.measurements).toEqual([
      expect.objectContaining({ measuredOn: '2025-06-30', value: 310, unit: 'personen' }),
    ]);

    // The target of the wrong kind on an update; the unit no longer changes once measured.
    const badTarget = await t.call(vws, 'PATCH', `/api/indicators/${indicator.id}`, {
      target: 2.5,
      version: 1,
    });
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.json().code).toBe('action.value_type');
    const unit = await t.call(vws, 'PATCH', `/api/indicators/${indicator.id}`, {
      unit: 'dossiers',
      version: 1,
    });
    expect(unit.statusCode).toBe(400);
    const changeType = await t.call(vws, 'PATCH', `/api/indicators/${indicator.id}`, {
      valueType: 'amount',
      version: 1,
    });
    expect(changeType.statusCode).toBe(400);
    const good = await t.call(vws, 'PATCH', `/api/indicators/${indicator.id}`, { target: 150, version: 1 });
    expect(good.statusCode, good.body).toBe(200);
    expect((good.json() as Action).indicators[0]!.target).toBe(150);
  });
});
