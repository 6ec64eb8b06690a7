import type { TokenScope } from './schema.ts';

/** A row of access_tokens, as the database returns it. The hash never leaves the server. */
export interface AccessTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scope: TokenScope;
  expires_at: string;
  created_by: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A service account: a row of users with service_account set, and its organisation's code. */
export interface ServiceAccountRow {
  id: string;
  name: string;
  role: 'observer' | 'contributor' | 'coordinator';
  organisation_id: string;
  organisation_code: string | null;
  active: boolean;
  created_at: string;
}

/** What a bearer token's request reads: the token, its user and the user's organisation. */
export interface TokenAuthRow {
  token_id: string;
  token_name: string;
  scope: TokenScope;
  expired: boolean;
  revoked: boolean;
  last_used_at: string | null;
  user_id: string;
  email: string;
  name: string;
  role: 'admin' | 'coordinator' | 'contributor' | 'observer';
  organisation_id: string | null;
  organisation_code: string | null;
  active: boolean;
  must_change_password: boolean;
}
