import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceDocument } from '../letters/workspace-schema.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { docxAsText, sofficePresent } from '../test/libreoffice.ts';
import type { StateReportExported } from './contributions-schema.ts';
import type { StateReport } from './schema.ts';
import { newCycle } from './test-setup.ts';

let t: TestApp;
let bzk: Session;
let report: StateReport;
let first: StateReportExported;

const TEXTS: Record<string, string> = {
  intro:
    'The Kingdom of the Netherlands presents its eighth periodic report.\n\nIt was prepared with the ministries concerned.',
  'article-2': 'Torture is a crime under the International Crimes Act.\n\nThe courts review every complaint.',
  'article-3':
    'No one is expelled to a State where there are substantial grounds for believing that he would be in danger of being subjected to torture.',
  'annex-1': 'List of abbreviations.',
};

async function setText(key: string, text: string) {
  const r = (await t.call(bzk, 'GET', `/api/state-reports/${report.id}`)).json<StateReport>();
  const s = r.sections.find((x) => x.key === key)!;
  const res = await t.call(bzk, 'PATCH', `/api/state-reports/${report.id}/sections/${s.id}`, {
    text,
    version: s.version,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const getDoc = async (id: string) =>
  (await t.call(bzk, 'GET', `/api/letters/${id}`)).json<WorkspaceDocument>();
const docText = (d: WorkspaceDocument) => JSON.stringify(d.sections);

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator');
  const cycle = await newCycle(t, 'CAT', 8, 'standard');
  const res = await t.call(bzk, 'POST', '/api/state-reports', { cycleId: cycle, kind: 'periodic' });
  expect(res.statusCode, res.body).toBe(201);
  report = res.json();
  for (const [key, text] of Object.entries(TEXTS)) await setText(key, text);
});
afterAll(() => t?.close());

describe('the export of a state report', () => {
  it('refuses whoever does not manage the report (403) and makes nothing', async () => {
    const before = await t.db.query<{ n: number }>('select count(*)::int as n from outgoing_documents');
    const res = await t.call(
      await t.as('coordinator', 'SZW'),
      'POST',
      `/api/state-reports/${report.id}/export`,
    );
    expect(res.statusCode).toBe(403);
    const after = await t.db.query<{ n: number }>('select count(*)::int as n from outgoing_documents');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('makes the report in the UN layout and the Dutch memo in the workspace', async () => {
    const res = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/export`);
    expect(res.statusCode, res.body).toBe(200);
    first = res.json();
    expect(first).toMatchObject({ created: true, overLimit: false, wordLimit: 21200 });
    const stored = (await t.call(bzk, 'GET', `/api/state-reports/${report.id}`)).json<StateReport>();
    expect(stored).toMatchObject({ letterId: first.letterId, memoId: first.memoId });

    const letter = await getDoc(first.letterId);
    expect(letter).toMatchObject({ kind: 'state_report', state: 'draft', language: 'en' });
    expect(letter.frame).toMatchObject({ kind: 'letter', reference: 'CAT/C/NLD/?' });
    const keys = letter.sections.map((s) => s.key);
    expect(keys[0]).toBe('intro');
    expect(keys[keys.length - 1]).toBe('annex-1');
    const art2 = letter.sections.find((s) => s.key === 'article-2')!;
    expect(art2.heading).toMatch(/^Article 2/);
    expect(art2.blocks).toEqual([
      {
        type: 'numbered',
        items: [
          'Torture is a crime under the International Crimes Act.',
          'The courts review every complaint.',
        ],
      },
    ]);
    // A section without text says so; the annex is not numbered.
    expect(docText(letter)).toContain('No text yet');
    expect(letter.sections.at(-1)!.blocks).toEqual([{ type: 'paragraph', text: 'List of abbreviations.' }]);

    const memo = await getDoc(first.memoId);
    expect(memo).toMatchObject({ kind: 'state_report_memo', language: 'nl' });
    expect(memo.frame).toMatchObject({ kind: 'memo', purpose: 'decision' });
    expect(memo.sections.map((s) => s.heading)).toEqual(['Aanleiding', 'Geadviseerd besluit', 'Kern']);
    expect(docText(memo)).toContain('Instemmen met de verzending');
    expect(docText(memo)).toContain('21.200 woorden');
    expect(docText(memo)).not.toContain('Let op');
  });

  it.skipIf(!sofficePresent('the LibreOffice check of the state report'))(
    'the .docx opens in LibreOffice with the symbol, the article headings and numbered paragraphs',
    async () => {
      const res = await t.call(bzk, 'GET', `/api/letters/${first.letterId}/docx`);
      expect(res.statusCode).toBe(200);
      const text = docxAsText(res.rawPayload);
      expect(text).toContain('CAT/C/NLD/?');
      expect(text).toContain('[Date received: …]');
      expect(text).toMatch(/Article 2/);
      expect(text).toMatch(/Article 3/);
      // The paragraphs are numbered on through the report: the intro's two, then article 2's.
      expect(text).toMatch(/1\.\s+The Kingdom of the Netherlands presents/);
      expect(text).toMatch(/3\.\s+Torture is a crime/);
      expect(text).toMatch(/4\.\s+The courts review/);
      expect(text.indexOf('List of abbreviations')).toBeGreaterThan(text.indexOf('Torture is a crime'));
    },
  );

  it('exports again over the word limit: the same documents, regenerated, and the memo warns', async () => {
    await setText('article-4', Array.from({ length: 21_300 }, (_, i) => `word${i % 10}`).join(' '));
    const res = await t.call(bzk, 'POST', `/api/state-reports/${report.id}/export`);
    expect(res.statusCode, res.body).toBe(200);
    const again = res.json<StateReportExported>();
    expect(again).toMatchObject({
      letterId: first.letterId,
      memoId: first.memoId,
      created: false,
      overLimit: true,
    });
    const over = again.words - 21200;
    expect(over).toBeGreaterThan(0);
    const memo = await getDoc(first.memoId);
    expect(docText(memo)).toContain(
      `Let op: het rapport overschrijdt de woordlimiet van 21.200 woorden met ${over.toLocaleString('nl-NL')} woorden.`,
    );
    const versions = await t.db.query<{ n: number }>(
      'select count(*)::int as n from outgoing_versions where document_id = $1',
      [first.letterId],
    );
    expect(versions.rows[0]!.n).toBe(2);
    const docs = await t.db.query<{ n: number }>(
      "select count(*)::int as n from outgoing_documents where kind in ('state_report', 'state_report_memo')",
    );
    expect(docs.rows[0]!.n).toBe(2);
  });
});
