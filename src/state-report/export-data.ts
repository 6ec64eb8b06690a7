/**
 * What the two documents of a state report's export are made from (src/letters/generators/
 * state-report.ts and state-report-memo.ts): the report with its cycle, instrument, committee and
 * lead ministry, its sections in order with their texts, the word count against the limit, and the
 * contributions merged.
 */
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { limitFor } from './reference.ts';
import type { WordLimit } from './schema.ts';
import { countWords } from './words.ts';

export interface ExportSection {
  key: string;
  part: 'intro' | 'article' | 'question' | 'annex';
  number: string | null;
  heading: string;
  text: string;
}

export interface ExportReport {
  id: string;
  title: string;
  kind: 'periodic' | 'simplified';
  symbol: string | null;
  submittedOn: string | null;
  cycleLabel: string;
  instrumentCode: string;
  instrumentNameEn: string;
  instrumentNameNl: string;
  committeeEn: string | null;
  committeeNl: string | null;
  leadNameNl: string | null;
  sections: ExportSection[];
  words: number;
  limit: WordLimit;
  contributions: { accepted: number; late: number; organisations: number };
}

export async function exportReport(q: Queryable, reportId: string): Promise<ExportReport> {
  const r = await q.query<{
    id: string;
    title: string;
    kind: 'periodic' | 'simplified';
    symbol: string | null;
    submitted_on: string | null;
    cycle_label: string;
    sequence: number;
    code: string;
    name_en: string;
    name_nl: string;
    committee_en: string | null;
    committee_nl: string | null;
    lead_name_nl: string | null;
  }>(
    `select sr.id, sr.title, sr.kind, sr.symbol, sr.submitted_on, c.label as cycle_label, c.sequence, i.code, i.name_en,
            i.name_nl, mb.name_en as committee_en, mb.name_nl as committee_nl, o.name_nl as lead_name_nl
       from state_reports sr join cycles c on c.id = sr.cycle_id join instruments i on i.id = c.instrument_id
       left join monitoring_bodies mb on mb.id = i.monitoring_body_id
       left join organisations o on o.id = i.lead_organisation_id
      where sr.id = $1`,
    [reportId],
  );
  const row = r.rows[0];
  if (!row) throw notFound('state_report', reportId);
  const sections = await q.query<ExportSection>(
    `select key, part, number, heading, text from state_report_sections where report_id = $1
      order by (part = 'annex'), position, key`,
    [reportId],
  );
  const counts = await q.query<{ accepted: number; late: number; organisations: number }>(
    `select count(*) filter (where c.state = 'accepted')::int as accepted,
            count(*) filter (where c.state = 'accepted' and c.late)::int as late,
            count(distinct rq.organisation_id) filter (where c.state = 'accepted')::int as organisations
       from state_report_contributions c join state_report_requests rq on rq.id = c.request_id
      where rq.report_id = $1`,
    [reportId],
  );
  const words = sections.rows.reduce((n, s) => n + countWords(s.text), 0);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    symbol: row.symbol,
    submittedOn: row.submitted_on,
    cycleLabel: row.cycle_label,
    instrumentCode: row.code,
    instrumentNameEn: row.name_en,
    instrumentNameNl: row.name_nl,
    committeeEn: row.committee_en,
    committeeNl: row.committee_nl,
    leadNameNl: row.lead_name_nl,
    sections: sections.rows,
    words,
    limit: limitFor(row.kind, row.sequence),
    contributions: counts.rows[0]!,
  };
}

/** The prefix of a treaty body's document symbols, by the instrument's code. */
const SYMBOL_PREFIX: Record<string, string> = { ICESCR: 'E/C.12', ICCPR: 'CCPR/C', ICERD: 'CERD/C' };

/** The report's symbol, or its placeholder until the UN gives one: "CAT/C/NLD/?". */
export const symbolOrPlaceholder = (r: Pick<ExportReport, 'symbol' | 'instrumentCode'>): string =>
  r.symbol ?? `${SYMBOL_PREFIX[r.instrumentCode] ?? `${r.instrumentCode}/C`}/NLD/?`;
