/** Rows of the instruments tables, as the database returns them (snake_case). */
import type { Instrument, MonitoringBody } from './schema.ts';

export interface MonitoringBodyRow {
  id: string;
  code: string;
  name_en: string;
  name_nl: string;
  system: MonitoringBody['system'];
  kind: MonitoringBody['kind'];
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InstrumentRow {
  id: string;
  code: string;
  short_name: string;
  name_en: string;
  name_nl: string;
  system: Instrument['system'];
  kind: Instrument['kind'];
  parent_id: string | null;
  monitoring_body_id: string | null;
  ratification_status: Instrument['ratificationStatus'];
  ratification_year: number | null;
  /** numeric: a string or a number depending on the engine. */
  periodicity_years: string | number | null;
  procedure: Instrument['procedure'];
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
  lead_source: string | null;
  lead_verified: boolean;
  lead_verified_by: string | null;
  lead_verified_at: string | null;
  applies_to: string[] | null;
  /** Column names (snake_case) of the facts not verified yet. */
  unverified_fields: string[] | null;
  sort_order: number;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An instrument with its monitoring body and its lead and coordinating organisations joined. */
export interface InstrumentDetailRow extends InstrumentRow {
  b_code: string | null;
  b_name_en: string | null;
  b_name_nl: string | null;
  lo_code: string | null;
  lo_name_nl: string | null;
  lo_name_en: string | null;
  co_code: string | null;
  co_name_nl: string | null;
  co_name_en: string | null;
  lv_name: string | null;
}
