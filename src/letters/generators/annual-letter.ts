/**
 * The annual letter to the Tweede Kamer on developments in treaty reporting, for a year, in the
 * structure the memo nota-kabinetsbrief-verdragsrapportages-2026 describes: the network of treaty
 * coordinators and its work in the year, the system of reporting with the overview table, the
 * developments per treaty (a section of its own per treaty, 'treaty:<code>'), the follow-up of
 * recommendations, and the annexes: the recommendations received in the year, a table per document.
 * A year in which nothing is dated is an error, not an empty letter.
 */
import type { Queryable } from '../../core/db.ts';
import { cycleLabelNl } from '../../cycles/labels.ts';
import { PHASE_LABELS } from '../../calendar/labels.ts';
import { POSITION_LABELS, STATUS_LABELS } from '../../followup/labels.ts';
import type { AnnualLetterParams } from '../kinds.ts';
import type { Block } from '../schema.ts';
import type { z } from 'zod';
import {
  followUpFacts,
  meetingsIn,
  overviewRows,
  processGuides,
  receivedIn,
  treatyEvents,
  type FollowUpFacts,
  type MeetingFact,
  type ReceivedRecommendation,
  type TreatyEvent,
} from './annual-letter-data.ts';
import {
  NO_RESPONSE,
  TWEEDE_KAMER,
  compareParagraphs,
  dutchPeriod,
  listNl,
  ministerSignature,
  paragraph,
  section,
} from './common.ts';
import { letterErrors } from './errors.ts';
import type { Generated, GeneratedSection, GenerateContext } from './types.ts';

const DOCUMENT_KINDS: Record<string, string> = {
  state_report: 'statenrapport',
  list_of_issues: 'lijst van vragen',
  replies: 'antwoorden op de lijst van vragen',
  concluding_observations: 'slotopmerkingen',
  follow_up_report: 'follow-uprapportage',
  upr_wg_report: 'rapport van de UPR-werkgroep',
  upr_addendum: 'UPR-addendum',
  evaluation_report: 'evaluatierapport',
  advisory_report: 'adviesrapport',
  cabinet_response: 'kabinetsreactie',
  letter_to_parliament: 'Kamerbrief',
  memo: 'nota',
  other: 'document',
};

const MECHANISMS: Record<string, string> = {
  treaty_body: 'VN-verdragscomités',
  upr: 'Universele Periodieke Doorlichting',
  coe_body: 'Organen van de Raad van Europa',
  special_procedure: 'Speciale procedures',
  advisory_council: 'Adviesraden',
  nhri: 'College voor de Rechten van de Mens',
  parliament: 'Parlement',
  other: 'Overig',
};

const times = (n: number) => (n === 1 ? 'één keer' : `${n} keer`);
const plural = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

function networkSection(year: number, meetings: MeetingFact[], guides: { name: string; steps: number }[]) {
  const blocks: Block[] = [
    paragraph(
      'Het interdepartementale netwerk van verdragscoördinatoren brengt onder coördinatie van het Ministerie van Binnenlandse Zaken en Koninkrijksrelaties de departementen samen die betrokken zijn bij rapportages onder mensenrechtenverdragen. Het netwerk deelt kennis en stemt de rapportageprocessen op elkaar af.',
    ),
  ];
  if (meetings.length === 0) blocks.push(paragraph(`In ${year} is het netwerk niet bijeengekomen.`));
  else {
    blocks.push(
      paragraph(
        `In ${year} kwam het netwerk ${times(meetings.length)} bijeen: ${listNl(meetings.map((m) => `op ${dutchPeriod(m.date)}`))}.`,
      ),
      {
        type: 'bullets',
        items: meetings.map(
          (m) =>
            `${dutchPeriod(m.date)}: ${m.title}${m.location ? ` (${m.location})` : ''}` +
            (m.organisations > 0 ? `, met ${plural(m.organisations, 'organisatie', 'organisaties')}` : '') +
            (m.agenda.length > 0 ? `. Op de agenda: ${m.agenda.join('; ')}.` : '.'),
        ),
      },
    );
  }
  if (guides.length > 0)
    blocks.push(
      paragraph(
        `Het netwerk werkt met een interne handreiking voor de omgang met rapportageprocessen: ${listNl(
          guides.map((g) => `«${g.name}» (${plural(g.steps, 'stap', 'stappen')})`),
        )}. De handreiking beschrijft per fase van de rapportagecyclus wie wat doet en wanneer.`,
      ),
    );
  return section('network', 'Het netwerk van verdragscoördinatoren', blocks);
}

async function systemSection(q: Queryable) {
  const rows = await overviewRows(q);
  return section('system', 'Het systeem van rapporteren', [
    paragraph(
      'Nederland rapporteert periodiek over de uitvoering van de mensenrechtenverdragen waarbij het Koninkrijk partij is. Na een statenrapport volgt een dialoog met het verdragscomité, dat slotopmerkingen met aanbevelingen vaststelt. De rapportagecycli van de verschillende verdragen kennen verschillende fasen en lopen niet synchroon. Tabel 1 geeft per verdrag het laatste statenrapport, de datum daarvan en het verantwoordelijke ministerie.',
    ),
    {
      type: 'table',
      caption: 'Tabel 1. Laatste statenrapport per verdrag',
      columns: ['Verdrag', 'Laatste statenrapport', 'Datum', 'Verantwoordelijk ministerie'],
      rows: rows.map((r) => [
        r.shortName,
        r.lastReport
          ? `${cycleLabelNl(r.lastReport.cycleLabel)}${r.lastReport.symbol ? ` (${r.lastReport.symbol})` : ''}`
          : 'Nog geen rapport vastgelegd',
        r.lastReport?.date ? dutchPeriod(r.lastReport.date, r.lastReport.datePrecision) : 'onbekend',
        r.lead?.code ?? 'onbekend',
      ]),
    },
  ]);
}

function eventText(e: TreatyEvent): string {
  const when = dutchPeriod(e.date, e.precision);
  if ('phase' in e.what) {
    const symbol = e.what.symbol ? ` (${e.what.symbol})` : '';
    const phase = (PHASE_LABELS.nl as Record<string, string>)[e.what.phase] ?? e.what.phase;
    return `${when}: ${phase}${symbol}, ${cycleLabelNl(e.what.cycle)}.`;
  }
  const symbol = e.what.symbol ? ` (${e.what.symbol})` : '';
  return `${when}: ${DOCUMENT_KINDS[e.what.kind] ?? 'document'} «${e.what.document}»${symbol}.`;
}

function developmentSections(year: number, events: TreatyEvent[]): GeneratedSection[] {
  const treaties = new Map<string, { name: string; events: TreatyEvent[] }>();
  for (const e of events) {
    if (!treaties.has(e.code)) treaties.set(e.code, { name: e.name, events: [] });
    treaties.get(e.code)!.events.push(e);
  }
  const list = [...treaties].sort(([, a], [, b]) => a.events[0]!.date.localeCompare(b.events[0]!.date));
  const intro = section('developments', `Ontwikkelingen per verdrag in ${year}`, [
    paragraph(
      list.length === 0
        ? `In ${year} vonden geen vastgelegde ontwikkelingen in de rapportagecycli plaats.`
        : `In ${year} vonden ontwikkelingen plaats onder ${plural(list.length, 'verdrag', 'verdragen')}. Hieronder worden zij per verdrag beschreven.`,
    ),
  ]);
  const perTreaty = list.map(([code, t]) =>
    section(
      `treaty:${code}`,
      t.name[0]!.toUpperCase() + t.name.slice(1),
      [
        paragraph(
          `Onder dit verdrag vond in ${year} het volgende plaats in de rapportagecyclus (${plural(t.events.length, 'gebeurtenis', 'gebeurtenissen')}).`,
        ),
        { type: 'bullets', items: t.events.map(eventText) },
      ],
      { level: 2 },
    ),
  );
  return [intro, ...perTreaty];
}

function followUpSection(year: number, f: FollowUpFacts) {
  const positioned = f.byPosition.reduce((a, p) => a + p.n, 0);
  const blocks: Block[] = [
    paragraph(
      `Het kabinet volgt ${plural(f.total, 'aanbeveling', 'aanbevelingen')} aan het Koninkrijk. ` +
        `Bij ${positioned} daarvan is een standpunt van het kabinet vastgelegd` +
        (positioned > 0
          ? ` (${f.byPosition.map((p) => `${p.n} ${POSITION_LABELS.nl[p.position!]}`).join(', ')})`
          : '') +
        (f.appreciated > 0 ? `, bij ${f.appreciated} een appreciatie zonder standpunt` : '') +
        '.',
    ),
    paragraph(
      `Over ${plural(f.withApprovedProgress, 'aanbeveling', 'aanbevelingen')} is goedgekeurde voortgang gerapporteerd; in ${year} ${f.approvedInYear === 1 ? 'werd' : 'werden'} ${plural(f.approvedInYear, 'voortgangsrapportage', 'voortgangsrapportages')} goedgekeurd.` +
        (f.byStatus.length > 0
          ? ` Volgens de laatste goedgekeurde voortgang: ${f.byStatus
              .map((s) => `${s.n} ${(STATUS_LABELS.nl as Record<string, string>)[s.status] ?? s.status}`)
              .join(', ')}.`
          : ''),
    ),
  ];
  if (f.byMechanism.length > 0)
    blocks.push({
      type: 'table',
      caption: 'Tabel 2. Opvolging van aanbevelingen per mechanisme',
      columns: ['Mechanisme', 'Aanbevelingen', 'Met standpunt of appreciatie', 'Met goedgekeurde voortgang'],
      rows: f.byMechanism.map((m) => [
        MECHANISMS[m.mechanism] ?? m.mechanism,
        String(m.total),
        String(m.positions),
        String(m.progress),
      ]),
    });
  return section('followup', 'Opvolging van aanbevelingen', blocks);
}

function annexSections(year: number, received: ReceivedRecommendation[]): GeneratedSection[] {
  const groups = new Map<string, ReceivedRecommendation[]>();
  for (const r of received) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const list = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const intro = section('annexes', 'Bijlagen', [
    paragraph(
      list.length === 0
        ? `In ${year} ontving het Koninkrijk geen aanbevelingen.`
        : `In ${year} ontving het Koninkrijk ${plural(received.length, 'aanbeveling', 'aanbevelingen')} uit ${plural(list.length, 'document', 'documenten')}. De bijlagen geven ze per document.`,
    ),
  ]);
  const annexes = list.map(([group, recs], i) =>
    section(
      `annex:${group}`,
      `Bijlage ${i + 1}. Aanbevelingen uit ${group.slice(0, 200)}`,
      [
        {
          type: 'table',
          caption: `Bijlage ${i + 1}. ${plural(recs.length, 'aanbeveling', 'aanbevelingen')} uit ${group.slice(0, 400)}`,
          columns: ['Nr.', 'Aanbeveling', 'Standpunt'],
          rows: recs
            .sort((a, b) => compareParagraphs(a.paragraph, b.paragraph) || a.text.localeCompare(b.text))
            .map((r, n) => [
              r.paragraph ?? String(n + 1),
              r.text.slice(0, 5_000),
              r.position
                ? POSITION_LABELS.nl[r.position]
                : r.recorded
                  ? 'appreciatie vastgelegd'
                  : NO_RESPONSE,
            ]),
        },
      ],
      { level: 2 },
    ),
  );
  return [intro, ...annexes];
}

export async function generateAnnualLetter(
  q: Queryable,
  params: z.infer<typeof AnnualLetterParams>,
  ctx: GenerateContext,
): Promise<Generated> {
  const { year } = params;
  const [meetings, events, received] = [
    await meetingsIn(q, year),
    await treatyEvents(q, year),
    await receivedIn(q, year),
  ];
  if (meetings.length === 0 && events.length === 0 && received.length === 0)
    throw letterErrors.no_data_for_year({ year });
  const subject = `Ontwikkelingen rond rapportages onder mensenrechtenverdragen in ${year}`;
  return {
    title: `Jaarbrief verdragsrapportages ${year}`,
    frame: {
      kind: 'letter',
      addressee: TWEEDE_KAMER,
      subject,
      signature: await ministerSignature(q, ctx.actor),
      language: 'nl',
    },
    sections: [
      section('intro', 'Inleiding', [
        paragraph(
          `Met deze brief informeert het kabinet uw Kamer over de ontwikkelingen in ${year} rond de rapportages onder de mensenrechtenverdragen. De brief beschrijft achtereenvolgens het netwerk van verdragscoördinatoren, het systeem van rapporteren, de ontwikkelingen per verdrag, de opvolging van aanbevelingen en, in de bijlagen, de aanbevelingen die het Koninkrijk in ${year} ontving.`,
        ),
      ]),
      networkSection(year, meetings, await processGuides(q)),
      await systemSection(q),
      ...developmentSections(year, events),
      followUpSection(year, await followUpFacts(q, year)),
      ...annexSections(year, received),
    ],
  };
}
