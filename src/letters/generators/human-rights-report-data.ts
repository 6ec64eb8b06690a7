/**
 * What the annual human rights report, its nota and its Kamerbrief say about a year, read from the
 * data: the results framework of the year (areas, the priorities of area 1, goals and indicators),
 * the examples the editor selected per result area (report_examples), the Human Rights Council term
 * that covers the year, and the financial annex (totals per priority of the year and the year
 * before, on a cash basis, with their notes).
 */
import type { Actor } from '../../core/actor.ts';
import type { Queryable } from '../../core/db.ts';
import { getTerm } from '../../hrc/load.ts';
import type { Term } from '../../hrc/schema.ts';
import { loadFramework } from '../../report/framework.ts';
import type { Area } from '../../report/framework-schema.ts';
import type { YearTotals } from '../../report/schema.ts';
import { emptyYearTotals, expenditureTotals } from '../../report/service.ts';
import type { PriorityCode } from '../../report/priorities.ts';
import { letterErrors } from './errors.ts';

/** "Rapportage Mensenrechten, Democratie en Internationale Rechtsorde 2025". */
export const reportTitle = (year: number): string =>
  `Rapportage Mensenrechten, Democratie en Internationale Rechtsorde ${year}`;

export interface ReportExample {
  areaCode: number;
  priority: PriorityCode | null;
  title: string;
  body: string;
}

/** The totals of a year, with every priority listed (nothing spent: 0). */
export type AnnexYear = YearTotals;

export interface ReportFacts {
  year: number;
  areas: Area[];
  examples: ReportExample[];
  /** The term of the Human Rights Council that covers the year, with the resolutions and results of the year only. */
  term: Term | null;
  annex: { year: AnnexYear; before: AnnexYear };
}

async function examplesOf(q: Queryable, year: number): Promise<ReportExample[]> {
  const r = await q.query<ReportExample>(
    `select area_code as "areaCode", priority, title, body from report_examples
      where year = $1 order by area_code, priority nulls first, position, title, id`,
    [year],
  );
  return r.rows;
}

async function termOf(q: Queryable, actor: Actor, year: number): Promise<Term | null> {
  const r = await q.query<{ id: string }>(
    `select id from hrc_terms where start_year <= $1 and end_year >= $1
      order by (status = 'member') desc, start_year desc limit 1`,
    [year],
  );
  if (!r.rows[0]) return null;
  const term = await getTerm(q, actor, r.rows[0].id);
  return {
    ...term,
    resolutions: term.resolutions.filter((x) => x.adoptedOn?.startsWith(String(year))),
    results: term.results.filter((x) => x.year === year),
  };
}

/** Everything the report of the year is made from; no framework for the year is an error. */
export async function reportFacts(q: Queryable, actor: Actor, year: number): Promise<ReportFacts> {
  const framework = await loadFramework(q, actor, year);
  if (framework.areas.length === 0) throw letterErrors.no_framework_for_year({ year });
  const totals = await expenditureTotals(q, actor, { from: year - 1, to: year });
  const of = (y: number) => totals.years.find((t) => t.year === y) ?? emptyYearTotals(y);
  return {
    year,
    areas: [...framework.areas].sort((a, b) => a.code - b.code),
    examples: await examplesOf(q, year),
    term: await termOf(q, actor, year),
    annex: { year: of(year), before: of(year - 1) },
  };
}

/** A report of the workspace: its title, year and the organisation that drafts it. */
export async function reportDocument(
  q: Queryable,
  id: string,
): Promise<{ id: string; title: string; year: number; ownerOrganisationId: string }> {
  const r = await q.query<{ id: string; title: string; kind: string; year: number | null; owner: string }>(
    `select id, title, kind, (params->>'year')::int as year, owner_organisation_id as owner
       from outgoing_documents where id = $1`,
    [id],
  );
  const d = r.rows[0];
  if (!d) throw letterErrors.not_a_human_rights_report({ title: id });
  if (d.kind !== 'human_rights_report' || d.year === null)
    throw letterErrors.not_a_human_rights_report({ title: d.title });
  return { id: d.id, title: d.title, year: d.year, ownerOrganisationId: d.owner };
}

/** The title of the Kamerbrief of the workspace that sends the report, if one was made. */
export async function letterOfReport(q: Queryable, reportId: string): Promise<string | null> {
  const r = await q.query<{ title: string }>(
    `select title from outgoing_documents
      where kind = 'human_rights_report_letter' and params->>'report' = $1 order by created_at limit 1`,
    [reportId],
  );
  return r.rows[0]?.title ?? null;
}

/** The contributions received for the report of the year (the nota says what the report rests on). */
export async function contributionCount(q: Queryable, year: number): Promise<number> {
  const r = await q.query<{ n: number }>(
    `select count(*)::int as n from report_contributions c
       join report_contribution_requests r on r.id = c.request_id where r.year = $1`,
    [year],
  );
  return r.rows[0]!.n;
}

/** "The minister of" the organisation that drafts the report, when it is a ministry. */
export async function ministerOf(q: Queryable, organisationId: string): Promise<string[] | null> {
  const r = await q.query<{ name_nl: string }>(
    "select name_nl from organisations where id = $1 and kind = 'ministry'",
    [organisationId],
  );
  const name = r.rows[0]?.name_nl;
  return name ? [`De Minister van ${name.replace(/^Ministerie van /i, '')},`] : null;
}

const EUR = {
  whole: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }),
  cents: new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** An amount in euros in the Dutch number format: "9.395.942", "1.250.000,50". */
export const euros = (n: number): string => (Number.isInteger(n) ? EUR.whole : EUR.cents).format(n);
