import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { importNetherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';
import type { ProgressUpdate } from './schema.ts';

/**
 * Progress updates on real UPR recommendations: a member of a responsible organisation drafts, only
 * the author changes a draft, a coordinator of a responsible organisation (never the author) approves,
 * and whatever is refused leaves nothing behind.
 */
const present = uprInfoPresent('the progress tests');

let t: TestApp;
let vwsContributor: Session;
let vwsCoordinator: Session;
let ocwContributor: Session;
let ocwCoordinator: Session;
let bzk: Session;
let observer: Session;
/** Led by VWS, OCW co-responsible. */
let shared: string;
/** Led by VWS alone. */
let vwsOnly: string;

const orgId = async (code: string) =>
  (await t.db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!.id;
const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(sql, params)).rows[0]!.n;

beforeAll(async () => {
  if (!present && process.env.CI !== 'true') return;
  t = await testApp();
  await importNetherlandsUprInfo(t.db, { limit: 40 });
  const ids = (await t.db.query<{ id: string }>('select id from recommendations order by id limit 2')).rows;
  shared = ids[0]!.id;
  vwsOnly = ids[1]!.id;
  const vws = await orgId('VWS');
  await t.db.query('update recommendations set lead_organisation_id = $1 where id = any($2::uuid[])', [
    vws,
    [shared, vwsOnly],
  ]);
  await t.db.query(
    'insert into recommendation_co_responsible (recommendation_id, organisation_id) values ($1, $2)',
    [shared, await orgId('OCW')],
  );
  vwsContributor = await t.as('contributor', 'VWS');
  vwsCoordinator = await t.as('coordinator', 'VWS');
  ocwContributor = await t.as('contributor', 'OCW');
  ocwCoordinator = await t.as('coordinator', 'OCW');
  bzk = await t.as('coordinator', 'BZK');
  observer = await t.as('observer', 'VWS');
});
afterAll(() => t?.close());

const draft = async (s: Session, recommendationId: string, body: object = {}) => {
  const res = await t.call(s, 'POST', `/api/recommendations/${recommendationId}/progress`, {
    status: 'in_progress',
    text: 'The youth care act was amended; a bill is before parliament.',
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ProgressUpdate;
};
const progressCount = () => count('select count(*)::int as n from progress_updates');

describe.skipIf(!present && process.env.CI !== 'true')('progress updates', () => {
  it('a contributor of the lead organisation drafts, audited; drafts are listed for everyone signed in', async () => {
    const u = await draft(vwsContributor, vwsOnly, {
      evidenceLinks: ['https://www.rijksoverheid.nl/jeugdzorg'],
    });
    expect(u).toMatchObject({
      recommendationId: vwsOnly,
      state: 'draft',
      status: 'in_progress',
      organisation: { code: 'VWS' },
      createdBy: { id: vwsContributor.userId, name: 'contributor VWS' },
      approvedBy: null,
      version: 1,
      abilities: { edit: true, delete: true, approve: false },
    });
    const audit = await t.db.query<{ action: string; entity_type: string }>(
      'select action, entity_type from audit_events where entity_id = $1',
      [u.id],
    );
    expect(audit.rows).toEqual([{ action: 'create', entity_type: 'progress_update' }]);

    const older = await draft(vwsContributor, vwsOnly, {
      periodStart: '2024-01-01',
      periodEnd: '2024-06-30',
    });
    const list = await t.call(observer, 'GET', `/api/recommendations/${vwsOnly}/progress`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json() as ProgressUpdate[];
    expect(items.map((i) => i.id)).toEqual([u.id, older.id]);
    expect(items[0]!.abilities).toEqual({ edit: false, delete: false, approve: false });
    // A coordinator of the lead organisation sees that they may approve it.
    const seen = (await t.call(vwsCoordinator, 'GET', `/api/recommendations/${vwsOnly}/progress`)).json();
    expect((seen as ProgressUpdate[])[0]!.abilities.approve).toBe(true);
  });

  it('refuses a contributor whose organisation is not responsible, and saves nothing', async () => {
    const before = await progressCount();
    const res = await t.call(ocwContributor, 'POST', `/api/recommendations/${vwsOnly}/progress`, {
      status: 'implemented',
      text: 'Done.',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('followup.progress_forbidden');
    expect(await progressCount()).toBe(before);
    // Co-responsible for the other one, OCW may write there.
    const ok = await draft(ocwContributor, shared);
    expect(ok.organisation?.code).toBe('OCW');
    const missing = await t.call(
      vwsContributor,
      'POST',
      `/api/recommendations/${crypto.randomUUID()}/progress`,
      {
        status: 'implemented',
        text: 'Done.',
      },
    );
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a period that ends in the future or before it starts, with a field error', async () => {
    const before = await progressCount();
    const res = await t.call(vwsContributor, 'POST', `/api/recommendations/${vwsOnly}/progress`, {
      status: 'in_progress',
      text: 'Planned work.',
      periodEnd: addDays(today(), 10),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.periodEnd');
    expect(await progressCount()).toBe(before);

    // An edit is checked as the row will be after it: a start after the end already saved.
    const u = await draft(vwsContributor, vwsOnly, { periodStart: '2025-01-01', periodEnd: '2025-03-31' });
    const bad = await t.call(vwsContributor, 'PATCH', `/api/progress-updates/${u.id}`, {
      periodStart: '2025-05-01',
      version: 1,
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'body.periodEnd' })]);
    const row = await t.db.query('select period_start, version from progress_updates where id = $1', [u.id]);
    expect(row.rows[0]).toEqual({ period_start: '2025-01-01', version: 1 });
  });

  it('lets the author change their draft, not another contributor; a stale version is refused', async () => {
    const u = await draft(vwsContributor, shared);
    const other = await t.call(ocwContributor, 'PATCH', `/api/progress-updates/${u.id}`, {
      text: 'Overwritten',
      version: 1,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('followup.progress_edit_forbidden');
    const gone = await t.call(ocwContributor, 'DELETE', `/api/progress-updates/${u.id}?version=1`);
    expect(gone.statusCode).toBe(403);

    const edited = await t.call(vwsContributor, 'PATCH', `/api/progress-updates/${u.id}`, {
      status: 'partially_implemented',
      periodEnd: null,
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'partially_implemented', periodEnd: null, version: 2 });

    const stale = await t.call(vwsContributor, 'PATCH', `/api/progress-updates/${u.id}`, {
      text: 'Based on what I saw first',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
    const staleDelete = await t.call(vwsContributor, 'DELETE', `/api/progress-updates/${u.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);

    const deleted = await t.call(vwsContributor, 'DELETE', `/api/progress-updates/${u.id}?version=2`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await count('select count(*)::int as n from progress_updates where id = $1', [u.id])).toBe(0);
    expect(
      await count(
        `select count(*)::int as n from audit_events
          where entity_id = $1 and entity_type = 'progress_update' and action = 'delete'`,
        [u.id],
      ),
    ).toBe(1);
  });

  it('never lets the author approve, even a coordinator', async () => {
    const own = await draft(vwsCoordinator, vwsOnly);
    expect(own.abilities.approve).toBe(false);
    const res = await t.call(vwsCoordinator, 'POST', `/api/progress-updates/${own.id}/approve`, {
      version: 1,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('followup.approve_own');
    const row = await t.db.query('select state, approved_by from progress_updates where id = $1', [own.id]);
    expect(row.rows[0]).toEqual({ state: 'draft', approved_by: null });
    // The coordinating ministry may approve it.
    const byBzk = await t.call(bzk, 'POST', `/api/progress-updates/${own.id}/approve`, { version: 1 });
    expect(byBzk.statusCode, byBzk.body).toBe(200);
  });

  it("lets a coordinator of a responsible organisation approve a contributor's draft, and then it is final", async () => {
    const u = await draft(vwsContributor, vwsOnly);
    // OCW is not responsible for this one.
    const outsider = await t.call(ocwCoordinator, 'POST', `/api/progress-updates/${u.id}/approve`, {
      version: 1,
    });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('followup.approve_forbidden');
    const contributor = await t.call(ocwContributor, 'POST', `/api/progress-updates/${u.id}/approve`, {
      version: 1,
    });
    expect(contributor.statusCode).toBe(403);

    const stale = await t.call(vwsCoordinator, 'POST', `/api/progress-updates/${u.id}/approve`, {
      version: 3,
    });
    expect(stale.statusCode).toBe(409);
    const res = await t.call(vwsCoordinator, 'POST', `/api/progress-updates/${u.id}/approve`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const approved = res.json() as ProgressUpdate;
    expect(approved).toMatchObject({
      state: 'approved',
      approvedBy: { id: vwsCoordinator.userId, name: 'coordinator VWS' },
      version: 2,
      abilities: { edit: false, delete: false, approve: false },
    });
    expect(approved.approvedAt).toBeTruthy();
    const audit = await t.db.query<{ after: { state: string; approvedBy: string } }>(
      `select after from audit_events where entity_id = $1 and action = 'update'`,
      [u.id],
    );
    expect(audit.rows[0]!.after).toMatchObject({ state: 'approved', approvedBy: vwsCoordinator.userId });

    const again = await t.call(bzk, 'POST', `/api/progress-updates/${u.id}/approve`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('followup.already_approved');
    const edit = await t.call(vwsContributor, 'PATCH', `/api/progress-updates/${u.id}`, {
      text: 'Rewritten after approval',
      version: 2,
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('followup.progress_edit_forbidden');
    const del = await t.call(vwsContributor, 'DELETE', `/api/progress-updates/${u.id}?version=2`);
    expect(del.statusCode).toBe(403);
    const row = await t.db.query('select text, state from progress_updates where id = $1', [u.id]);
    expect(row.rows[0]).toMatchObject({ state: 'approved' });
  });
});
