import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { testApp, type Session, type TestApp } from '../../test/app.ts';
import { docxAsText, sofficePresent } from '../../test/libreoffice.ts';
import { createLetter } from '../create.ts';
import { renderDocx } from '../docx.ts';
import { printable } from '../export.ts';
import { setActivityPriority } from '../../report/service.ts';
import { regenerateLetter } from '../regenerate.ts';
import { LetterDocument } from '../schema.ts';
import { editSection } from '../sections.ts';
import type { WorkspaceDocument } from '../workspace-schema.ts';
import './all.ts';
import { JISRA_NOTE, blocksText, seedReportData } from './report-fixtures.ts';
import { generateReportLetter } from './report-letter.ts';
import { generateReportNota } from './report-nota.ts';
import { layoutOf, seededDb } from './test-fixtures.ts';

/**
 * The nota and the Kamerbrief of the annual human rights report of 2025, made from the report of
 * the workspace; a regeneration that keeps an edited chapter; and, through the API, who may make
 * them and what bad input gets.
 */
let db: Db;
let actor: Actor;
let report: WorkspaceDocument;
const today = '2026-04-09';
const ctx = () => ({ actor, today });

beforeAll(async () => {
  ({ db, actor } = await seededDb());
  await seedReportData(db, actor);
  report = await createLetter(db, actor, { params: { kind: 'human_rights_report', year: 2025 } });
}, 120_000);
afterAll(() => db?.close());

describe('the nota on the report', () => {
  it('asks a decision: Aanleiding, Geadviseerd besluit, Kernpunten and Toelichting, with the report attached', async () => {
    const letter = await createLetter(db, actor, {
      params: { kind: 'human_rights_report_letter', report: report.id },
    });
    const nota = await generateReportNota(
      db,
      { kind: 'human_rights_report_nota', year: 2025, report: report.id },
      ctx(),
    );
    expect(nota.sections.map((s) => s.heading)).toEqual([
      'Aanleiding',
      'Geadviseerd besluit',
      'Kernpunten',
      'Toelichting',
    ]);
    if (nota.frame.kind !== 'memo') throw new Error('not a memo');
    expect(nota.frame).toMatchObject({ purpose: 'decision', title: report.title });
    expect(nota.frame.fields.date).toBe(today);
    expect(nota.frame.attachments).toEqual([
      { name: report.title, information: 'Ter beslissing' },
      { name: letter.title, information: 'Ter ondertekening en verzending' },
    ]);
    const toelichting = blocksText(nota.sections.find((s) => s.key === 'toelichting')!.blocks);
    for (const area of [
      'resultaatgebied 1 (mensenrechtenprioriteiten)',
      'resultaatgebied 2 (democratie)',
      'resultaatgebied 3 (multilaterale inzet)',
      'Resultaatgebied 4',
    ])
      expect(toelichting).toContain(area);
    expect(toelichting).toContain('vrijheid van religie en levensovertuiging');
    expect(toelichting).toContain('niet in cirkeldiagrammen');
    expect(toelichting).toContain(JISRA_NOTE);
    expect(toelichting).toContain('EUR 1.590.000,50');
    expect(LetterDocument.safeParse(layoutOf(nota)).success).toBe(true);
  });

  it('refuses a report of another year, or a document that is no report', async () => {
    await expect(
      generateReportNota(db, { kind: 'human_rights_report_nota', year: 2024, report: report.id }, ctx()),
    ).rejects.toMatchObject({ code: 'letter.report_other_year', status: 422 });
    const memo = await createLetter(db, actor, {
      params: { kind: 'human_rights_report_nota', year: 2025 },
    });
    await expect(
      generateReportLetter(db, { kind: 'human_rights_report_letter', report: memo.id }, ctx()),
    ).rejects.toMatchObject({ code: 'letter.not_a_human_rights_report', status: 422 });
  });
});

describe('the Kamerbrief that sends the report', () => {
  it('is addressed to the Tweede Kamer, signed by the Minister of Foreign Affairs, with the year’s facts', async () => {
    const letter = await generateReportLetter(
      db,
      { kind: 'human_rights_report_letter', report: report.id },
      ctx(),
    );
    if (letter.frame.kind !== 'letter') throw new Error('not a letter');
    expect(letter.frame.addressee[0]).toBe('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    expect(letter.frame.subject).toBe(`Aanbieding ${report.title}`);
    expect(letter.frame.signature).toEqual(['De Minister van Buitenlandse Zaken,']);
    const all = letter.sections.map((s) => blocksText(s.blocks)).join('\n');
    expect(all).toContain(`Hierbij bied ik uw Kamer de ${report.title} aan.`);
    expect(all).toContain('lid van de VN-Mensenrechtenraad (de termijn 2025–2027)');
    expect(all).toContain(JISRA_NOTE);
    expect(letter.sections.map((s) => s.key)).toEqual(['intro', 'structure', 'hrc', 'finance', 'closing']);
  });

  it.skipIf(!sofficePresent('the Kamerbrief read back by LibreOffice'))(
    'and the nota open as .docx in LibreOffice',
    async () => {
      const nota = await createLetter(db, actor, {
        params: { kind: 'human_rights_report_nota', year: 2025, report: report.id },
      });
      const memo = docxAsText(await renderDocx((await printable(db, nota.id)).document));
      expect(memo).toContain('TER BESLISSING');
      expect(memo.replace(/\s+/g, ' ')).toContain(JISRA_NOTE);
      const letter = await createLetter(db, actor, {
        params: { kind: 'human_rights_report_letter', report: report.id },
      });
      const text = docxAsText(await renderDocx((await printable(db, letter.id)).document));
      expect(text).toContain('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
      expect(text).toContain('De Minister van Buitenlandse Zaken,');
    },
    180_000,
  );
});

describe('regenerating the report', () => {
  it('keeps the voorwoord written by hand and renews the annex from the data', async () => {
    const voorwoord = report.sections.find((s) => s.key === 'voorwoord')!;
    const written = 'Mensenrechten staan onder druk. Nederland blijft zich inzetten.';
    const edited = await editSection(db, actor, report.id, 'voorwoord', {
      blocks: [{ type: 'paragraph', text: written }],
      version: voorwoord.version,
    });
    // The fund's payment now counts for freedom of expression instead of "other".
    await setActivityPriority(db, actor, 'XM-DAC-7-PPR-4000003', { priority: 'expression' });
    const result = await regenerateLetter(db, actor, report.id, edited.version);
    const after = (key: string) => result.document.sections.find((s) => s.key === key)!;
    expect(after('voorwoord')).toMatchObject({
      origin: 'edited',
      blocks: [{ type: 'paragraph', text: written }],
    });
    expect(result.changes.find((c) => c.key === 'voorwoord')?.outcome).toBe('kept');
    expect(result.changes.find((c) => c.key === 'annex')?.status).toBe('changed');
    expect(blocksText(after('annex').blocks)).not.toContain('1.550.000,50');
    expect(blocksText(after('annex').blocks)).toContain('1.590.000,50');
  });
});

describe('the report through the API', () => {
  let t: TestApp;
  let bz: Session;
  let vws: Session;
  const count = async () =>
    (await t.db.query<{ n: number }>('select count(*)::int as n from outgoing_documents')).rows[0]!.n;
  beforeAll(async () => {
    t = await testApp();
    bz = await t.as('coordinator', 'BZ');
    vws = await t.as('coordinator', 'VWS');
  });
  afterAll(() => t?.close());

  it('offers the report’s kinds only to those who manage the report', async () => {
    const kinds = async (s: Session) =>
      ((await t.call(s, 'GET', '/api/letters/kinds')).json() as { kinds: string[] }).kinds;
    expect(await kinds(bz)).toEqual(
      expect.arrayContaining(['human_rights_report', 'human_rights_report_letter']),
    );
    expect(await kinds(vws)).toContain('memo');
    expect(await kinds(vws)).not.toContain('human_rights_report');
    expect(await kinds(await t.as('observer'))).toEqual([]);
  });

  it('a coordinator of BZ creates the report, owned by BZ; one of VWS is refused and nothing is saved', async () => {
    const created = await t.call(bz, 'POST', '/api/letters', {
      params: { kind: 'human_rights_report', year: 2025 },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'human_rights_report', ownerOrganisation: { code: 'BZ' } });
    const before = await count();
    const refused = await t.call(vws, 'POST', '/api/letters', {
      params: { kind: 'human_rights_report_nota', year: 2025 },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'letter.report_forbidden' });
    expect(await count()).toBe(before);
  });

  it('bad input gets a 4xx that names the field, and nothing is saved', async () => {
    const before = await count();
    const year = await t.call(bz, 'POST', '/api/letters', {
      params: { kind: 'human_rights_report', year: 'x' },
    });
    expect(year.statusCode).toBe(400);
    expect(year.body).toContain('year');
    const letter = await t.call(bz, 'POST', '/api/letters', {
      params: { kind: 'human_rights_report_letter', report: '7f1c2a9e-1111-4a4a-9a9a-123456789abc' },
    });
    expect(letter.statusCode).toBe(422);
    expect(letter.json()).toMatchObject({ code: 'letter.not_a_human_rights_report' });
    const noFramework = await t.call(bz, 'POST', '/api/letters', {
      params: { kind: 'human_rights_report', year: 2010 },
    });
    expect(noFramework.statusCode).toBe(422);
    expect(noFramework.json()).toMatchObject({
      code: 'letter.no_framework_for_year',
      params: { year: 2010 },
    });
    expect(await count()).toBe(before);
  });
});
