import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';
import { created, idsByCode, insertAbsent, insertParentsFirst, orNull, resolveCode } from './insert.ts';
import type { InstrumentRecord, MonitoringBodyRecord } from './records.ts';

interface CodedRow {
  id: string;
  code: string;
}

/** The treaty bodies and other monitoring bodies whose code is new. */
export async function seedMonitoringBodies(
  tx: Queryable,
  records: readonly MonitoringBodyRecord[],
): Promise<{ count: number; changes: Change[] }> {
  const rows = await insertAbsent<CodedRow>(
    tx,
    'monitoring_bodies',
    '(code)',
    records.map((b) => ({
      code: b.code,
      name_en: b.name_en,
      name_nl: b.name_nl,
      system: b.system,
      kind: b.kind,
      source: b.source,
      verified: b.verified,
    })),
  );
  return { count: rows.length, changes: created('monitoring_body', rows) };
}

/**
 * The instruments whose code is new, treaties before their optional protocols, with their
 * monitoring body and their lead and coordinating organisations.
 */
export async function seedInstruments(
  tx: Queryable,
  records: readonly InstrumentRecord[],
): Promise<{ count: number; changes: Change[] }> {
  const orgIds = await idsByCode(tx, 'organisations');
  const bodyIds = await idsByCode(tx, 'monitoring_bodies');
  const ids = await idsByCode(tx, 'instruments');
  const rows = await insertParentsFirst<InstrumentRecord, CodedRow>(records, ids, (batch, parentId) =>
    insertAbsent<CodedRow>(
      tx,
      'instruments',
      '(code)',
      batch.map((i) => ({
        code: i.code,
        short_name: i.short_name,
        name_en: i.name_en,
        name_nl: i.name_nl,
        system: i.system,
        kind: i.kind,
        parent_id: parentId(i),
        monitoring_body_id: resolveCode(bodyIds, i.body_code, 'monitoring body'),
        ratification_status: i.ratification_status,
        ratification_year: orNull(i.ratification_year),
        periodicity_years: orNull(i.periodicity_years),
        procedure: orNull(i.procedure),
        lead_organisation_id: resolveCode(orgIds, i.lead_code, 'organisation'),
        coordinating_organisation_id: resolveCode(orgIds, i.coordinating_code, 'organisation'),
        lead_source: i.lead_source,
        lead_verified: i.lead_verified,
        applies_to: i.applies_to,
        unverified_fields: i.unverified_fields ?? [],
        sort_order: i.sort_order,
        source: i.source,
        verified: i.verified,
      })),
    ),
  );
  return { count: rows.length, changes: created('instrument', rows) };
}
