import type { UserRow } from './rows.ts';
import type { User } from './schema.ts';

export const presentUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  organisationId: row.organisation_id,
  active: row.active,
  mustChangePassword: row.must_change_password,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
