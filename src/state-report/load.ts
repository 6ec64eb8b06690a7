/**
 * Reading state reports: the list, one report with its sections (words, requests, contributions,
 * follow-up priority), and the facts the rules read.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { isPrioritySection, loadPreviousCo, matchSections } from './context.ts';
import { stateReportAbilities } from './policy.ts';
import { limitFor } from './reference.ts';
import { REPORT_FACTS, REPORTS, type StateReportFactsRow, type StateReportSectionRow } from './rows.ts';
import type { StateReport, StateReportListItem, StateReportSectionSummary } from './schema.ts';
import { countWords } from './words.ts';

/** The report with its cycle and instrument (404 when there is none). */
export async function reportFacts(q: Queryable, id: string, forUpdate = false): Promise<StateReportFactsRow> {
  const r = await q.query<StateReportFactsRow>(
    `${REPORT_FACTS} where sr.id = $1${forUpdate ? ' for update of sr' : ''}`,
    [id],
  );
  if (!r.rows[0]) throw notFound(REPORTS.entity, id);
  return r.rows[0];
}

export async function reportSections(q: Queryable, reportId: string): Promise<StateReportSectionRow[]> {
  const r = await q.query<StateReportSectionRow>(
    'select * from state_report_sections where report_id = $1 order by position, key',
    [reportId],
  );
  return r.rows;
}

/** The words of a report, its limit and whether it is over it. */
export function wordsOf(report: StateReportFactsRow, sections: Pick<StateReportSectionRow, 'text'>[]) {
  const words = sections.reduce((n, s) => n + countWords(s.text), 0);
  const wordLimit = limitFor(report.kind, report.cycle_sequence);
  return { words, wordLimit, overLimit: words > wordLimit.words };
}

/** Whether the actor's organisation was asked for a contribution to the report. */
export async function wasAsked(q: Queryable, actor: Actor | null, reportId: string): Promise<boolean> {
  if (!actor?.organisationId) return false;
  const r = await q.query(
    'select 1 from state_report_requests where report_id = $1 and organisation_id = $2 limit 1',
    [reportId, actor.organisationId],
  );
  return Boolean(r.rowCount);
}

const head = (r: StateReportFactsRow, sections: Pick<StateReportSectionRow, 'text'>[]) => ({
  id: r.id,
  cycleId: r.cycle_id,
  cycleLabel: r.cycle_label,
  instrumentId: r.instrument_id,
  instrumentCode: r.instrument_code,
  instrumentName: r.instrument_name_nl,
  kind: r.kind,
  title: r.title,
  symbol: r.symbol,
  submittedOn: r.submitted_on,
  ...wordsOf(r, sections),
});

export async function listStateReports(q: Queryable, cycleId?: string): Promise<StateReportListItem[]> {
  const reports = await q.query<StateReportFactsRow>(
    `${REPORT_FACTS} ${cycleId ? 'where sr.cycle_id = $1' : ''} order by i.sort_order, i.code, c.sequence desc`,
    cycleId ? [cycleId] : [],
  );
  const texts = await q.query<{ report_id: string; text: string }>(
    'select report_id, text from state_report_sections where report_id = any($1::uuid[])',
    [reports.rows.map((r) => r.id)],
  );
  return reports.rows.map((r) => ({
    ...head(
      r,
      texts.rows.filter((t) => t.report_id === r.id),
    ),
    updatedAt: r.updated_at,
  }));
}

interface CountRow {
  section_id: string;
  requests: number;
  submitted: number;
  accepted: number;
}

export async function getStateReport(q: Queryable, actor: Actor | null, id: string): Promise<StateReport> {
  const r = await reportFacts(q, id);
  const sections = await reportSections(q, id);
  const counts = await q.query<CountRow>(
    `select rq.section_id, count(*)::int as requests,
            count(c.id) filter (where c.state in ('submitted', 'accepted', 'rejected'))::int as submitted,
            count(c.id) filter (where c.state = 'accepted')::int as accepted
       from state_report_requests rq left join state_report_contributions c on c.request_id = rq.id
      where rq.report_id = $1 group by rq.section_id`,
    [id],
  );
  const co = await loadPreviousCo(q, r);
  const listed = matchSections(co, sections, r.instrument_code);
  const loi = r.loi_document_id
    ? (
        await q.query<{ symbol: string | null }>('select symbol from documents where id = $1', [
          r.loi_document_id,
        ])
      ).rows[0]
    : undefined;
  return {
    ...head(r, sections),
    loiDocumentId: r.loi_document_id,
    loiSymbol: loi?.symbol ?? null,
    letterId: r.letter_id,
    memoId: r.memo_id,
    previousCoSymbol: co?.symbol ?? null,
    sections: sections.map((s): StateReportSectionSummary => {
      const c = counts.rows.find((x) => x.section_id === s.id);
      return {
        ...sectionSummary(s),
        requests: c?.requests ?? 0,
        contributionsSubmitted: c?.submitted ?? 0,
        contributionsAccepted: c?.accepted ?? 0,
        priority: isPrioritySection(co, s, listed.get(s.key) ?? []),
      };
    }),
    abilities: stateReportAbilities(actor, r, await wasAsked(q, actor, id)),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A section's own fields as the API shows them (counts and priority are added by the caller). */
export const sectionSummary = (s: StateReportSectionRow) => ({
  id: s.id,
  key: s.key,
  part: s.part,
  number: s.number,
  heading: s.heading,
  position: s.position,
  articles: s.articles,
  coParagraphs: s.co_paragraphs,
  words: countWords(s.text),
  version: s.version,
});
