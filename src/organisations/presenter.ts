import type { OrganisationCurrentRow } from './rows.ts';
import type { Organisation } from './schema.ts';

export const presentOrganisation = (row: OrganisationCurrentRow): Organisation => ({
  id: row.id,
  code: row.code,
  nameNl: row.name_nl,
  nameEn: row.name_en,
  kind: row.kind,
  parentId: row.parent_id,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  current: row.current,
  source: row.source,
  verified: row.verified,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
