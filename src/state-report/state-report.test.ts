import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import type { StateReport, StateReportSection } from './schema.ts';
import { counts, newCycle } from './test-setup.ts';

let t: TestApp;
let catCycle: string;
let ccprCycle: string;
let periodic: StateReport;
let simplified: StateReport;

beforeAll(async () => {
  t = await testApp();
  // CAT's 8th report the standard way, CCPR's 6th under the simplified procedure (CCPR/C/NLD/CO/5, para. 15).
  catCycle = await newCycle(t, 'CAT', 8, 'standard');
  ccprCycle = await newCycle(t, 'ICCPR', 6, 'simplified');
});
afterAll(() => t?.close());

describe('making a state report', () => {
  it('makes a periodic report with a section per article of the treaty, from the reference data', async () => {
    const bzk = await t.as('coordinator');
    const res = await t.call(bzk, 'POST', '/api/state-reports', { cycleId: catCycle, kind: 'periodic' });
    expect(res.statusCode, res.body).toBe(201);
    periodic = res.json();
    expect(periodic).toMatchObject({ instrumentCode: 'CAT', kind: 'periodic', words: 0, overLimit: false });
    expect(periodic.sections.map((s) => s.key)).toEqual([
      'intro',
      ...Array.from({ length: 16 }, (_, i) => `article-${i + 1}`),
      'annex-1',
    ]);
    expect(periodic.sections.find((s) => s.key === 'article-3')).toMatchObject({
      part: 'article',
      number: '3',
      heading: 'Article 3: Non-refoulement',
      articles: ['3'],
      words: 0,
      requests: 0,
    });
    // The previous cycle (CAT 7) has concluding observations: CAT/C/NLD/CO/7.
    expect(periodic.previousCoSymbol).toBe('CAT/C/NLD/CO/7');
    expect(periodic.wordLimit).toMatchObject({ kind: 'periodic_report', words: 21200, verified: false });
    expect(periodic.wordLimit.source).toMatch(/68\/268/);
    expect(periodic.abilities).toEqual({ manage: true, contribute: false });
  });

  it('makes a report under the simplified procedure: introduction and annexes, questions from the list', async () => {
    const bzk = await t.as('coordinator');
    const res = await t.call(bzk, 'POST', '/api/state-reports', { cycleId: ccprCycle, kind: 'simplified' });
    expect(res.statusCode, res.body).toBe(201);
    simplified = res.json();
    expect(simplified.sections.map((s) => s.key)).toEqual(['intro', 'annex-1']);
    expect(simplified.title).toMatch(/list of issues prior to reporting/);
    // The replies ARE the periodic report: its limit, not that of replies to a list of issues.
    expect(simplified.wordLimit.words).toBe(21200);
  });

  it('refuses a second report for the cycle (409) and one for a body without articles (422)', async () => {
    const bzk = await t.as('coordinator');
    const again = await t.call(bzk, 'POST', '/api/state-reports', { cycleId: catCycle, kind: 'simplified' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'state_report.exists' });
    const ced = await newCycle(t, 'CED', 2, 'standard');
    const none = await t.call(bzk, 'POST', '/api/state-reports', { cycleId: ced, kind: 'periodic' });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'state_report.no_articles' });
  });

  it('refuses a coordinator of another ministry (403) and changes nothing', async () => {
    const ocw = await t.as('coordinator', 'OCW');
    const before = await counts(t);
    const ced = await t.db.query<{ id: string }>(
      "select c.id from cycles c join instruments i on i.id = c.instrument_id where i.code = 'ICCPR' and c.sequence = 5",
    );
    const res = await t.call(ocw, 'POST', '/api/state-reports', {
      cycleId: ced.rows[0]!.id,
      kind: 'periodic',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'state_report.manage_forbidden' });
    const section = periodic.sections[1]!;
    const edit = await t.call(ocw, 'PATCH', `/api/state-reports/${periodic.id}/sections/${section.id}`, {
      text: 'Not mine to write.',
      version: section.version,
    });
    expect(edit.statusCode).toBe(403);
    const submit = await t.call(ocw, 'POST', `/api/state-reports/${periodic.id}/submission`, {
      submittedOn: '2026-01-05',
      symbol: 'CAT/C/NLD/8',
    });
    expect(submit.statusCode).toBe(403);
    expect(await counts(t)).toEqual(before);
    // OCW reads the report, but may not manage it.
    const read = await t.call(ocw, 'GET', `/api/state-reports/${periodic.id}`);
    expect(read.json().abilities).toEqual({ manage: false, contribute: false });
  });

  it('lists the reports and the word limits (unverified, with their source)', async () => {
    const observer = await t.as('observer');
    const list = await t.call(observer, 'GET', '/api/state-reports');
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((r: { id: string }) => r.id)
        .sort(),
    ).toEqual([periodic.id, simplified.id].sort());
    const one = await t.call(observer, 'GET', `/api/state-reports?cycleId=${ccprCycle}`);
    expect(one.json().items).toHaveLength(1);
    const limits = await t.call(observer, 'GET', '/api/state-reports/word-limits');
    expect(limits.json().items).toEqual([
      expect.objectContaining({ kind: 'common_core_document', words: 42400, verified: false }),
      expect.objectContaining({ kind: 'initial_report', words: 31800, verified: false }),
      expect.objectContaining({ kind: 'periodic_report', words: 21200, verified: false }),
      expect.objectContaining({ kind: 'replies_to_list_of_issues', words: 10700, verified: false }),
    ]);
    expect(await t.call(null, 'GET', '/api/state-reports')).toMatchObject({ statusCode: 401 });
  });
});

describe('writing a section', () => {
  it('saves the text with the version seen; a stale version is 409 and changes nothing', async () => {
    const bzk = await t.as('coordinator');
    const s = periodic.sections.find((x) => x.key === 'article-2')!;
    const url = `/api/state-reports/${periodic.id}/sections/${s.id}`;
    const ok = await t.call(bzk, 'PATCH', url, {
      text: 'The Criminal Code  defines torture\nin article 1 of the Act.',
      version: s.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const saved: StateReportSection = ok.json();
    expect(saved).toMatchObject({ words: 11, reportWords: 11, version: s.version + 1 });
    const stale = await t.call(bzk, 'PATCH', url, { text: 'Overwritten.', version: s.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_edit' });
    const now = await t.call(bzk, 'GET', url);
    expect(now.json().text).toBe('The Criminal Code  defines torture\nin article 1 of the Act.');
  });

  it('counts the words per section and for the report, and flags a report over its limit', async () => {
    const bzk = await t.as('coordinator');
    const s = periodic.sections.find((x) => x.key === 'article-16')!;
    const res = await t.call(bzk, 'PATCH', `/api/state-reports/${periodic.id}/sections/${s.id}`, {
      text: 'word '.repeat(21_190),
      version: s.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ words: 21_190, reportWords: 21_201, overLimit: true });
    const report: StateReport = (await t.call(bzk, 'GET', `/api/state-reports/${periodic.id}`)).json();
    expect(report).toMatchObject({ words: 21_201, overLimit: true });
    expect(report.sections.find((x) => x.key === 'article-16')!.words).toBe(21_190);
    const list = (await t.call(bzk, 'GET', `/api/state-reports?cycleId=${catCycle}`)).json();
    expect(list.items[0]).toMatchObject({ words: 21_201, overLimit: true });
  });

  it('refuses a section of another report (404) and a malformed paragraph reference (400)', async () => {
    const bzk = await t.as('coordinator');
    const other = simplified.sections[0]!;
    const res = await t.call(bzk, 'PATCH', `/api/state-reports/${periodic.id}/sections/${other.id}`, {
      text: 'x',
      version: other.version,
    });
    expect(res.statusCode).toBe(404);
    const bad = await t.call(bzk, 'PATCH', `/api/state-reports/${simplified.id}/sections/${other.id}`, {
      text: 'x',
      coParagraphs: ['para. nine'],
      version: other.version,
    });
    expect(bad.statusCode).toBe(400);
  });
});
