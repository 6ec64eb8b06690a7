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

describe('follow-up priorities downloads', () => {
  const rowsOf = (csv: string) =>
    csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));

  it('the .csv and .xlsx hold the rows of the JSON, in its order, with the deadline at its precision', async () => {
    // A position for one, the deadline known to the month, and a text that looks like a formula.
    await t.db.query(`insert into recommendation_positions (id, position) values ($1, 'partly_agrees')`, [
      id.p9,
    ]);
    await t.db.query(
      `update cycle_phases set date_precision = 'month' where cycle_id = $1 and kind = 'follow_up_due'`,
      [id.cycle],
    );
    await t.db.query(`update recommendations set text = '=1+1 is not a formula' where id = $1`, [id.p12]);
    const json = (
      await t.call(s, 'GET', `/api/dashboards/priorities?cycleId=${id.cycle}`)
    ).json() as Priorities;
    expect(json.items.map((i) => i.paragraph)).toEqual(['para 9', 'para 12']);

    const csv = await t.call(s, 'GET', `/api/dashboards/priorities.csv?cycleId=${id.cycle}&lang=nl`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="prioriteiten-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const month = id.due!.slice(0, 7);
    const sent = json.items[0]!.submitted ? 'ja' : 'nee';
    expect(rowsOf(csv.body)).toEqual([
      [
        'Orgaan',
        'Documentkenmerk',
        'Paragraaf',
        'Tekst',
        'Trekker',
        'Standpunt',
        'Laatste status',
        'Termijn follow-up',
        'Te laat',
        'Verzonden',
      ],
      ...json.items.map((i) => [
        'CAT',
        'CAT/C/NLD/CO/8',
        i.paragraph,
        i.paragraph === 'para 12' ? "'=1+1 is not a formula" : 'Recommendation p9',
        'JenV',
        i.paragraph === 'para 9' ? 'deels eens' : '',
        i.paragraph === 'para 9' ? 'Nog geen voortgang' : 'Uitgevoerd',
        month,
        i.overdue ? 'ja' : 'nee',
        sent,
      ]),
    ]);

    const xlsx = await t.call(s, 'GET', `/api/dashboards/priorities.xlsx?cycleId=${id.cycle}&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/filename="priorities-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => v ?? '');
    expect(ws.rowCount).toBe(json.items.length + 1);
    expect(values(1)).toEqual([
      'Body',
      'Symbol',
      'Paragraph',
      'Text',
      'Lead',
      'Position',
      'Latest status',
      'Follow-up due',
      'Overdue',
      'Sent',
    ]);
    expect(json.items.map((_, n) => values(n + 2))).toEqual(
      json.items.map((i) => [
        i.bodyCode,
        i.symbol,
        i.paragraph,
        i.text,
        i.lead,
        i.position === 'partly_agrees' ? 'partly agrees' : '',
        i.latestStatus === 'none' ? 'No progress yet' : 'Implemented',
        month,
        i.overdue ? 'yes' : 'no',
        i.submitted ? 'yes' : 'no',
      ]),
    );
  });

  it('the downloads follow the filters of the search, and ask for a signed-in user', async () => {
    const other = await t.call(s, 'GET', `/api/dashboards/priorities.csv?leadOrganisationId=${id.VWS}`);
    expect(other.statusCode).toBe(200);
    expect(rowsOf(other.body)).toHaveLength(1);
    expect((await t.call(null, 'GET', '/api/dashboards/priorities.csv')).statusCode).toBe(401);
    expect((await t.call(s, 'GET', '/api/dashboards/priorities.pdf')).statusCode).toBe(400);
  });
});
