/** The tables of contributions and examples (migration 0034), as the database returns them, and how they are written. */
import type { TableSpec } from '../core/write.ts';
import type { ContributionPriority } from './contributions-schema.ts';

export interface ContributionRequestRow {
  id: string;
  year: number;
  title: string;
  instructions: string;
  addressees: string[];
  deadline: string;
  link_hash: string;
  closed: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A request with the number of its contributions. */
export interface ContributionRequestListRow extends ContributionRequestRow {
  contribution_count: number;
}

export interface ContributionRow {
  id: string;
  request_id: string;
  organisation: string;
  contact_name: string;
  contact_email: string;
  title: string;
  body: string;
  areas: number[];
  priorities: ContributionPriority[];
  submitted_by: string | null;
  client_hash: string | null;
  submitted_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExampleRow {
  id: string;
  year: number;
  area_code: number;
  priority: ContributionPriority | null;
  contribution_id: string | null;
  title: string;
  body: string;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
}

type RequestInput = {
  year: number;
  title: string;
  instructions: string;
  addressees: string[];
  deadline: string;
  linkHash: string;
  closed: boolean;
};
export const REQUESTS: TableSpec<ContributionRequestRow, RequestInput> = {
  table: 'report_contribution_requests',
  entity: 'report_contribution_request',
  writable: ['year', 'title', 'instructions', 'addressees', 'deadline', 'linkHash', 'closed'],
};

type ContributionWrite = {
  requestId: string;
  organisation: string;
  contactName: string;
  contactEmail: string;
  title: string;
  body: string;
  areas: number[];
  priorities: string[];
  submittedBy: string | null;
  clientHash: string | null;
};
export const CONTRIBUTIONS: TableSpec<ContributionRow, ContributionWrite> = {
  table: 'report_contributions',
  entity: 'report_contribution',
  writable: [
    'requestId',
    'organisation',
    'contactName',
    'contactEmail',
    'title',
    'body',
    'areas',
    'priorities',
    'submittedBy',
    'clientHash',
  ],
  // The audit trail keeps only hashes of the contact person's details.
  personal: ['contact_name', 'contact_email'],
};

type ExampleWrite = {
  year: number;
  areaCode: number;
  priority: string | null;
  contributionId: string | null;
  title: string;
  body: string;
  position: number;
};
export const EXAMPLES: TableSpec<ExampleRow, ExampleWrite> = {
  table: 'report_examples',
  entity: 'report_example',
  writable: ['year', 'areaCode', 'priority', 'contributionId', 'title', 'body', 'position'],
};
