import type { Actor } from '../core/actor.ts';
import { documentAbilities, type DocumentFacts } from './policy.ts';
import type { DocumentOwnedRow } from './rows.ts';
import type { Document } from './schema.ts';

/** The facts the policy looks at, from a row that joined the document's instrument. */
export const documentFacts = (row: DocumentOwnedRow): DocumentFacts => ({
  public: row.public,
  createdBy: row.created_by,
  instrument: row.instrument_id
    ? {
        code: row.instrument_code,
        leadOrganisationId: row.lead_organisation_id,
        coordinatingOrganisationId: row.coordinating_organisation_id,
      }
    : null,
});

/** A document as the API shows it to the actor, with what the actor may do with it. */
export const presentDocument = (row: DocumentOwnedRow, actor: Actor | null): Document => ({
  id: row.id,
  symbol: row.symbol,
  title: row.title,
  kind: row.kind,
  date: row.date,
  language: row.language,
  instrumentId: row.instrument_id,
  cycleId: row.cycle_id,
  url: row.url,
  public: row.public,
  createdBy: row.created_by,
  source: row.source,
  verified: row.verified,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  abilities: documentAbilities(actor, documentFacts(row)),
});
