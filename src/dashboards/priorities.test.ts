import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Overdue, Priorities } from './schema.ts';

/**
 * The follow-up priorities of treaty bodies with the deadline of their follow-up report, and what is
 * overdue: actions past their end date, recommendations without recent progress, drafts waiting.
 */
let t: TestApp;
let s: Session;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  s = await t.as('coordinator', 'JenV');
  const author = await t.as('contributor', 'JenV');
  for (const r of (
    await t.db.query<{ code: string; id: string }>(
      "select code, id from organisations where code in ('JenV', 'VWS')",
    )
  ).rows)
    id[r.code] = r.id;
  const cycle = await t.db.query<{ id: string; instrument_id: string }>(
    `insert into cycles (instrument_id, label, sequence)
     select id, 'Testronde follow-up', 951 from instruments where code = 'CAT' returning id, instrument_id`,
  );
  id.cycle = cycle.rows[0]!.id;
  const due = addDays(today(), -30);
  await t.db.query(`insert into cycle_phases (cycle_id, kind, date) values ($1, 'follow_up_due', $2)`, [
    id.cycle,
    due,
  ]);
  id.due = due;
  for (const [key, followUp, paragraph] of [
    ['p12', true, 'para 12'],
    ['p9', true, 'para 9'],
    ['plain', false, 'para 20'],
  ] as const) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, symbol, paragraph, cycle_id, instrument_id, follow_up,
                                    lead_organisation_id, state_under_review, text, fingerprint)
       values ('treaty_body', 'CAT', 'CAT/C/NLD/CO/8', $1, $2, $3, $4, $5, 'Netherlands', $6, $7) returning id`,
      [
        paragraph,
        id.cycle,
        cycle.rows[0]!.instrument_id,
        followUp,
        id.JenV,
        `Recommendation ${key}`,
        `prio-${key}`,
      ],
    );
    id[key] = r.rows[0]!.id;
  }
  await t.db.query(
    `insert into progress_updates (recommendation_id, status, text, state, created_by, approved_by, approved_at, created_at)
     values ($1, 'implemented', 'Gedaan', 'approved', $2, $3, now(), now()),
            ($4, 'in_progress', 'Concept', 'draft', $2, null, null, now() - interval '20 days')`,
    [id.p12, author.userId, s.userId, id.p9],
  );
  await t.db.query(
    `insert into actions (title, owner_organisation_id, end_date) values ('Verlopen maatregel', $1, $2),
       ('Lopende maatregel', $1, $3)`,
    [id.JenV, addDays(today(), -1), addDays(today(), 10)],
  );
});
afterAll(() => t?.close());

describe('follow-up priorities', () => {
  it('lists the paragraphs marked for follow-up with their deadline, overdue until the report is sent', async () => {
    const res = await t.call(s, 'GET', `/api/dashboards/priorities?cycleId=${id.cycle}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Priorities;
    expect(p.items.map((i) => [i.paragraph, i.latestStatus, i.dueDate, i.overdue, i.lead])).toEqual([
      ['para 9', 'none', id.due, true, 'JenV'],
      ['para 12', 'implemented', id.due, true, 'JenV'],
    ]);
    await t.db.query(
      `insert into cycle_phases (cycle_id, kind, date) values ($1, 'follow_up_submitted', $2)`,
      [id.cycle, today()],
    );
    const after = (
      await t.call(s, 'GET', `/api/dashboards/priorities?cycleId=${id.cycle}`)
    ).json() as Priorities;
    expect(after.items.every((i) => i.submitted && !i.overdue)).toBe(true);
  });

  it('what is overdue: actions past their end, recommendations without progress, drafts waiting', async () => {
    const res = await t.call(s, 'GET', '/api/dashboards/overdue');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as Overdue;
    expect(o.actions.map((a) => [a.title, a.owner])).toEqual([['Verlopen maatregel', 'JenV']]);
    expect(o.actionsTotal).toBe(1);
    // p9 and plain have no approved progress; p12 has.
    expect(o.withoutProgress).toEqual([expect.objectContaining({ code: 'JenV', count: 2 })]);
    expect(o.draftsWaiting).toEqual([expect.objectContaining({ code: 'JenV', count: 1 })]);
  });
});
