import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { importNetherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';
import type { ProgressUpdate, Worklist } from './schema.ts';

/**
 * The worklist of a ministry on real UPR recommendations: what it leads and what it shares, and how
 * the count of each view moves as positions are recorded, progress is drafted and approved, and a
 * deadline of a cycle comes near.
 */
const present = uprInfoPresent('the worklist tests');

let t: TestApp;
let vwsContributor: Session;
let vwsCoordinator: Session;
let bzk: Session;
let observer: Session;
let vws: string;
/** Led by VWS. */
let led: string[];
/** Led by OCW, VWS co-responsible. */
let shared: string[];

const orgId = async (code: string) =>
  (await t.db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!.id;

beforeAll(async () => {
  if (!present && process.env.CI !== 'true') return;
  t = await testApp();
  await importNetherlandsUprInfo(t.db, { limit: 60 });
  const ids = (await t.db.query<{ id: string }>('select id from recommendations order by id')).rows.map(
    (r) => r.id,
  );
  led = ids.slice(0, 5);
  shared = ids.slice(5, 8);
  vws = await orgId('VWS');
  // Responsibility is set directly: assigning through the API is another feature's.
  await t.db.query('update recommendations set lead_organisation_id = $1 where id = any($2::uuid[])', [
    vws,
    led,
  ]);
  await t.db.query('update recommendations set lead_organisation_id = $1 where id = any($2::uuid[])', [
    await orgId('OCW'),
    [...shared, ...ids.slice(8, 12)],
  ]);
  await t.db.query(
    `insert into recommendation_co_responsible (recommendation_id, organisation_id)
     select unnest($1::uuid[]), $2::uuid`,
    [shared, vws],
  );
  vwsContributor = await t.as('contributor', 'VWS');
  vwsCoordinator = await t.as('coordinator', 'VWS');
  bzk = await t.as('coordinator', 'BZK');
  observer = await t.as('observer', 'VWS');
});
afterAll(() => t?.close());

const worklist = async (s: Session, query = '') => {
  const res = await t.call(s, 'GET', `/api/followup/worklist${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Worklist;
};

describe.skipIf(!present && process.env.CI !== 'true')('worklist', () => {
  let dueBefore = 0;

  it('lists what the organisation leads and shares, with counts per view', async () => {
    const w = await worklist(vwsCoordinator);
    expect(w.organisation.code).toBe('VWS');
    expect(w.counts).toMatchObject({ all: 8, noPosition: 8, noProgress: 8, toApprove: 0 });
    expect(w.total).toBe(8);
    expect(
      w.items
        .filter((i) => i.role === 'lead')
        .map((i) => i.id)
        .sort(),
    ).toEqual([...led].sort());
    expect(
      w.items
        .filter((i) => i.role === 'co')
        .map((i) => i.id)
        .sort(),
    ).toEqual([...shared].sort());
    expect(w.items[0]).toMatchObject({
      mechanism: 'upr',
      position: null,
      latestStatus: null,
      draftsToApprove: 0,
    });
    dueBefore = w.counts.dueSoon;

    // Pages: the same order, cut in pieces.
    const p2 = await worklist(vwsCoordinator, '?page=2&pageSize=3');
    expect(p2.items.map((i) => i.id)).toEqual(w.items.slice(3, 6).map((i) => i.id));
    expect(p2.total).toBe(8);
    const beyond = await worklist(vwsCoordinator, '?page=9&pageSize=3');
    expect(beyond.items).toEqual([]);
    expect(beyond.counts.all).toBe(8);
  });

  it('counts a recorded position', async () => {
    await t.db.query(
      `insert into recommendation_positions (id, position, explanation) values ($1, 'supported', 'In hand')`,
      [led[0]],
    );
    await t.db.query(
      `insert into recommendation_positions (id, appreciation) values ($1, 'Partly covered by existing policy')`,
      [shared[0]],
    );
    const w = await worklist(vwsCoordinator);
    expect(w.counts.noPosition).toBe(6);
    const view = await worklist(vwsCoordinator, '?view=no_position');
    expect(view.total).toBe(6);
    expect(view.items.map((i) => i.id)).not.toContain(led[0]);
    expect(w.items.find((i) => i.id === led[0])).toMatchObject({
      position: 'supported',
      hasAppreciation: false,
    });
    expect(w.items.find((i) => i.id === shared[0])).toMatchObject({ position: null, hasAppreciation: true });
  });

  it('counts drafts to approve, and approved progress of the last six months', async () => {
    const res = await t.call(vwsContributor, 'POST', `/api/recommendations/${led[1]}/progress`, {
      status: 'partially_implemented',
      text: 'A national action plan is in force.',
      periodEnd: '2025-06-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json() as ProgressUpdate;
    let w = await worklist(vwsCoordinator);
    expect(w.counts).toMatchObject({ toApprove: 1, noProgress: 8 });
    const toApprove = await worklist(vwsCoordinator, '?view=to_approve');
    expect(toApprove.items.map((i) => [i.id, i.draftsToApprove])).toEqual([[led[1], 1]]);

    const ok = await t.call(vwsCoordinator, 'POST', `/api/progress-updates/${u.id}/approve`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    w = await worklist(vwsCoordinator);
    expect(w.counts).toMatchObject({ toApprove: 0, noProgress: 7 });
    expect(w.items.find((i) => i.id === led[1])).toMatchObject({
      latestStatus: 'partially_implemented',
      latestProgressAt: '2025-06-30',
    });
    const noProgress = await worklist(vwsCoordinator, '?view=no_progress');
    expect(noProgress.items.map((i) => i.id)).not.toContain(led[1]);

    // Approved seven months ago: no longer recent progress, though still the latest status.
    await t.db.query('update progress_updates set approved_at = $2::date where id = $1', [
      u.id,
      addMonths(today(), -7),
    ]);
    w = await worklist(vwsCoordinator);
    expect(w.counts.noProgress).toBe(8);
    expect(w.items.find((i) => i.id === led[1])!.latestStatus).toBe('partially_implemented');
  });

  it('counts a recommendation whose cycle has a deadline within 90 days, and lists it first', async () => {
    const due = addDays(today(), 30);
    const cycle = await t.db.query<{ id: string }>(
      `insert into cycles (instrument_id, label, sequence)
       select id, 'Test cycle', 99 from instruments where code = 'CRC' returning id`,
    );
    const cycleId = cycle.rows[0]!.id;
    await t.db.query(`insert into cycle_phases (cycle_id, kind, date) values ($1, 'report_due', $2)`, [
      cycleId,
      due,
    ]);
    await t.db.query('update recommendations set cycle_id = $2 where id = $1', [shared[1], cycleId]);
    const w = await worklist(vwsCoordinator);
    expect(w.counts.dueSoon).toBe(dueBefore + 1);
    expect(w.items[0]).toMatchObject({ id: shared[1], dueDate: due, dueDatePrecision: 'day', role: 'co' });
    const view = await worklist(vwsCoordinator, '?view=due_soon');
    expect(view.items.map((i) => i.id)).toContain(shared[1]);

    // A deadline further away is not due soon.
    await t.db.query(`update cycle_phases set date = $2 where cycle_id = $1`, [
      cycleId,
      addDays(today(), 200),
    ]);
    expect((await worklist(vwsCoordinator)).counts.dueSoon).toBe(dueBefore);
  });

  it("lets anyone signed in read another organisation's worklist, and asks for one when there is none", async () => {
    const own = await worklist(vwsCoordinator);
    const byBzk = await worklist(bzk, `?organisationId=${vws}`);
    expect(byBzk.organisation.code).toBe('VWS');
    expect(byBzk.counts).toEqual(own.counts);
    expect((await worklist(bzk)).counts.all).toBe(0);
    const ocw = await worklist(vwsContributor, `?organisationId=${await orgId('OCW')}`);
    expect(ocw.counts.all).toBe(7);
    expect(ocw.items.filter((i) => i.role === 'lead')).toHaveLength(7);

    const none = await t.call(observer, 'GET', '/api/followup/worklist');
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('followup.worklist_organisation');
    const unknown = await t.call(
      observer,
      'GET',
      `/api/followup/worklist?organisationId=${crypto.randomUUID()}`,
    );
    expect(unknown.statusCode).toBe(404);
    expect((await t.call(null, 'GET', '/api/followup/worklist')).statusCode).toBe(401);
  });
});
