import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { notFound } from '../core/errors.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { organisationErrors } from './errors.ts';
import { assertMayManageOrganisations } from './policy.ts';
import { presentOrganisation } from './presenter.ts';
import type { OrganisationCurrentRow, OrganisationRow } from './rows.ts';
import type { Organisation, OrganisationCreate, OrganisationQuery, OrganisationUpdate } from './schema.ts';

export const organisationTable: TableSpec<OrganisationRow, OrganisationCreate> = {
  table: 'organisations',
  entity: 'organisation',
  writable: ['code', 'nameNl', 'nameEn', 'kind', 'parentId', 'validFrom', 'validTo', 'source', 'verified'],
};

const IS_CURRENT = `(coalesce(valid_from, '-infinity') <= current_date and coalesce(valid_to, 'infinity') >= current_date)`;
const SELECT = `*, ${IS_CURRENT} as current`;

export async function listOrganisations(q: Queryable, f: OrganisationQuery): Promise<Page<Organisation>> {
  const where = new Where()
    .addIf(f.kind, 'kind = ?', f.kind)
    .addIf(f.q, '(code ilike ? or name_nl ilike ? or name_en ilike ?)', `%${f.q}%`, `%${f.q}%`, `%${f.q}%`);
  if (f.current) where.add(`${IS_CURRENT} = ?`, f.current === 'true');
  return pageOf(q, {
    select: SELECT,
    from: 'organisations',
    where,
    orderBy: 'kind, code',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: OrganisationCurrentRow) => presentOrganisation(r),
  });
}

export async function getOrganisation(q: Queryable, id: string): Promise<Organisation> {
  const r = await q.query<OrganisationCurrentRow>(`select ${SELECT} from organisations where id = $1`, [id]);
  if (!r.rows[0]) throw notFound('organisation', id);
  return presentOrganisation(r.rows[0]);
}

/** The validity dates of an organisation must be in order, and it cannot fall under itself. */
function check(org: {
  id?: string;
  validFrom?: string | null;
  validTo?: string | null;
  parentId?: string | null;
}) {
  if (org.validFrom && org.validTo && org.validTo < org.validFrom)
    throw organisationErrors.dates_reversed({ validFrom: org.validFrom, validTo: org.validTo });
  if (org.id && org.parentId === org.id) throw organisationErrors.own_parent();
}

export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: OrganisationCreate,
): Promise<Organisation> {
  assertMayManageOrganisations(actor);
  check(input);
  return db.transaction(async (tx) => {
    const row = await insertRow(tx, actor, organisationTable, input);
    return getOrganisation(tx, row.id);
  });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  input: OrganisationUpdate,
): Promise<Organisation> {
  assertMayManageOrganisations(actor);
  return db.transaction(async (tx) => {
    const before = await getRow(tx, organisationTable, id, true);
    check({
      id,
      validFrom: input.validFrom === undefined ? before.valid_from : input.validFrom,
      validTo: input.validTo === undefined ? before.valid_to : input.validTo,
      parentId: input.parentId,
    });
    await updateRow(tx, actor, organisationTable, id, input);
    return getOrganisation(tx, id);
  });
}
