import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { badRequest } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import type { Organisation } from './schema.ts';

export const organisationTable: TableSpec = {
  table: 'organisations',
  entity: 'organisation',
  writable: ['code', 'nameNl', 'nameEn', 'kind', 'parentId', 'validFrom', 'validTo', 'source', 'verified'],
};

const SELECT = `*, (coalesce(valid_from, '-infinity') <= current_date and coalesce(valid_to, 'infinity') >= current_date) as current`;

export const toOrganisation = (r: Record<string, unknown>) => camelize<Organisation>(r);

export async function listOrganisations(
  q: Queryable,
  f: {
    page: number;
    pageSize: number;
    kind?: string | undefined;
    q?: string | undefined;
    current?: 'true' | 'false' | undefined;
  },
) {
  const where = new Where()
    .addIf(f.kind, 'kind = ?', f.kind)
    .addIf(f.q, '(code ilike ? or name_nl ilike ? or name_en ilike ?)', `%${f.q}%`, `%${f.q}%`, `%${f.q}%`);
  if (f.current) {
    where.add(
      `(coalesce(valid_from, '-infinity') <= current_date and coalesce(valid_to, 'infinity') >= current_date) = ?`,
      f.current === 'true',
    );
  }
  return pageOf(q, {
    select: SELECT,
    from: 'organisations',
    where,
    orderBy: 'kind, code',
    page: f.page,
    pageSize: f.pageSize,
    map: toOrganisation,
  });
}

export async function getOrganisation(q: Queryable, id: string) {
  await getRow(q, organisationTable, id);
  const r = await q.query<Record<string, unknown>>(`select ${SELECT} from organisations where id = $1`, [id]);
  return toOrganisation(r.rows[0]!);
}

function checkDates(input: { validFrom?: string | null | undefined; validTo?: string | null | undefined }) {
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    throw badRequest(
      `"Valid to" (${input.validTo}) lies before "valid from" (${input.validFrom}): correct one of the dates.`,
    );
  }
}

export async function createOrganisation(db: Db, actor: Actor, input: Record<string, unknown>) {
  checkDates(input);
  const row = await db.transaction((tx) => insertRow(tx, actor, organisationTable, input));
  return getOrganisation(db, String(row.id));
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  await db.transaction(async (tx) => {
    const row = await updateRow(tx, actor, organisationTable, id, input);
    checkDates({ validFrom: row.valid_from as string | null, validTo: row.valid_to as string | null });
    if (row.parent_id === id) throw badRequest('An organisation cannot be its own parent.');
  });
  return getOrganisation(db, id);
}
