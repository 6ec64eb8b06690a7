/**
 * The nota to the minister that asks a decision on the annual human rights report, "TER
 * BESLISSING", as the nota on the 2025 report is built: Aanleiding, Geadviseerd besluit, Kernpunten
 * and Toelichting. The Toelichting names the result areas of the year's framework, says why the
 * financial annex has a table and no pie charts, and carries the annex's notes of the year (an
 * advance paid in December of the year before, …), all from the data. The report of the workspace
 * it concerns, and the Kamerbrief that sends it, are its attachments.
 */
import type { Queryable } from '../../core/db.ts';
import type { ReportNotaParams } from '../kinds.ts';
import type { Block } from '../schema.ts';
import type { z } from 'zod';
import { listNl, paragraph, section } from './common.ts';
import {
  contributionCount,
  letterOfReport,
  reportDocument,
  reportFacts,
  reportTitle,
} from './human-rights-report-data.ts';
import { annexNotes, totalsSentence } from './human-rights-report-parts.ts';
import { letterErrors } from './errors.ts';
import type { Generated, GenerateContext } from './types.ts';

const bullets = (items: string[]): Block => ({ type: 'bullets', items });

export async function generateReportNota(
  q: Queryable,
  params: z.infer<typeof ReportNotaParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const { year } = params;
  const report = params.report ? await reportDocument(q, params.report) : null;
  if (report && report.year !== year) throw letterErrors.report_other_year({ title: report.title, year });
  const [f, contributions, letter] = [
    await reportFacts(q, ctx.actor, year),
    await contributionCount(q, year),
    report ? await letterOfReport(q, report.id) : null,
  ];
  const title = reportTitle(year);
  const area = (code: number) => f.areas.find((a) => a.code === code);
  const priorities = area(1)?.priorities.map((p) => p.labelNl.toLowerCase()) ?? [];
  const examples = f.examples.length;
  const notes = annexNotes(f);
  const toelichting: Block[] = [
    bullets([
      `De jaarlijkse ${title} biedt op basis van uitgelichte voorbeelden een overzicht van de belangrijkste en meest in het oog springende resultaten die in ${year} behaald zijn. Hiervoor baseert DMM zich op bijdragen vanuit het postennetwerk, thema- en regiodirecties en maatschappelijke partners` +
        (contributions > 0 ? ` (${contributions} ${contributions === 1 ? 'bijdrage' : 'bijdragen'}).` : '.'),
      'Daarnaast wordt gerapporteerd over de Nederlandse financiële inzet ten aanzien van de bevordering en bescherming van mensenrechten wereldwijd. ' +
        totalsSentence(f),
      `Net als vorig jaar heeft het Resultatenkader Mensenrechten – Democratie – Internationale Rechtsorde gediend als kapstok voor de rapportage: ${listNl(
        f.areas.map((a) => `resultaatgebied ${a.code} (${a.titleNl.toLowerCase()})`),
      )}.`,
      ...(priorities.length > 0
        ? [
            `De behaalde resultaten op de ${priorities.length === 5 ? 'vijf ' : ''}mensenrechtenprioriteiten (${listNl(priorities)}) worden onder Resultaatgebied 1 toegelicht.`,
          ]
        : []),
      ...(area(2) && area(3)
        ? [
            'Deze prioriteiten zijn dwarsdoorsnijdend in de Nederlandse inzet op democratie en de multilaterale inzet (Resultaatgebied 2 en 3 respectievelijk).',
          ]
        : []),
      ...(area(4) ? ['De resultaten behaald op accountability zijn te vinden onder Resultaatgebied 4.'] : []),
      ...(f.term
        ? [
            `Een apart hoofdstuk beschrijft het lidmaatschap van de VN-Mensenrechtenraad (${f.term.startYear}–${f.term.endYear}): de prioriteiten, de toezeggingen en hun stand, en de resoluties van ${year}.`,
          ]
        : []),
      'De financiële bijlage geeft de uitgaven per mensenrechtenprioriteit in een tabel en niet in cirkeldiagrammen: zo’n diagram toont alleen aandelen van één jaar en geeft een vertekend beeld wanneer een betaling door het kasritme in een ander jaar valt, zoals een voorschot dat in december van het voorgaande jaar al werd uitbetaald.' +
        (notes.length > 0 ? ' Dit wordt als volgt toegelicht in de financiële bijlage:' : ''),
    ]),
    ...(notes.length > 0 ? [bullets(notes)] : []),
    bullets([
      'De uiteindelijke opmaak voor publicatie zal na uw inhoudelijke akkoord volgen.',
      `De ${title} is opgesteld ten behoeve van het debat met de Commissie Buitenlandse Zaken.`,
    ]),
  ];
  return {
    title: `Nota ${title}`,
    frame: {
      kind: 'memo',
      fields: {
        to: ['Minister van Buitenlandse Zaken'],
        from: ['Directie Multilaterale Organisaties en Mensenrechten (DMM)'],
        date: ctx.today,
      },
      purpose: 'decision',
      title,
      attachments: [
        ...(report ? [{ name: report.title, information: 'Ter beslissing' }] : []),
        ...(letter ? [{ name: letter, information: 'Ter ondertekening en verzending' }] : []),
      ],
    },
    sections: [
      section('aanleiding', 'Aanleiding', [
        paragraph(
          `Jaarlijkse verantwoording aan de Tweede Kamer over de Nederlandse inzet op het gebied van mensenrechten in ${year}. Deze rapportage wordt behandeld in de Commissie Buitenlandse Zaken. De datum voor dit debat moet nog vastgesteld worden.`,
        ),
      ]),
      section('geadviseerdBesluit', 'Geadviseerd besluit', [
        bullets([
          `Uw akkoord op de ${title} en de bijbehorende Kamerbrief.`,
          'Uw akkoord op het verzenden van de Rapportage aan de Tweede Kamer.',
        ]),
      ]),
      section('kernpunten', 'Kernpunten', [
        bullets([
          'Sinds 2009 rapporteert BZ jaarlijks aan de Kamer over de belangrijkste bijdrages die Nederland gedurende het vorige kalenderjaar heeft geleverd aan de bescherming van mensenrechten wereldwijd.',
          'Het doel hiervan is om de Kamer te informeren over de Nederlandse inzet op mensenrechten, en om het bredere publiek en onze partners op de hoogte te brengen.',
          `De rapportage licht ${examples} ${examples === 1 ? 'voorbeeld' : 'voorbeelden'} uit over ${f.areas.length} resultaatgebieden.`,
          'Het voorwoord wordt geschreven door een van uw speechschrijvers.',
        ]),
      ]),
      section('toelichting', 'Toelichting', toelichting),
    ],
  };
}
