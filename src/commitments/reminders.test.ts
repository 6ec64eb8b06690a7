import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { runReminderScan } from '../notifications/service.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';

/**
 * The reminders of commitments through the notification scan: the coordinators of the responsible
 * organisation hear of what is overdue or due within two weeks, once a week; what is done is not reminded of.
 */
let t: TestApp;
let bz: Session;
let bzContributor: Session;
let vws: Session;
let bzId: string;

beforeAll(async () => {
  t = await testApp();
  bz = await t.as('coordinator', 'BZ');
  bzContributor = await t.as('contributor', 'BZ');
  vws = await t.as('coordinator', 'VWS');
  bzId = (await t.db.query<{ id: string }>("select id from organisations where code = 'BZ'")).rows[0]!.id;
});
afterAll(() => t?.close());

const notices = async (s: Session) =>
  (
    await t.db.query<{ kind: string; title: string; link: string }>(
      `select kind, title, link from notifications where user_id = $1 and subject_type = 'commitment_due'`,
      [s.userId],
    )
  ).rows;

const add = async (dueOn: string, text: string) => {
  const res = await t.call(bz, 'POST', '/api/commitments', {
    kind: 'toezegging',
    text,
    citation: 'Handelingen II 2019/20, nr. 24, item 24',
    organisationId: bzId,
    madeOn: '2020-01-01',
    dueOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};

describe('commitment reminders', () => {
  it('nothing is reminded of while nothing is near', async () => {
    await add(addDays(today(), 60), 'Later');
    await runReminderScan(t.db, { mailer: null });
    expect(await notices(bz)).toEqual([]);
  });

  it('tells the coordinators of the responsible ministry, once a week', async () => {
    await add(addDays(today(), -2), 'Jaarlijkse brief over de Mensenrechtenraad');
    await add(addDays(today(), 5), 'Brief over de resultaten');
    const done = await add(addDays(today(), -10), 'Al afgedaan');
    await t.call(bz, 'POST', `/api/commitments/${done.id}/status`, {
      status: 'done',
      evidenceCitation: 'Kamerstuk 32 735, nr. 300',
      version: done.version,
    });
    await runReminderScan(t.db, { mailer: null });
    expect(await notices(bz)).toEqual([
      {
        kind: 'overdue',
        title: 'BZ: 1 toezegging(en) of motie(s) verlopen, 1 binnen 14 dagen',
        link: `/commitments?organisationId=${bzId}&overdue=true`,
      },
    ]);
    expect(await notices(bzContributor)).toEqual([]);
    expect(await notices(vws)).toEqual([]);
    await runReminderScan(t.db, { mailer: null });
    expect(await notices(bz)).toHaveLength(1);
  });
});
