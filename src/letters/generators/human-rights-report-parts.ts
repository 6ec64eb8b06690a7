/**
 * The parts of the annual human rights report that its nota and Kamerbrief repeat: the financial
 * annex (a table of the expenditures per priority in the year and the year before, their totals and
 * the notes of the year, such as an advance paid in December of the year before) and the membership
 * of the Human Rights Council (the term's priorities, its pledges with their status, the resolutions
 * and results of the year).
 */
import type { Term } from '../../hrc/schema.ts';
import type { Block } from '../schema.ts';
import { dutchPeriod, listNl, paragraph, paragraphs, section } from './common.ts';
import { euros, type ReportFacts } from './human-rights-report-data.ts';
import type { GeneratedSection } from './types.ts';

/** Why the annex gives a table: the nota on the 2025 report dropped the pie charts for this reason. */
export const NO_PIE_CHARTS =
  'De uitgaven staan in een tabel en niet in cirkeldiagrammen. Een cirkeldiagram toont alleen het aandeel van elke prioriteit in het totaal van één jaar; wanneer een betaling door het kasritme in een ander jaar valt, zoals een voorschot dat in december van het voorgaande jaar al werd uitbetaald, geeft zo’n diagram een vertekend beeld van de uitgaven. De tabel zet de bedragen van twee jaren naast elkaar.';

/** The annex's notes: the year's, then those of the year before that its column needs. */
export const annexNotes = (f: ReportFacts): string[] => [
  ...new Set([...f.annex.year.notes, ...f.annex.before.notes]),
];

/** The table of the annex: a row per priority, the year before and the year in euros, and the total. */
export function annexTable(f: ReportFacts): Block {
  const { year, before } = f.annex;
  return {
    type: 'table',
    caption: `Uitgaven per mensenrechtenprioriteit in ${before.year} en ${year.year} (in euro, op kasbasis)`,
    columns: ['Prioriteit', String(before.year), String(year.year)],
    rows: [
      ...year.priorities.map((p) => [
        p.labelNl,
        euros(before.priorities.find((b) => b.priority === p.priority)?.amountEur ?? 0),
        euros(p.amountEur),
      ]),
      ['Totaal', euros(before.totalEur), euros(year.totalEur)],
    ],
  };
}

/** One sentence on the totals of the two years. */
export const totalsSentence = (f: ReportFacts): string =>
  `In ${f.year} besteedde Nederland op kasbasis EUR ${euros(f.annex.year.totalEur)} aan de bevordering en bescherming van mensenrechten (${f.year - 1}: EUR ${euros(f.annex.before.totalEur)}).`;

export function annexSection(f: ReportFacts): GeneratedSection {
  const notes = annexNotes(f);
  return section('annex', 'Financiële bijlage', [
    paragraph(
      `Deze bijlage geeft de Nederlandse financiële inzet voor de bevordering en bescherming van mensenrechten wereldwijd in ${f.year}, per mensenrechtenprioriteit, naast die van ${f.year - 1}. Uitgaven tellen mee in het jaar waarin zij zijn betaald (kasbasis). ${totalsSentence(f)}`,
    ),
    paragraph(NO_PIE_CHARTS),
    annexTable(f),
    ...(notes.length > 0
      ? [paragraph('Toelichting bij de cijfers:'), { type: 'bullets' as const, items: notes }]
      : []),
  ]);
}

const PLEDGE_STATUS: Record<Term['pledges'][number]['status'], string> = {
  open: 'Open',
  partly_done: 'Deels afgedaan',
  done: 'Afgedaan',
  lapsed: 'Vervallen',
  withdrawn: 'Ingetrokken',
};
const ROLE = { lead: 'Hoofdindiener', co_sponsor: 'Mede-indiener' } as const;

/** How the term stands in the year: "lid van" (member), "kandidaat voor" (candidate). */
export function membership(year: number, term: Term): string {
  const period = `de termijn ${term.startYear}–${term.endYear}`;
  if (term.status === 'candidate')
    return `In ${year} was het Koninkrijk der Nederlanden kandidaat voor het lidmaatschap van de VN-Mensenrechtenraad voor ${period}.`;
  return `In ${year} was het Koninkrijk der Nederlanden lid van de VN-Mensenrechtenraad (${period}).`;
}

export function hrcSection(year: number, term: Term): GeneratedSection {
  const elected =
    term.electionDate && term.votesReceived !== null
      ? ` Het Koninkrijk werd op ${dutchPeriod(term.electionDate)} gekozen met ${term.votesReceived} stemmen.`
      : '';
  const blocks: Block[] = [paragraph(membership(year, term) + elected)];
  if (term.priorities.length > 0)
    blocks.push(paragraph(`De prioriteiten van het lidmaatschap zijn:`), {
      type: 'bullets',
      items: term.priorities.map((p) => (p.description ? `${p.title}: ${p.description}` : p.title)),
    });
  if (term.pledges.length > 0)
    blocks.push({
      type: 'table',
      caption: 'Toezeggingen (pledges) bij het lidmaatschap en hun stand',
      columns: ['Toezegging', 'Stand', 'Uiterlijk'],
      rows: term.pledges.map((p) => [p.text, PLEDGE_STATUS[p.status], p.dueOn ? dutchPeriod(p.dueOn) : '–']),
    });
  blocks.push(
    term.resolutions.length > 0
      ? {
          type: 'table',
          caption: `Resoluties in ${year} ingediend of medeondersteund`,
          columns: ['Resolutie', 'Titel', 'Rol', 'Kerngroep', 'Aangenomen'],
          rows: term.resolutions.map((r) => [
            r.symbol,
            r.title,
            ROLE[r.role],
            r.coreGroup.length > 0 ? listNl(r.coreGroup) : '–',
            [r.adoptedOn ? dutchPeriod(r.adoptedOn) : '', r.vote ?? ''].filter(Boolean).join(', ') || '–',
          ]),
        }
      : paragraph(`In ${year} zijn geen resoluties vastgelegd die Nederland indiende of medeondersteunde.`),
  );
  const results = term.results.flatMap((r) => paragraphs(r.text));
  if (results.length > 0) blocks.push(paragraph(`Resultaten in ${year}:`), ...results);
  return section('hrc', 'Lidmaatschap van de VN-Mensenrechtenraad', blocks);
}
