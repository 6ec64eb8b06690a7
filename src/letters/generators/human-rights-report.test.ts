import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../core/db.ts';
import { docxAsText, sofficePresent } from '../../test/libreoffice.ts';
import { createLetter } from '../create.ts';
import { renderDocx } from '../docx.ts';
import { printable } from '../export.ts';
import { renderHtml } from '../html.ts';
import { pdfAvailable, renderPdf } from '../pdf.ts';
import { LetterDocument } from '../schema.ts';
import './all.ts';
import { generateHumanRightsReport, VOORWOORD_PLACEHOLDER } from './human-rights-report.ts';
import { FIGURES, JISRA_NOTE, blocksText as text, seedReportData } from './report-fixtures.ts';
import { id, layoutOf, seededDb } from './test-fixtures.ts';
import type { Generated } from './types.ts';

/**
 * The annual human rights report of 2025 on the Dutch reference data with the framework of 2025
 * (migration 0033) given goals and indicators, examples per result area, IATI expenditures of 2024
 * and 2025 (the JISRA advance for 2025 paid in December 2024, an advance for 2026 paid in December
 * 2025) and a Human Rights Council term 2025–2027.
 */
let db: Db;
let actor: Actor;
let report: Generated;
const today = '2026-04-09';

const section = (g: Generated, key: string) => {
  const s = g.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
};

beforeAll(async () => {
  ({ db, actor } = await seededDb());
  await seedReportData(db, actor);
  report = await generateHumanRightsReport(db, { kind: 'human_rights_report', year: 2025 }, { actor, today });
}, 120_000);
afterAll(() => db?.close());

describe('the annual human rights report', () => {
  it('is a report with a voorwoord to write, an introduction, the result areas, the HRC and the annex', () => {
    expect(report.title).toBe('Rapportage Mensenrechten, Democratie en Internationale Rechtsorde 2025');
    expect(report.frame).toMatchObject({ kind: 'report', title: report.title });
    expect(report.sections.map((s) => s.key)).toEqual([
      'voorwoord',
      'inleiding',
      'area:1',
      'area:1:expression',
      'area:1:women_girls',
      'area:1:lgbtiq',
      'area:1:religion_belief',
      'area:1:defenders_civic_space',
      'area:2',
      'area:3',
      'area:4',
      'hrc',
      'annex',
    ]);
    expect(text(section(report, 'voorwoord').blocks)).toBe(VOORWOORD_PLACEHOLDER);
    expect(section(report, 'area:1:lgbtiq').level).toBe(2);
    expect(LetterDocument.safeParse(layoutOf(report)).success).toBe(true);
  });

  it('gives each area its goals and indicators as a table, then the examples of the year', () => {
    const area2 = section(report, 'area:2');
    expect(area2.heading).toBe('Resultaatgebied 2: Democratie');
    const table = area2.blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.columns).toEqual(['Doel', 'Indicator', 'Nulmeting', 'Streefwaarde', 'Behaald']);
    expect(table.rows).toEqual([
      [
        'Versterkte democratische instituties',
        'Landen met steun voor verkiezingswaarneming',
        '4 landen',
        '8 landen',
        '7 landen',
      ],
    ]);
    expect(text(area2.blocks)).toContain(
      'Voorbeeld: Verkiezingen in Moldavië\nNederland steunde de waarneming.\nTweede alinea.',
    );
    expect(text(section(report, 'area:1:expression').blocks)).toContain('Journalisten in Oost-Afrika');
    expect(text(section(report, 'area:1:religion_belief').blocks)).toContain('Ruimte voor geloof');
    expect(text(section(report, 'area:1:lgbtiq').blocks)).toContain('(nog) geen doelen of voorbeelden');
    expect(text(section(report, 'area:4').blocks)).not.toContain('Voorbeeld van vorig jaar');
  });

  it('describes the Human Rights Council term of the year: priorities, pledges, the year’s resolutions and results', () => {
    const hrc = text(section(report, 'hrc').blocks);
    expect(hrc).toContain('lid van de VN-Mensenrechtenraad (de termijn 2025–2027)');
    expect(hrc).toContain('164 stemmen');
    expect(hrc).toContain('Respect: voor de universaliteit van mensenrechten');
    expect(hrc).toContain('Nederland steunt het OHCHR met vrijwillige bijdragen. | Open | 31 december 2027');
    expect(hrc).toContain('A/HRC/RES/58/12 | Civil society space | Hoofdindiener | Nederland en Mexico');
    expect(hrc).not.toContain('A/HRC/RES/55/1');
    expect(hrc).toContain('De resolutie over maatschappelijke ruimte werd aangenomen.');
  });

  it('gives the annex as a table per priority, the year before and the year, with the total and the notes', () => {
    const annex = section(report, 'annex');
    const table = annex.blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.columns).toEqual(['Prioriteit', '2024', '2025']);
    const row = (label: string) => table.rows.find((r) => r[0] === label)!.slice(1);
    expect(row('Vrijheid van religie en levensovertuiging')).toEqual([
      FIGURES[2024].religion,
      FIGURES[2025].religion,
    ]);
    expect(row('Vrijheid van meningsuiting online en offline')).toEqual([
      FIGURES[2024].expression,
      FIGURES[2025].expression,
    ]);
    expect(row('Overige mensenrechten')).toEqual([FIGURES[2024].other, FIGURES[2025].other]);
    expect(row('Totaal')).toEqual([FIGURES[2024].total, FIGURES[2025].total]);
    expect(table.rows).toHaveLength(7);
    const notes = text(annex.blocks);
    expect(notes).toContain(JISRA_NOTE);
    expect(notes).toContain(
      'Het voorschot voor 2026 van activiteit XM-DAC-7-PPR-4000002 (EUR 300.000) is in december 2025 betaald',
    );
    expect(notes).toContain('niet in cirkeldiagrammen');
  });

  it('a year without a framework is refused with the reason', async () => {
    await expect(
      generateHumanRightsReport(db, { kind: 'human_rights_report', year: 2019 }, { actor, today }),
    ).rejects.toMatchObject({ code: 'letter.no_framework_for_year', status: 422 });
  });
});

describe('the report of 2025 as HTML and PDF', () => {
  it('has its title page as the one h1, the chapters as h2 and the annex as a table with a caption', async () => {
    const parsed = LetterDocument.parse(layoutOf(report));
    const html = renderHtml(parsed);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain(`<h1>${report.title}</h1>`);
    expect(html).toContain('<h2>Financiële bijlage</h2>');
    expect(html).toContain('<h3>Vrijheid van religie en levensovertuiging</h3>');
    expect(html).toContain('<caption>Uitgaven per mensenrechtenprioriteit in 2024 en 2025');
    if (pdfAvailable()) expect((await renderPdf(html)).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});

describe('the report of 2025 as a .docx', () => {
  it.skipIf(!sofficePresent('the report read back by LibreOffice'))(
    'opens in LibreOffice with the areas, an example, the annex figures and the advance note',
    async () => {
      const doc = await createLetter(db, actor, { params: { kind: 'human_rights_report', year: 2025 } });
      const bz = await id(db, "select id from organisations where code = 'BZ'");
      expect(doc.ownerOrganisation.id).toBe(bz);
      const p = await printable(db, doc.id);
      expect(p.document.kind).toBe('report');
      const out = docxAsText(await renderDocx(p.document)).replace(/\s+/g, ' ');
      expect(out).toContain('Rapportage Mensenrechten, Democratie en Internationale Rechtsorde 2025');
      for (const h of [
        'Resultaatgebied 1',
        'Resultaatgebied 2: Democratie',
        'Resultaatgebied 4',
        'Financiële bijlage',
      ])
        expect(out).toContain(h);
      expect(out).toContain('Voorbeeld: Journalisten in Oost-Afrika');
      for (const figure of Object.values(FIGURES).flatMap((f) => [f.religion, f.total, f.expression]))
        expect(out).toContain(figure);
      expect(out).toContain(JISRA_NOTE);
      expect(out).toContain('Lidmaatschap van de VN-Mensenrechtenraad');
    },
    180_000,
  );
});
