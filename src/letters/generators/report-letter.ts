/**
 * The Kamerbrief that sends the annual human rights report to the Tweede Kamer: what the report
 * is and rests on, its structure by the result areas of the year's framework, the Human Rights
 * Council membership when a term covers the year, the financial inzet with the notes of the annex,
 * and the debate it serves. Signed by the minister of the ministry that drafts the report (BZ).
 */
import type { Queryable } from '../../core/db.ts';
import type { ReportLetterParams } from '../kinds.ts';
import type { z } from 'zod';
import { TWEEDE_KAMER, listNl, ministerSignature, paragraph, section } from './common.ts';
import { ministerOf, reportDocument, reportFacts, reportTitle } from './human-rights-report-data.ts';
import { annexNotes, membership, totalsSentence } from './human-rights-report-parts.ts';
import type { Generated, GeneratedSection, GenerateContext } from './types.ts';

export async function generateReportLetter(
  q: Queryable,
  params: z.infer<typeof ReportLetterParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const report = await reportDocument(q, params.report);
  const f = await reportFacts(q, ctx.actor, report.year);
  const title = reportTitle(report.year);
  const examples = f.examples.length;
  const notes = annexNotes(f);
  const sections: GeneratedSection[] = [
    section('intro', 'Inleiding', [
      paragraph(
        `Hierbij bied ik uw Kamer de ${title} aan. Sinds 2009 rapporteert het kabinet jaarlijks aan uw Kamer over de belangrijkste bijdragen die Nederland gedurende het vorige kalenderjaar heeft geleverd aan de bescherming van mensenrechten wereldwijd. De rapportage geeft op basis van ${examples} uitgelichte ${examples === 1 ? 'voorbeeld' : 'voorbeelden'} een overzicht van de belangrijkste resultaten van ${report.year}.`,
      ),
    ]),
    section('structure', 'Opbouw van de rapportage', [
      paragraph(
        `Het Resultatenkader Mensenrechten – Democratie – Internationale Rechtsorde dient als kapstok voor de rapportage: ${listNl(
          f.areas.map((a) => `resultaatgebied ${a.code} (${a.titleNl.toLowerCase()})`),
        )}. De resultaten op de mensenrechtenprioriteiten staan onder resultaatgebied 1.`,
      ),
    ]),
  ];
  if (f.term)
    sections.push(
      section('hrc', 'Lidmaatschap van de VN-Mensenrechtenraad', [
        paragraph(
          `${membership(report.year, f.term)} De rapportage beschrijft de prioriteiten van het lidmaatschap, de stand van de toezeggingen en de resoluties die Nederland in ${report.year} indiende of medeondersteunde.`,
        ),
      ]),
    );
  sections.push(
    section('finance', 'Financiële inzet', [
      paragraph(
        `${totalsSentence(f)} De financiële bijlage geeft de uitgaven per mensenrechtenprioriteit in een tabel; cirkeldiagrammen zouden door het kasritme een vertekend beeld geven.`,
      ),
      ...(notes.length > 0 ? [{ type: 'bullets' as const, items: notes }] : []),
    ]),
    section('closing', 'Tot slot', [
      paragraph(
        'De rapportage is opgesteld ten behoeve van het debat met de Commissie Buitenlandse Zaken. Ik zie uit naar het gesprek met uw Kamer.',
      ),
    ]),
  );
  return {
    title: `Kamerbrief ${title}`,
    frame: {
      kind: 'letter',
      addressee: TWEEDE_KAMER,
      subject: `Aanbieding ${title}`,
      signature: (await ministerOf(q, report.ownerOrganisationId)) ?? (await ministerSignature(q, ctx.actor)),
      language: 'nl',
    },
    sections,
  };
}
