/** Rows of the Human Rights Council tables, as the database returns them (snake_case). */
import type { TableSpec } from '../core/write.ts';

interface Versioned {
  id: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TermRow extends Versioned {
  start_year: number;
  end_year: number;
  status: 'candidate' | 'member' | 'past';
  election_date: string | null;
  votes_received: number | null;
  seats: number | null;
  region_group: string | null;
  notes: string | null;
  source: string | null;
  unverified_fields: string[];
}
export interface TermWrite {
  startYear: number;
  endYear: number;
  status: TermRow['status'];
  electionDate: string | null;
  votesReceived: number | null;
  seats: number | null;
  regionGroup: string | null;
  notes: string | null;
  /** The fields of a seeded term its source does not state; saving one confirms it. */
  unverifiedFields?: string[];
}
export const termTable: TableSpec<TermRow, TermWrite> = {
  table: 'hrc_terms',
  entity: 'hrc_term',
  writable: [
    'startYear',
    'endYear',
    'status',
    'electionDate',
    'votesReceived',
    'seats',
    'regionGroup',
    'notes',
    'unverifiedFields',
  ],
};

export interface PriorityRow extends Versioned {
  term_id: string;
  title: string;
  description: string | null;
  position: number;
  source: string | null;
}
export interface PriorityWrite {
  termId: string;
  title: string;
  description: string | null;
  position: number;
}
export const priorityTable: TableSpec<PriorityRow, PriorityWrite> = {
  table: 'hrc_priorities',
  entity: 'hrc_priority',
  writable: ['termId', 'title', 'description', 'position'],
};

export interface PledgeRow extends Versioned {
  term_id: string;
  commitment_id: string;
}
export const pledgeTable: TableSpec<PledgeRow, { termId: string; commitmentId: string }> = {
  table: 'hrc_pledges',
  entity: 'hrc_pledge',
  writable: ['termId', 'commitmentId'],
};

export interface ResolutionRow extends Versioned {
  term_id: string;
  title: string;
  symbol: string;
  session: number | null;
  role: 'lead' | 'co_sponsor';
  core_group: string[];
  adopted_on: string | null;
  vote: string | null;
}
export interface ResolutionWrite {
  termId: string;
  title: string;
  symbol: string;
  session: number | null;
  role: 'lead' | 'co_sponsor';
  coreGroup: string[];
  adoptedOn: string | null;
  vote: string | null;
}
export const resolutionTable: TableSpec<ResolutionRow, ResolutionWrite> = {
  table: 'hrc_resolutions',
  entity: 'hrc_resolution',
  writable: ['termId', 'title', 'symbol', 'session', 'role', 'coreGroup', 'adoptedOn', 'vote'],
};

export interface ResultRow extends Versioned {
  term_id: string;
  year: number;
  text: string;
}
export const resultTable: TableSpec<ResultRow, { termId: string; year: number; text: string }> = {
  table: 'hrc_results',
  entity: 'hrc_result',
  writable: ['termId', 'year', 'text'],
};
