import type { DocumentKind } from './schema.ts';

/** A row of the documents table, as the database returns it. */
export interface DocumentRow {
  id: string;
  symbol: string | null;
  title: string;
  kind: DocumentKind;
  date: string | null;
  language: string;
  instrument_id: string | null;
  cycle_id: string | null;
  url: string | null;
  public: boolean;
  created_by: string | null;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A document with the owners of its instrument, which decide who may change it. */
export interface DocumentOwnedRow extends DocumentRow {
  instrument_code: string | null;
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
}
