/** The tables of the state report itself (migration 0039), and how they are written. */
import type { TableSpec } from '../core/write.ts';
import type { SectionPart, StateReportKind } from './schema.ts';

export interface StateReportRow {
  id: string;
  cycle_id: string;
  kind: StateReportKind;
  title: string;
  loi_document_id: string | null;
  symbol: string | null;
  submitted_on: string | null;
  letter_id: string | null;
  memo_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StateReportSectionRow {
  id: string;
  report_id: string;
  position: number;
  key: string;
  part: SectionPart;
  number: string | null;
  heading: string;
  question: string | null;
  articles: string[];
  co_paragraphs: string[];
  text: string;
  created_at: string;
  updated_at: string;
  version: number;
}

type ReportWrite = {
  cycleId: string;
  kind: StateReportKind;
  title: string;
  loiDocumentId: string | null;
  symbol: string | null;
  submittedOn: string | null;
  createdBy: string | null;
  /** The workspace documents of its export (src/state-report/export.ts). */
  letterId: string | null;
  memoId: string | null;
};
export const REPORTS: TableSpec<StateReportRow, ReportWrite> = {
  table: 'state_reports',
  entity: 'state_report',
  writable: [
    'cycleId',
    'kind',
    'title',
    'loiDocumentId',
    'symbol',
    'submittedOn',
    'createdBy',
    'letterId',
    'memoId',
  ],
};

export type SectionWrite = {
  reportId: string;
  position: number;
  key: string;
  part: SectionPart;
  number: string | null;
  heading: string;
  question: string | null;
  articles: string[];
  coParagraphs: string[];
  text: string;
};
export const SECTIONS: TableSpec<StateReportSectionRow, SectionWrite> = {
  table: 'state_report_sections',
  entity: 'state_report_section',
  writable: [
    'reportId',
    'position',
    'key',
    'part',
    'number',
    'heading',
    'question',
    'articles',
    'coParagraphs',
    'text',
  ],
};

/** A report with its cycle and instrument, as the rules and presenters read it. */
export interface StateReportFactsRow extends StateReportRow {
  cycle_label: string;
  cycle_sequence: number;
  instrument_id: string;
  instrument_code: string;
  instrument_name_en: string;
  instrument_name_nl: string;
  body_code: string | null;
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
}

export const REPORT_FACTS = `select sr.*, c.label as cycle_label, c.sequence as cycle_sequence, i.id as instrument_id,
       i.code as instrument_code, i.name_en as instrument_name_en, i.name_nl as instrument_name_nl,
       b.code as body_code, i.lead_organisation_id, i.coordinating_organisation_id
  from state_reports sr
  join cycles c on c.id = sr.cycle_id
  join instruments i on i.id = c.instrument_id
  left join monitoring_bodies b on b.id = i.monitoring_body_id`;
