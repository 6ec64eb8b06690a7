import type { Scheme } from './schema.ts';

/** A row of taxonomy_terms, as the database returns it. */
export interface TermRow {
  id: string;
  scheme: Scheme;
  code: string;
  label_en: string;
  label_nl: string | null;
  /** Where the Dutch label comes from; null when a user wrote it. */
  label_nl_source: string | null;
  label_nl_verified: boolean;
  parent_id: string | null;
  sort_order: number;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A term with the spellings that stand for it (other than its English label). */
export interface TermWithAliasesRow extends TermRow {
  aliases: string[];
}

/** A row of taxonomy_aliases. */
export interface AliasRow {
  id: string;
  term_id: string;
  scheme: Scheme;
  alias: string;
  normalized: string;
  created_at: string;
}
