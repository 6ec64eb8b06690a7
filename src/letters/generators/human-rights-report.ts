/**
 * The annual report on human rights, democracy and the international legal order ("Rapportage
 * Mensenrechten, Democratie en Internationale Rechtsorde"), for a year, in the structure the nota
 * on the 2025 report describes: a voorwoord written by hand (a placeholder until then), an
 * introduction, a chapter per result area of the results framework ('area:<code>': its goals and
 * indicators as a table, then the selected examples; area 1 with a part per priority,
 * 'area:1:<priority>'), the membership of the Human Rights Council when a term covers the year
 * ('hrc') and the financial annex ('annex': a table, not pie charts, with the notes of the year).
 */
import type { Queryable } from '../../core/db.ts';
import type { Area, Goal } from '../../report/framework-schema.ts';
import type { HumanRightsReportParams } from '../kinds.ts';
import type { Block } from '../schema.ts';
import type { z } from 'zod';
import { listNl, paragraph, paragraphs, section } from './common.ts';
import {
  reportFacts,
  reportTitle,
  type ReportExample,
  type ReportFacts,
} from './human-rights-report-data.ts';
import { annexSection, hrcSection } from './human-rights-report-parts.ts';
import type { Generated, GeneratedSection, GenerateContext } from './types.ts';

/** Shown where the voorwoord is still to be written. */
export const VOORWOORD_PLACEHOLDER =
  '[Het voorwoord wordt met de hand geschreven, door een van de speechschrijvers van de minister. Vervang deze tekst door het voorwoord: een bewerkte paragraaf blijft staan als de rapportage opnieuw wordt gegenereerd.]';

const value = (v: string | null, unit: string | null) => (v === null ? '–' : unit ? `${v} ${unit}` : v);

/** The goals and their indicators as a table: a row per indicator (a goal without one: a row of its own). */
function goalsTable(goals: Goal[], caption: string): Block[] {
  if (goals.length === 0) return [];
  return [
    {
      type: 'table',
      caption,
      columns: ['Doel', 'Indicator', 'Nulmeting', 'Streefwaarde', 'Behaald'],
      rows: goals.flatMap((g) =>
        g.indicators.length === 0
          ? [[g.text, 'Geen indicator vastgelegd', '–', '–', '–']]
          : g.indicators.map((i) => [
              g.text,
              i.text,
              value(i.baseline, i.unit),
              value(i.target, i.unit),
              value(i.reached, i.unit),
            ]),
      ),
    },
  ];
}

/** The examples as paragraphs: "Voorbeeld: <title>", then its text. */
const exampleBlocks = (examples: ReportExample[]): Block[] =>
  examples.flatMap((e) => [paragraph(`Voorbeeld: ${e.title}`), ...paragraphs(e.body)]);

const none = (what: string, year: number) =>
  paragraph(`Voor ${what} zijn voor ${year} (nog) geen doelen of voorbeelden vastgelegd.`);

function areaSections(f: ReportFacts, area: Area): GeneratedSection[] {
  const own = f.examples.filter((e) => e.areaCode === area.code && e.priority === null);
  const name = `resultaatgebied ${area.code}`;
  const intro =
    area.code === 1
      ? paragraph(
          `Onder resultaatgebied 1 valt de inzet op de ${area.priorities.length === 5 ? 'vijf ' : ''}mensenrechtenprioriteiten: ${listNl(
            area.priorities.map((p) => p.labelNl.toLowerCase()),
          )}. Per prioriteit volgen de doelen en indicatoren van het resultatenkader en uitgelichte voorbeelden van ${f.year}.`,
        )
      : paragraph(
          `Dit hoofdstuk beschrijft de doelen en indicatoren van ${name} (${area.titleNl.toLowerCase()}) en uitgelichte voorbeelden van de resultaten in ${f.year}.`,
        );
  const blocks: Block[] = [
    intro,
    ...goalsTable(area.goals, `Tabel ${area.code}. Doelen en indicatoren van ${name}`),
    ...exampleBlocks(own),
  ];
  if (area.code !== 1 && area.goals.length === 0 && own.length === 0) blocks.push(none(name, f.year));
  const parts = area.priorities.map((p) => {
    const examples = f.examples.filter((e) => e.areaCode === area.code && e.priority === p.priority);
    const body = [
      ...goalsTable(p.goals, `Doelen en indicatoren: ${p.labelNl.toLowerCase()}`),
      ...exampleBlocks(examples),
    ];
    return section(
      `area:${area.code}:${p.priority}`,
      p.labelNl,
      body.length > 0 ? body : [none('deze prioriteit', f.year)],
      { level: 2 },
    );
  });
  return [section(`area:${area.code}`, `Resultaatgebied ${area.code}: ${area.titleNl}`, blocks), ...parts];
}

function introduction(f: ReportFacts): GeneratedSection {
  const areas = f.areas.map((a) => `resultaatgebied ${a.code} (${a.titleNl.toLowerCase()})`);
  return section('inleiding', 'Inleiding', [
    paragraph(
      `Sinds 2009 rapporteert het Ministerie van Buitenlandse Zaken jaarlijks aan de Tweede Kamer over de belangrijkste bijdragen die Nederland gedurende het vorige kalenderjaar heeft geleverd aan de bescherming van mensenrechten wereldwijd. Deze rapportage geeft op basis van uitgelichte voorbeelden een overzicht van de belangrijkste resultaten van ${f.year}.`,
    ),
    paragraph(
      `Het resultatenkader Mensenrechten – Democratie – Internationale Rechtsorde dient als kapstok voor de rapportage. Het kent ${areas.length} resultaatgebieden: ${listNl(areas)}.` +
        (f.term ? ' Een apart hoofdstuk beschrijft het lidmaatschap van de VN-Mensenrechtenraad.' : '') +
        ' De financiële bijlage geeft de uitgaven per mensenrechtenprioriteit.',
    ),
  ]);
}

export async function generateHumanRightsReport(
  q: Queryable,
  params: z.infer<typeof HumanRightsReportParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const f = await reportFacts(q, ctx.actor, params.year);
  const title = reportTitle(params.year);
  return {
    title,
    frame: { kind: 'report', title, subtitle: `De Nederlandse inzet in ${params.year}` },
    sections: [
      section('voorwoord', 'Voorwoord', [paragraph(VOORWOORD_PLACEHOLDER)]),
      introduction(f),
      ...f.areas.flatMap((a) => areaSections(f, a)),
      ...(f.term ? [hrcSection(f.year, f.term)] : []),
      annexSection(f),
    ],
  };
}
