import type { OrganisationKind } from './schema.ts';

/** A row of organisations, as the database returns it. */
export interface OrganisationRow {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
  kind: OrganisationKind;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An organisation with whether today lies within its validity. */
export interface OrganisationCurrentRow extends OrganisationRow {
  current: boolean;
}
