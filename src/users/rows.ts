import type { Role } from '../shared/schema.ts';

/** A row of users, as the database returns it. The password hash never leaves the server. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  organisation_id: string | null;
  active: boolean;
  must_change_password: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}
