/** Rows of the cycles tables, as the database returns them (snake_case). */
import type { DatePrecision } from '../core/dates.ts';
import type { DerivableKind, PhaseKind } from './schema.ts';

export interface CycleRow {
  id: string;
  instrument_id: string;
  label: string;
  sequence: number;
  procedure: 'standard' | 'simplified' | null;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A cycle with the facts of its instrument and monitoring body that the rules and the policy need. */
export interface CycleContextRow extends CycleRow {
  /** numeric: a string or a number depending on the engine. */
  i_periodicity: string | number | null;
  i_procedure: 'standard' | 'simplified' | null;
  i_code: string;
  i_lead_organisation_id: string | null;
  i_coordinating_organisation_id: string | null;
  b_code: string | null;
  b_kind: string | null;
}

export interface PhaseRow {
  id: string;
  cycle_id: string;
  kind: PhaseKind;
  date: string | null;
  date_precision: DatePrecision;
  symbol: string | null;
  session: string | null;
  note: string | null;
  follow_up_paragraphs: string | null;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DeadlineOverrideRow {
  id: string;
  cycle_id: string;
  kind: DerivableKind;
  date: string;
  reason: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** An override with the name of the user who set it. */
export interface DeadlineOverrideWithAuthorRow extends DeadlineOverrideRow {
  created_by_name: string | null;
}
