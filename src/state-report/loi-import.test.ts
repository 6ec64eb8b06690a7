import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import type { ListOfIssuesImported, StateReport, StateReportSection } from './schema.ts';
import { counts, loiFixture, newCycle, upload } from './test-setup.ts';

let t: TestApp;
let report: StateReport;
let periodic: StateReport;
const url = () => `/api/state-reports/${report.id}/list-of-issues?fileName=CCPR_C_NLD_QPR_6.txt`;

beforeAll(async () => {
  t = await testApp();
  const bzk = await t.as('coordinator');
  const cycle = await newCycle(t, 'ICCPR', 6, 'simplified');
  report = (await t.call(bzk, 'POST', '/api/state-reports', { cycleId: cycle, kind: 'simplified' })).json();
  const cat = await newCycle(t, 'CAT', 8, 'standard');
  periodic = (await t.call(bzk, 'POST', '/api/state-reports', { cycleId: cat, kind: 'periodic' })).json();
});
afterAll(() => t?.close());

describe('importing a list of issues prior to reporting', () => {
  it('refuses a text without numbered questions (422, saying what it found) and writes nothing', async () => {
    const bzk = await t.as('coordinator');
    const before = await counts(t);
    const res = await upload(
      t,
      bzk,
      `/api/state-reports/${report.id}/list-of-issues?fileName=broken.txt`,
      loiFixture('loipr-broken-docx-auto-numbering.txt'),
    );
    expect(res.statusCode, res.body).toBe(422);
    const problem = res.json();
    expect(problem.code).toBe('list_of_issues.no_questions');
    expect(problem.detail).toMatch(
      /^broken\.txt: no numbered questions found; found \d+ headings, 0 numbered/,
    );
    expect(await counts(t)).toEqual(before);
  });

  it('refuses an empty body (400) and a coordinator of another ministry (403), writing nothing', async () => {
    const bzk = await t.as('coordinator');
    const ocw = await t.as('coordinator', 'OCW');
    const before = await counts(t);
    expect((await upload(t, bzk, url(), Buffer.alloc(0))).statusCode).toBe(400);
    const res = await upload(t, ocw, url(), loiFixture('loipr-ccpr-c-nld-qpr-6.txt'));
    expect(res.statusCode).toBe(403);
    expect(await counts(t)).toEqual(before);
  });

  it('refuses a list of issues for a periodic report (422) and one of another committee (422)', async () => {
    const bzk = await t.as('coordinator');
    const p = await upload(
      t,
      bzk,
      `/api/state-reports/${periodic.id}/list-of-issues`,
      loiFixture('loipr-cat-c-nld-qpr-8.txt'),
    );
    expect(p.json()).toMatchObject({ status: 422, code: 'state_report.loi_not_simplified' });
    const other = await upload(t, bzk, url(), loiFixture('loipr-cat-c-nld-qpr-8.txt'));
    expect(other.json()).toMatchObject({ status: 422, code: 'state_report.loi_other_committee' });
  });

  it('makes a section per question, with its sub-questions, articles and concluding-observation paragraphs', async () => {
    const bzk = await t.as('coordinator');
    const res = await upload(t, bzk, url(), loiFixture('loipr-ccpr-c-nld-qpr-6.txt'));
    expect(res.statusCode, res.body).toBe(200);
    const out: ListOfIssuesImported = res.json();
    expect(out.symbol).toBe('CCPR/C/NLD/QPR/6');
    expect(out.questions).toBeGreaterThan(5);
    const keys = out.report.sections.map((s) => s.key);
    expect(keys[0]).toBe('intro');
    expect(keys.at(-1)).toBe('annex-1');
    expect(keys.slice(1, 4)).toEqual(['question-1', 'question-2', 'question-3']);
    expect(keys.filter((k) => k.startsWith('question-'))).toHaveLength(out.questions);
    expect(out.report.loiSymbol).toBe('CCPR/C/NLD/QPR/6');

    const q3 = out.report.sections.find((s) => s.key === 'question-3')!;
    // "With reference to the previous concluding observations (paras. 4 and 6)", under "(art. 2)".
    expect(q3).toMatchObject({ part: 'question', number: '3', articles: ['2'], coParagraphs: ['4', '6'] });
    const q6 = out.report.sections.find((s) => s.key === 'question-6')!;
    expect(q6.coParagraphs).toEqual(['12', '13']);
    const detail: StateReportSection = (
      await t.call(bzk, 'GET', `/api/state-reports/${report.id}/sections/${q3.id}`)
    ).json();
    expect(detail.question).toMatch(/^With reference to the previous concluding observations/);
    expect(detail.question).toMatch(/\(a\)\s+The measures taken to ensure that all the rights/);

    // The list is registered as a document of the cycle.
    const doc = await t.db.query<{ kind: string; cycle_id: string; verified: boolean }>(
      'select kind, cycle_id, verified from documents where id = $1',
      [out.documentId],
    );
    expect(doc.rows[0]).toEqual({ kind: 'list_of_issues', cycle_id: report.cycleId, verified: false });
  });

  it('replaces the questions on a second import, but not once one has text (409, nothing changed)', async () => {
    const bzk = await t.as('coordinator');
    const again = await upload(t, bzk, url(), loiFixture('loipr-ccpr-c-nld-qpr-6.txt'));
    expect(again.statusCode, again.body).toBe(200);
    const out: ListOfIssuesImported = again.json();
    // The document is found by its symbol, not registered twice.
    expect(
      (await t.db.query('select 1 from documents where symbol = $1', ['CCPR/C/NLD/QPR/6'])).rowCount,
    ).toBe(1);
    const q2 = out.report.sections.find((s) => s.key === 'question-2')!;
    const saved = await t.call(bzk, 'PATCH', `/api/state-reports/${report.id}/sections/${q2.id}`, {
      text: 'The Kingdom reports on the implementation of the recommendations.',
      version: q2.version,
    });
    expect(saved.statusCode).toBe(200);
    const before = await counts(t);
    const refused = await upload(t, bzk, url(), loiFixture('loipr-ccpr-c-nld-qpr-6.txt'));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'state_report.questions_in_use' });
    expect(refused.json().detail).toMatch(/question 2 already have text/);
    expect(await counts(t)).toEqual(before);
  });
});
