import type { Actor } from '../core/actor.ts';
import { instrumentAbilities, ownersOfRow } from './policy.ts';
import type { InstrumentDetailRow, MonitoringBodyRow } from './rows.ts';
import type { Instrument, MonitoringBody, OrgRef } from './schema.ts';

/** An organisation a row joined (id, code, names), or null when the row has none. */
export const orgRef = (
  id: string | null,
  code: string | null,
  nameNl: string | null,
  nameEn: string | null,
): OrgRef | null => (id ? { id, code: String(code), nameNl: String(nameNl), nameEn: String(nameEn) } : null);

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The queries that return InstrumentDetailRow. */
export const INSTRUMENT_FROM = `instruments i
  left join monitoring_bodies b on b.id = i.monitoring_body_id
  left join organisations lo on lo.id = i.lead_organisation_id
  left join organisations co on co.id = i.coordinating_organisation_id
  left join users lv on lv.id = i.lead_verified_by`;
export const INSTRUMENT_SELECT = `i.*,
  b.code as b_code, b.name_en as b_name_en, b.name_nl as b_name_nl,
  lo.code as lo_code, lo.name_nl as lo_name_nl, lo.name_en as lo_name_en,
  co.code as co_code, co.name_nl as co_name_nl, co.name_en as co_name_en, lv.name as lv_name`;

/** An instrument in the API's shape, with what the current user may do with it. */
export function presentInstrument(r: InstrumentDetailRow, actor: Actor | null): Instrument {
  return {
    id: r.id,
    code: r.code,
    shortName: r.short_name,
    nameEn: r.name_en,
    nameNl: r.name_nl,
    system: r.system,
    kind: r.kind,
    parentId: r.parent_id,
    monitoringBody: r.monitoring_body_id
      ? {
          id: r.monitoring_body_id,
          code: String(r.b_code),
          nameEn: String(r.b_name_en),
          nameNl: String(r.b_name_nl),
        }
      : null,
    ratificationStatus: r.ratification_status,
    ratificationYear: r.ratification_year,
    periodicityYears: r.periodicity_years === null ? null : Number(r.periodicity_years),
    procedure: r.procedure ?? null,
    lead: orgRef(r.lead_organisation_id, r.lo_code, r.lo_name_nl, r.lo_name_en),
    coordinating: orgRef(r.coordinating_organisation_id, r.co_code, r.co_name_nl, r.co_name_en),
    leadSource: r.lead_source,
    leadVerified: r.lead_verified,
    leadVerifiedBy: r.lead_verified_by ? { id: r.lead_verified_by, name: String(r.lv_name ?? '') } : null,
    leadVerifiedAt: r.lead_verified_at === null ? null : String(r.lead_verified_at),
    appliesTo: r.applies_to ?? [],
    unverifiedFields: (r.unverified_fields ?? []).map(camelCase),
    sortOrder: Number(r.sort_order),
    source: r.source,
    verified: r.verified,
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    abilities: instrumentAbilities(actor, ownersOfRow(r)),
  };
}

export function presentMonitoringBody(r: MonitoringBodyRow): MonitoringBody {
  return {
    id: r.id,
    code: r.code,
    nameEn: r.name_en,
    nameNl: r.name_nl,
    system: r.system,
    kind: r.kind,
    source: r.source,
    verified: r.verified,
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}
