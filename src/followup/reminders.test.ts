import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../core/dates.ts';
import { runReminderScan } from '../notifications/service.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';

/**
 * The follow-up's reminders: drafts waiting for approval longer than two weeks, and recommendations
 * without approved progress for six months, one notice per organisation to its coordinators.
 */
let t: TestApp;
let vws: Session; // coordinator
let vwsContributor: Session;
let ocw: Session; // coordinator of another ministry
let vwsId: string;
const recs: string[] = [];

beforeAll(async () => {
  t = await testApp();
  vws = await t.as('coordinator', 'VWS');
  vwsContributor = await t.as('contributor', 'VWS');
  ocw = await t.as('coordinator', 'OCW');
  vwsId = (await t.db.query<{ id: string }>("select id from organisations where code = 'VWS'")).rows[0]!.id;
  for (const [i, text] of [
    'Ensure access to health care for undocumented migrants',
    'Strengthen the protection of children in youth care',
    'Combat discrimination in the labour market',
  ].entries()) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, state_under_review, text, fingerprint, lead_organisation_id)
       values ('upr', 'Netherlands', $1, $2, $3) returning id`,
      [text, `reminder-test-${i}`, vwsId],
    );
    recs.push(r.rows[0]!.id);
  }
});
afterAll(() => t?.close());

const noticesOf = async (s: Session, subjectType: string) =>
  (
    await t.db.query<{ subject_key: string; title: string; link: string }>(
      'select subject_key, title, link from notifications where user_id = $1 and subject_type = $2 order by subject_key',
      [s.userId, subjectType],
    )
  ).rows;

const addUpdate = (rec: string, state: 'draft' | 'approved', createdAt: string) =>
  t.db.query(
    `insert into progress_updates (recommendation_id, status, text, state, organisation_id, created_by,
                                   approved_by, approved_at, created_at)
     values ($1, 'in_progress', 'Wetsvoorstel in consultatie', $2, $3, $4,
             case when $2 = 'approved' then $5::uuid end, case when $2 = 'approved' then $6::timestamptz end, $6)`,
    [rec, state, vwsId, vwsContributor.userId, vws.userId, createdAt],
  );

describe('follow-up reminders', () => {
  it('tells the lead coordinators of recommendations without approved progress, once a month', async () => {
    await runReminderScan(t.db, { mailer: null });
    const month = today().slice(0, 7);
    expect(await noticesOf(vws, 'progress_stale')).toEqual([
      {
        subject_key: `${vwsId}:${month}`,
        title: 'VWS: 3 aanbeveling(en) zonder recente voortgang',
        link: `/worklist?organisationId=${vwsId}&view=no_progress`,
      },
    ]);
    // Not the contributor, not another ministry.
    expect(await noticesOf(vwsContributor, 'progress_stale')).toEqual([]);
    expect(await noticesOf(ocw, 'progress_stale')).toEqual([]);
    // A second scan in the same month adds nothing.
    await runReminderScan(t.db, { mailer: null });
    expect(await noticesOf(vws, 'progress_stale')).toHaveLength(1);
  });

  it('counts only recommendations whose last approved update is older than six months', async () => {
    await addUpdate(recs[0]!, 'approved', addDays(today(), -10));
    await addUpdate(recs[1]!, 'approved', addMonths(today(), -7));
    const nextMonth = addMonths(today(), 1);
    await runReminderScan(t.db, { mailer: null, today: nextMonth });
    const notices = await noticesOf(vws, 'progress_stale');
    expect(notices).toHaveLength(2);
    expect(notices.find((n) => n.subject_key === `${vwsId}:${nextMonth.slice(0, 7)}`)?.title).toBe(
      'VWS: 2 aanbeveling(en) zonder recente voortgang',
    );
  });

  it('tells the coordinators of drafts waiting longer than two weeks, not of newer ones', async () => {
    await addUpdate(recs[2]!, 'draft', addDays(today(), -3));
    await runReminderScan(t.db, { mailer: null });
    expect(await noticesOf(vws, 'progress_draft')).toEqual([]);
    await addUpdate(recs[2]!, 'draft', addDays(today(), -20));
    // A co-responsible organisation's coordinators hear of it too.
    const ocwId = (await t.db.query<{ id: string }>("select id from organisations where code = 'OCW'"))
      .rows[0]!.id;
    await t.db.query(
      'insert into recommendation_co_responsible (recommendation_id, organisation_id) values ($1, $2)',
      [recs[2], ocwId],
    );
    await runReminderScan(t.db, { mailer: null });
    const [notice] = await noticesOf(vws, 'progress_draft');
    expect(notice?.title).toBe('VWS: 1 voortgangsupdate(s) wachten op goedkeuring');
    expect(notice?.link).toBe(`/worklist?organisationId=${vwsId}&view=to_approve`);
    expect((await noticesOf(ocw, 'progress_draft')).map((n) => n.title)).toEqual([
      'OCW: 1 voortgangsupdate(s) wachten op goedkeuring',
    ]);
    expect(await noticesOf(vwsContributor, 'progress_draft')).toEqual([]);
    // Once approved, the next week's scan says nothing.
    await t.db.query(
      `update progress_updates set state = 'approved', approved_by = $1, approved_at = now() where state = 'draft'`,
      [vws.userId],
    );
    await runReminderScan(t.db, { mailer: null, today: addDays(today(), 7) });
    expect(await noticesOf(vws, 'progress_draft')).toHaveLength(1);
  });

  it('tells the owner coordinators of actions ending within two weeks or ended without an outcome', async () => {
    await t.db.query(
      `insert into actions (title, owner_organisation_id, end_date, outcome) values
         ('Bijna klaar', $1, $2, null), ('Verlopen', $1, $3, null), ('Afgerond', $1, $3, 'Wet aangenomen'),
         ('Later', $1, $4, null)`,
      [vwsId, addDays(today(), 5), addDays(today(), -3), addDays(today(), 60)],
    );
    await runReminderScan(t.db, { mailer: null });
    const notices = await noticesOf(vws, 'action_due');
    expect(notices.map((n) => n.title)).toEqual(['VWS: 1 maatregel(en) verlopen, 1 binnen 14 dagen']);
    expect(notices[0]!.link).toBe(`/actions?organisationId=${vwsId}`);
    expect(await noticesOf(ocw, 'action_due')).toEqual([]);
    expect(await noticesOf(vwsContributor, 'action_due')).toEqual([]);
  });
});
