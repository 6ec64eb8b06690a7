/** Rows of the commitment tables, as the database returns them (snake_case). */
import type { TableSpec } from '../core/write.ts';
import type { CommitmentKind, CommitmentStatus } from './schema.ts';

export interface CommitmentRow {
  id: string;
  kind: CommitmentKind;
  text: string;
  citation: string | null;
  citation_type: 'kamerstuk' | 'handelingen' | null;
  dossier: number | null;
  toevoeging: string | null;
  ondernummer: number | null;
  kamer: 'I' | 'II' | null;
  vergaderjaar: string | null;
  handelingen_nr: number | null;
  handelingen_item: number | null;
  organisation_id: string;
  organisation_verified: boolean;
  made_on: string | null;
  due_on: string | null;
  status: CommitmentStatus;
  status_note: string | null;
  evidence_document_id: string | null;
  evidence_outgoing_id: string | null;
  evidence_citation: string | null;
  tk_id: string | null;
  tk_number: string | null;
  submitters: string[];
  vote_outcome: 'adopted' | 'rejected' | null;
  seats_for: number | null;
  seats_against: number | null;
  kabinetsappreciatie: string | null;
  made_by: string | null;
  source_hash: string | null;
  created_by: string | null;
  source_outgoing_id: string | null;
  source_section_key: string | null;
  source_part: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The citation columns, from a parsed citation (all null without one). */
export interface CitationColumns {
  citation: string | null;
  citationType: 'kamerstuk' | 'handelingen' | null;
  dossier: number | null;
  toevoeging: string | null;
  ondernummer: number | null;
  kamer: 'I' | 'II' | null;
  vergaderjaar: string | null;
  handelingenNr: number | null;
  handelingenItem: number | null;
}

export interface CommitmentWrite extends CitationColumns {
  kind: CommitmentKind;
  text: string;
  organisationId: string;
  organisationVerified: boolean;
  madeOn: string | null;
  dueOn: string | null;
  status: CommitmentStatus;
  statusNote: string | null;
  evidenceDocumentId: string | null;
  evidenceOutgoingId: string | null;
  evidenceCitation: string | null;
  tkId: string | null;
  tkNumber: string | null;
  submitters: string[];
  voteOutcome: 'adopted' | 'rejected' | null;
  seatsFor: number | null;
  seatsAgainst: number | null;
  kabinetsappreciatie: string | null;
  madeBy: string | null;
  sourceHash: string | null;
  createdBy: string | null;
  /** A point of a cabinet response: the workspace document, its section and the part taken. */
  sourceOutgoingId?: string | null;
  sourceSectionKey?: string | null;
  sourcePart?: number | null;
}

export const commitmentTable: TableSpec<CommitmentRow, CommitmentWrite> = {
  table: 'commitments',
  entity: 'commitment',
  writable: [
    'kind',
    'text',
    'citation',
    'citationType',
    'dossier',
    'toevoeging',
    'ondernummer',
    'kamer',
    'vergaderjaar',
    'handelingenNr',
    'handelingenItem',
    'organisationId',
    'organisationVerified',
    'madeOn',
    'dueOn',
    'status',
    'statusNote',
    'evidenceDocumentId',
    'evidenceOutgoingId',
    'evidenceCitation',
    'tkId',
    'tkNumber',
    'submitters',
    'voteOutcome',
    'seatsFor',
    'seatsAgainst',
    'kabinetsappreciatie',
    'madeBy',
    'sourceHash',
    'createdBy',
    'sourceOutgoingId',
    'sourceSectionKey',
    'sourcePart',
  ],
};
