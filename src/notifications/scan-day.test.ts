import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { runReminderScan } from './service.ts';

let t: TestApp;
let jenv: Session; // lead of CAT
let bzk: Session;
beforeAll(async () => {
  t = await testApp();
  jenv = await t.as('coordinator', 'JenV');
  bzk = await t.as('coordinator', 'BZK');
});
afterAll(() => t?.close());

const notificationsOf = async (s: Session, cycleId: string) =>
  (
    await t.db.query<{ kind: string; subject_key: string }>(
      'select kind, subject_key from notifications where user_id = $1 and subject_key like $2 order by kind',
      [s.userId, `${cycleId}%`],
    )
  ).rows;

describe('the day the reminder scan counts from', () => {
  it('a scan for a later day sees the deadlines as they stand on that day', async () => {
    const due = addDays(today(), 60);
    const r = await t.db.query<{ id: string }>(
      `insert into cycles (instrument_id, label, sequence)
       select id, 'Testronde later', 950 from instruments where code = 'CAT' returning id`,
    );
    const cycleId = r.rows[0]!.id;
    await t.db.query(`insert into cycle_phases (cycle_id, kind, date) values ($1, 'report_due', $2)`, [
      cycleId,
      due,
    ]);
    // Today the deadline is far away: nothing.
    await runReminderScan(t.db, { mailer: null });
    expect(await notificationsOf(jenv, cycleId)).toEqual([]);
    // Ten days before it: near, for the lead only.
    const near = await runReminderScan(t.db, { mailer: null, today: addDays(due, -10) });
    expect(near.today).toBe(addDays(due, -10));
    expect(await notificationsOf(jenv, cycleId)).toEqual([
      { kind: 'near', subject_key: `${cycleId}:report_due:${due}` },
    ]);
    expect(await notificationsOf(bzk, cycleId)).toEqual([]);
    // Five days after it: overdue, for the lead and the coordinating ministry.
    await runReminderScan(t.db, { mailer: null, today: addDays(due, 5) });
    expect(await notificationsOf(jenv, cycleId)).toEqual([
      { kind: 'near', subject_key: `${cycleId}:report_due:${due}` },
      { kind: 'overdue', subject_key: `${cycleId}:report_due:${due}` },
    ]);
    expect(await notificationsOf(bzk, cycleId)).toEqual([
      { kind: 'overdue', subject_key: `${cycleId}:report_due:${due}` },
    ]);
  });
});
