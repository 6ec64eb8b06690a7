/**
 * The implementation overview of a cycle: for each recommendation of the cycle its position, who is
 * responsible and the latest approved progress, with the columns and labels the .xlsx
 * (overview-xlsx.ts) and the .docx (overview-docx.ts) share. Actions are not shown: there is no table
 * of actions yet.
 */
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { POSITION_LABELS, STATUS_LABELS, type Lang } from './labels.ts';
import type { GovernmentPosition, ProgressStatus } from './schema.ts';

export type { Lang };
export { POSITION_LABELS, STATUS_LABELS };

/** The cycle an overview is about: its instrument, label and the year its file name carries. */
export interface OverviewCycle {
  id: string;
  label: string;
  sequence: number;
  instrumentCode: string;
  instrumentName: string;
  /** The year of the cycle's outcome (concluding observations, UPR report, …), else of its recommendations. */
  year: number | null;
}

/** One recommendation of the overview, as the query returns it. */
export interface OverviewRow {
  id: string;
  symbol: string | null;
  paragraph: string | null;
  text: string;
  recommending_states: string[];
  follow_up: boolean;
  position: GovernmentPosition | null;
  appreciation: string | null;
  lead: string | null;
  co_responsible: string[];
  progress_status: ProgressStatus | null;
  progress_date: string | null;
  progress_text: string | null;
}

/** The phases whose date dates a cycle's outcome, the most telling first. */
const OUTCOME_PHASES = [
  'concluding_observations',
  'upr_adoption',
  'upr_wg_report',
  'upr_review',
  'evaluation_report',
  'dialogue',
];

/** The cycle, or 404 when no cycle has this id. */
export async function overviewCycle(q: Queryable, id: string, lang: Lang): Promise<OverviewCycle> {
  const res = await q.query<OverviewCycle>(
    `select c.id, c.label, c.sequence, i.code as "instrumentCode",
            case when $2 = 'nl' then i.name_nl else i.name_en end as "instrumentName",
            coalesce(
              (select extract(year from p.date)::int from cycle_phases p
                where p.cycle_id = c.id and p.date is not null and p.kind = any($3::text[])
                order by array_position($3::text[], p.kind), p.date limit 1),
              (select max(r.year) from recommendations r where r.cycle_id = c.id)) as year
       from cycles c join instruments i on i.id = c.instrument_id
      where c.id = $1`,
    [id, lang, OUTCOME_PHASES],
  );
  const cycle = res.rows[0];
  if (!cycle) throw notFound('cycle', id);
  return cycle;
}

/**
 * The recommendations of the cycle in one statement (lateral joins for the co-responsible
 * organisations and the latest approved progress), in the natural order of their paragraphs: the
 * numbers in a paragraph compare as numbers, so "9" comes before "12" and "98.2" before "98.10".
 * The Dutch text is given where lang is nl and one is known.
 */
export async function overviewRows(q: Queryable, cycleId: string, lang: Lang): Promise<OverviewRow[]> {
  const res = await q.query<OverviewRow>(
    `select r.id, r.symbol, r.paragraph,
            case when $2 = 'nl' and nullif(trim(r.text_nl), '') is not null then r.text_nl else r.text end as text,
            r.recommending_states, r.follow_up,
            rp.position, rp.appreciation,
            lead.code as lead,
            co.codes as co_responsible,
            pu.status as progress_status, pu.at as progress_date, pu.text as progress_text
       from recommendations r
       left join recommendation_positions rp on rp.id = r.id
       left join organisations lead on lead.id = r.lead_organisation_id
       cross join lateral (
         select coalesce(array_agg(o.code order by o.code), '{}') as codes
           from recommendation_co_responsible c join organisations o on o.id = c.organisation_id
          where c.recommendation_id = r.id) co
       left join lateral (
         select p.status, coalesce(p.period_end, p.approved_at::date) as at, p.text
           from recommendation_progress p
          where p.for_recommendation = r.id and p.state = 'approved'
          order by coalesce(p.period_end, p.approved_at::date) desc, p.approved_at desc
          limit 1) pu on true
      where r.cycle_id = $1
      order by r.paragraph is null,
               array(select x.m[1]::numeric
                       from regexp_matches(coalesce(r.paragraph, ''), '[0-9]+', 'g') with ordinality as x(m, n)
                      order by x.n),
               r.paragraph, r.symbol, r.text, r.id`,
    [cycleId, lang],
  );
  return res.rows;
}

/** A column of the overview: its header in both languages, its width (characters) and its text. */
export interface OverviewColumn {
  header: Record<Lang, string>;
  width: number;
  value: (r: OverviewRow, lang: Lang) => string;
}

const yesNo = (lang: Lang, b: boolean) => (lang === 'nl' ? (b ? 'ja' : 'nee') : b ? 'yes' : 'no');
/** A day as the readers of each language write it: 31-12-2024 in Dutch, 2024-12-31 in English. */
const day = (lang: Lang, d: string | null) =>
  !d ? '' : lang === 'nl' ? `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}` : d;

/** The recorded position's label, and the appreciation beside it or instead of it. */
function positionText(r: OverviewRow, lang: Lang): string {
  const label = r.position ? POSITION_LABELS[lang][r.position] : null;
  return [label, r.appreciation].filter(Boolean).join('\n');
}

/**
 * The columns of the overview. The recommending states are a column of a UPR cycle only (other
 * bodies have none).
 */
export function overviewColumns(cycle: OverviewCycle): OverviewColumn[] {
  const columns: (OverviewColumn | null)[] = [
    {
      header: { nl: 'Paragraaf', en: 'Paragraph' },
      width: 11,
      value: (r) => r.paragraph ?? r.symbol ?? '',
    },
    { header: { nl: 'Aanbeveling', en: 'Recommendation' }, width: 60, value: (r) => r.text },
    cycle.instrumentCode === 'UPR'
      ? {
          header: { nl: 'Aanbevelende staten', en: 'Recommending states' },
          width: 20,
          value: (r) => r.recommending_states.join(', '),
        }
      : null,
    {
      header: { nl: 'Follow-up', en: 'Follow-up' },
      width: 13,
      value: (r, l) => yesNo(l, r.follow_up),
    },
    { header: { nl: 'Standpunt', en: 'Position' }, width: 20, value: positionText },
    { header: { nl: 'Trekker', en: 'Lead' }, width: 12, value: (r) => r.lead ?? '' },
    {
      header: { nl: 'Medeverantwoordelijk', en: 'Co-responsible' },
      width: 16,
      value: (r) => r.co_responsible.join(', '),
    },
    {
      header: { nl: 'Status voortgang', en: 'Progress status' },
      width: 16,
      value: (r, l) => (r.progress_status ? STATUS_LABELS[l][r.progress_status] : ''),
    },
    {
      header: { nl: 'Datum voortgang', en: 'Progress date' },
      width: 18,
      value: (r, l) => day(l, r.progress_date),
    },
    {
      header: { nl: 'Laatste goedgekeurde voortgang', en: 'Latest approved progress' },
      width: 50,
      value: (r) => r.progress_text ?? '',
    },
  ];
  return columns.filter((c): c is OverviewColumn => c !== null);
}

/** Characters XML 1.0 does not allow (a PDF's form feed in an imported text): a space in both files. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export const xmlSafe = (s: string): string => s.replace(NOT_XML, ' ');

/** The document's title: the overview, the instrument and the cycle. */
export function overviewTitle(cycle: OverviewCycle, lang: Lang): string {
  const what = lang === 'nl' ? 'Uitvoeringsoverzicht' : 'Implementation overview';
  return `${what} ${cycle.instrumentName} (${cycle.instrumentCode}): ${cycle.label}`;
}

/** An ASCII-safe file name such as uitvoeringsoverzicht-CRC-2022.docx. */
export function overviewFileName(cycle: OverviewCycle, lang: Lang, ext: 'xlsx' | 'docx'): string {
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const when = cycle.year ?? `${lang === 'nl' ? 'cyclus' : 'cycle'}-${cycle.sequence}`;
  const what = lang === 'nl' ? 'uitvoeringsoverzicht' : 'implementation-overview';
  return `${what}-${ascii(cycle.instrumentCode) || 'cycle'}-${when}.${ext}`;
}
