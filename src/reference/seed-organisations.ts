import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';
import type { OrganisationRow } from '../organisations/rows.ts';
import { created, idsByCode, insertAbsent, insertParentsFirst, orNull } from './insert.ts';
import type { OrganisationRecord } from './records.ts';

/** Ministries, Kingdom countries, public bodies, ...: those whose code is new, parents first. */
export async function seedOrganisations(
  tx: Queryable,
  records: readonly OrganisationRecord[],
): Promise<{ count: number; changes: Change[] }> {
  const ids = await idsByCode(tx, 'organisations');
  const rows = await insertParentsFirst<OrganisationRecord, OrganisationRow>(
    records,
    ids,
    (batch, parentId) =>
      insertAbsent<OrganisationRow>(
        tx,
        'organisations',
        '(code)',
        batch.map((o) => ({
          code: o.code,
          name_nl: o.name_nl,
          name_en: o.name_en,
          kind: o.kind,
          parent_id: parentId(o),
          valid_from: orNull(o.valid_from),
          valid_to: orNull(o.valid_to),
          source: o.source,
          verified: o.verified,
        })),
      ),
  );
  return { count: rows.length, changes: created('organisation', rows) };
}
