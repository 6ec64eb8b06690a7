import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { today } from '../core/dates.ts';
import { followUpBacklog } from '../followup/backlog.ts';
import type { ProgressUpdate } from '../followup/schema.ts';
import type { Action } from './schema.ts';

/**
 * Progress on an action (the measure's own): written by a member of its owner organisation,
 * approved by another of its coordinators, never by its author; it does not count as progress of the
 * recommendations the action serves.
 */
let t: TestApp;
let jenv: Session;
let jenvContributor: Session;
let ocwContributor: Session;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  [jenv, jenvContributor, ocwContributor] = [
    await t.as('coordinator', 'JenV'),
    await t.as('contributor', 'JenV'),
    await t.as('contributor', 'OCW'),
  ];
  id.JenV = (
    await t.db.query<{ id: string }>("select id from organisations where code = 'JenV'")
  ).rows[0]!.id;
  id.rec = (
    await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, text, fingerprint, lead_organisation_id)
       values ('treaty_body', 'CAT', 'Netherlands', 'Train prison staff', 'action-progress', $1) returning id`,
      [id.JenV],
    )
  ).rows[0]!.id;
  const action = await t.call(jenv, 'POST', '/api/actions', {
    title: 'Trainingsprogramma',
    ownerOrganisationId: id.JenV,
    recommendationIds: [id.rec],
  });
  expect(action.statusCode, action.body).toBe(201);
  id.action = (action.json() as Action).id;
});
afterAll(() => t?.close());

describe('progress on an action', () => {
  it('a member of the owner organisation writes a draft; another ministry may not', async () => {
    const ability = async (s: Session) =>
      ((await t.call(s, 'GET', `/api/actions/${id.action}`)).json() as Action).abilities.addProgress;
    expect(await ability(jenvContributor)).toBe(true);
    expect(await ability(ocwContributor)).toBe(false);
    const refused = await t.call(ocwContributor, 'POST', `/api/actions/${id.action}/progress`, {
      status: 'in_progress',
      text: 'Niet van ons',
    });
    expect(refused.statusCode).toBe(403);
    const missing = await t.call(jenvContributor, 'POST', `/api/actions/${crypto.randomUUID()}/progress`, {
      status: 'in_progress',
      text: 'Bestaat niet',
    });
    expect(missing.statusCode).toBe(404);
    const draft = await t.call(jenvContributor, 'POST', `/api/actions/${id.action}/progress`, {
      status: 'partially_implemented',
      text: 'De helft van het personeel is getraind.',
      periodEnd: '2026-06-30',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const u = draft.json() as ProgressUpdate;
    expect(u).toMatchObject({ state: 'draft', recommendationId: null, cluster: null });
    id.update = u.id;
    const list = await t.call(jenv, 'GET', `/api/actions/${id.action}/progress`);
    expect((list.json() as ProgressUpdate[]).map((x) => x.id)).toEqual([u.id]);
    const count = await t.db.query<{ n: number }>(
      'select count(*)::int as n from audit_events where entity_type = $1 and entity_id = $2',
      ['progress_update', u.id],
    );
    expect(count.rows[0]!.n).toBe(1);
  });

  it('a draft waiting more than two weeks counts for the owner organisation', async () => {
    await t.db.query("update progress_updates set created_at = now() - interval '20 days' where id = $1", [
      id.update,
    ]);
    const backlog = await followUpBacklog(t.db, today());
    expect(backlog.drafts).toEqual([expect.objectContaining({ code: 'JenV', n: 1 })]);
  });

  it("the owner's coordinator approves it; the recommendation's own progress stays empty", async () => {
    const list = (await t.call(jenv, 'GET', `/api/actions/${id.action}/progress`)).json() as ProgressUpdate[];
    const own = await t.call(jenvContributor, 'POST', `/api/progress-updates/${id.update}/approve`, {
      version: list[0]!.version,
    });
    expect(own.statusCode).toBe(403);
    const ok = await t.call(jenv, 'POST', `/api/progress-updates/${id.update}/approve`, {
      version: list[0]!.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as ProgressUpdate).state).toBe('approved');
    const rec = await t.call(jenv, 'GET', `/api/recommendations/${id.rec}/progress`);
    expect(rec.json()).toEqual([]);
    const summary = await t.db.query(
      'select * from recommendation_progress_summary where latest_status is not null',
    );
    expect(summary.rows).toEqual([]);
  });
});
