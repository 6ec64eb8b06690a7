/** The tables of the requests and contributions of a state report (migration 0039), and how they are written. */
import type { TableSpec } from '../core/write.ts';
import type { ContributionState } from './contributions-schema.ts';

export interface StateReportRequestRow {
  id: string;
  report_id: string;
  section_id: string;
  organisation_id: string;
  deadline: string;
  message: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface StateReportContributionRow {
  id: string;
  request_id: string;
  text: string;
  source: 'app' | 'docx';
  file_name: string | null;
  state: ContributionState;
  submitted_at: string | null;
  late: boolean;
  author_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

type RequestWrite = {
  reportId: string;
  sectionId: string;
  organisationId: string;
  deadline: string;
  message: string;
  createdBy: string | null;
};
export const REQUESTS: TableSpec<StateReportRequestRow, RequestWrite> = {
  table: 'state_report_requests',
  entity: 'state_report_request',
  writable: ['reportId', 'sectionId', 'organisationId', 'deadline', 'message', 'createdBy'],
};

type ContributionWrite = {
  requestId: string;
  text: string;
  source: 'app' | 'docx';
  fileName: string | null;
  state: ContributionState;
  submittedAt: string | null;
  late: boolean;
  authorId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
};
export const CONTRIBUTIONS: TableSpec<StateReportContributionRow, ContributionWrite> = {
  table: 'state_report_contributions',
  entity: 'state_report_contribution',
  writable: [
    'requestId',
    'text',
    'source',
    'fileName',
    'state',
    'submittedAt',
    'late',
    'authorId',
    'decidedBy',
    'decidedAt',
  ],
};
