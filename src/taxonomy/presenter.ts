import type { TermWithAliasesRow } from './rows.ts';
import type { Term } from './schema.ts';

export const presentTerm = (row: TermWithAliasesRow): Term => ({
  id: row.id,
  scheme: row.scheme,
  code: row.code,
  labelEn: row.label_en,
  labelNl: row.label_nl,
  labelNlSource: row.label_nl_source,
  labelNlVerified: row.label_nl_verified,
  parentId: row.parent_id,
  sortOrder: row.sort_order,
  aliases: row.aliases,
  source: row.source,
  verified: row.verified,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
