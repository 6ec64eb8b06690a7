/**
 * The Netherlands reference data as it is kept in ./data: organisations, monitoring bodies,
 * instruments, reporting cycles with their phases, and the taxonomies. Every record names its
 * source and whether that source confirms it (verified).
 */
import type { PhaseKind } from '../cycles/schema.ts';
import organisationsJson from './data/organisations.json' with { type: 'json' };
import monitoringBodiesJson from './data/monitoring_bodies.json' with { type: 'json' };
import instrumentsJson from './data/instruments.json' with { type: 'json' };
import cyclesJson from './data/cycles.json' with { type: 'json' };
import taxonomyJson from './data/taxonomy.json' with { type: 'json' };

interface Sourced {
  source: string;
  verified: boolean;
}

export interface OrganisationRecord extends Sourced {
  code: string;
  name_nl: string;
  name_en: string;
  kind: string;
  parent_code?: string;
  valid_from?: string;
  valid_to?: string;
}

export interface MonitoringBodyRecord extends Sourced {
  code: string;
  name_en: string;
  name_nl: string;
  system: 'UN' | 'CoE' | 'national';
  kind: string;
}

export interface InstrumentRecord extends Sourced {
  code: string;
  short_name: string;
  name_en: string;
  name_nl: string;
  system: 'UN' | 'CoE';
  kind: 'treaty' | 'optional_protocol' | 'mechanism';
  parent_code?: string;
  body_code?: string;
  ratification_status: 'party' | 'signatory' | 'not_party' | 'not_applicable';
  ratification_year?: number;
  periodicity_years?: number;
  procedure?: 'standard' | 'simplified';
  lead_code?: string;
  coordinating_code?: string;
  lead_source: string;
  lead_verified: boolean;
  applies_to: string[];
  /** Fields of this record whose value is not verified (the record's other facts are). */
  unverified_fields?: string[];
  sort_order: number;
}

export interface PhaseRecord extends Sourced {
  kind: PhaseKind;
  /** 'YYYY-MM-DD'; null when the reference facts name the document but not its date. */
  date: string | null;
  date_precision: 'day' | 'month' | 'year';
  symbol?: string;
  session?: string;
  note?: string;
}

export interface CycleRecord extends Sourced {
  instrument_code: string;
  sequence: number;
  label: string;
  procedure?: 'standard' | 'simplified';
  phases: PhaseRecord[];
}

export interface TermRecord {
  code: string;
  label_en: string;
  label_nl?: string;
  /** Where the Dutch label comes from, and whether that source confirms it. */
  label_nl_source?: string;
  label_nl_verified?: boolean;
  aliases?: string[];
  source: string;
  verified: boolean;
}

export interface SdgTargetRecord extends TermRecord {
  goal: string;
}

export interface TaxonomyData {
  sdg_goals: TermRecord[];
  sdg_targets: SdgTargetRecord[];
  uhri_themes: TermRecord[];
  uhri_groups: TermRecord[];
  nl_priorities: TermRecord[];
}

export type TaxonomyScheme = 'sdg_goal' | 'sdg_target' | 'uhri_theme' | 'uhri_group' | 'nl_priority';

export interface ReferenceData {
  organisations: OrganisationRecord[];
  monitoringBodies: MonitoringBodyRecord[];
  instruments: InstrumentRecord[];
  cycles: CycleRecord[];
  taxonomy: TaxonomyData;
}

export const referenceData: ReferenceData = {
  organisations: organisationsJson as OrganisationRecord[],
  monitoringBodies: monitoringBodiesJson as MonitoringBodyRecord[],
  instruments: instrumentsJson as InstrumentRecord[],
  cycles: cyclesJson as CycleRecord[],
  taxonomy: taxonomyJson as TaxonomyData,
};
