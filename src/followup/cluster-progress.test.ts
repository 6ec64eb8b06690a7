import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Cluster } from '../clusters/schema.ts';
import type { ProgressDashboard } from '../dashboards/schema.ts';
import type { ProgressUpdate, Worklist } from './schema.ts';

/**
 * Progress on a cluster: written by its owner organisation, approved by another of its
 * coordinators, and counted for each member recommendation (their progress list, the worklist of
 * the ministries that lead them, the dashboard).
 */
let t: TestApp;
let jenv: Session;
let jenvContributor: Session;
let ocwContributor: Session;
let vws: Session;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  [jenv, jenvContributor, ocwContributor, vws] = [
    await t.as('coordinator', 'JenV'),
    await t.as('contributor', 'JenV'),
    await t.as('contributor', 'OCW'),
    await t.as('coordinator', 'VWS'),
  ];
  for (const r of (
    await t.db.query<{ code: string; id: string }>(
      "select code, id from organisations where code in ('JenV', 'VWS', 'OCW')",
    )
  ).rows)
    id[r.code] = r.id;
  for (const [key, lead, text] of [
    ['a', 'VWS', 'Limit pretrial detention of minors'],
    ['b', 'JenV', 'Reduce the length of pretrial detention'],
  ] as const) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, text, fingerprint, lead_organisation_id)
       values ('treaty_body', 'CAT', 'Netherlands', $1, $2, $3) returning id`,
      [text, `cluster-progress-${key}`, id[lead]],
    );
    id[key] = r.rows[0]!.id;
  }
  const cluster = await t.call(jenv, 'POST', '/api/clusters', {
    title: 'Voorlopige hechtenis',
    ownerOrganisationId: id.JenV,
    recommendationIds: [id.a, id.b],
  });
  id.cluster = (cluster.json() as Cluster).id;
});
afterAll(() => t?.close());

const worklist = async (view: string) =>
  (await t.call(vws, 'GET', `/api/followup/worklist?view=${view}`)).json() as Worklist;

describe('progress on a cluster', () => {
  it('only the owner organisation writes it; another coordinator of the owner approves it', async () => {
    const body = { status: 'in_progress', text: 'Wetsvoorstel ingediend', periodEnd: '2025-06-30' };
    const other = await t.call(ocwContributor, 'POST', `/api/clusters/${id.cluster}/progress`, body);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('followup.progress_forbidden');
    const res = await t.call(jenvContributor, 'POST', `/api/clusters/${id.cluster}/progress`, body);
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json() as ProgressUpdate;
    expect(draft).toMatchObject({
      recommendationId: null,
      cluster: { id: id.cluster, title: 'Voorlopige hechtenis' },
    });
    // The cluster's draft waits on the cluster, not in the worklist of a member's lead.
    expect((await worklist('all')).counts.toApprove).toBe(0);
    expect(
      (await t.call(vws, 'POST', `/api/progress-updates/${draft.id}/approve`, { version: 1 })).statusCode,
    ).toBe(403);
    const approved = await t.call(jenv, 'POST', `/api/progress-updates/${draft.id}/approve`, { version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('counts for each member: its progress list, its lead ministry worklist and the dashboard', async () => {
    const list = (
      await t.call(vws, 'GET', `/api/recommendations/${id.a}/progress`)
    ).json() as ProgressUpdate[];
    expect(list.map((u) => [u.cluster?.title, u.state, u.status])).toEqual([
      ['Voorlopige hechtenis', 'approved', 'in_progress'],
    ]);
    const w = await worklist('no_progress');
    expect(w.counts.all).toBe(1);
    expect(w.counts.noProgress).toBe(0);
    expect((await worklist('all')).items[0]).toMatchObject({ id: id.a, latestStatus: 'in_progress' });
    const d = (
      await t.call(vws, 'GET', `/api/dashboards/progress?groupBy=ministry&bodyCode=CAT`)
    ).json() as ProgressDashboard;
    expect(d.totals).toMatchObject({ in_progress: 2, none: 0 });
    const clusterList = (
      await t.call(vws, 'GET', `/api/clusters/${id.cluster}/progress`)
    ).json() as ProgressUpdate[];
    expect(clusterList).toHaveLength(1);
  });
});
