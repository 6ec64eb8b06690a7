/** The rows of the document workspace's tables (migration 0027), as the database returns them. */
import type { OutgoingKind, OutgoingParams } from './kinds.ts';
import type { Block } from './schema.ts';
import type { Frame, GeneratedSubsection } from './generators/types.ts';

export type OutgoingState = 'draft' | 'consulted' | 'ready' | 'sent';
export type SectionOrigin = 'generated' | 'edited' | 'added';

export interface OutgoingDocumentRow {
  id: string;
  kind: OutgoingKind;
  title: string;
  params: OutgoingParams;
  frame: Frame;
  frame_edited: boolean;
  state: OutgoingState;
  language: 'nl' | 'en';
  owner_organisation_id: string;
  sent_on: string | null;
  kamerstuk: string | null;
  generated_at: string;
  public: boolean;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What a section says: its heading, its blocks and its subsections. */
export interface SectionContent {
  heading: string;
  blocks: Block[];
  subsections: GeneratedSubsection[];
}

export interface OutgoingSectionRow extends SectionContent {
  id: string;
  document_id: string;
  key: string;
  position: number;
  level: 1 | 2;
  origin: SectionOrigin;
  generated: SectionContent | null;
  gone: boolean;
  edited_by: string | null;
  edited_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The document as a version keeps it. */
export interface Snapshot {
  title: string;
  frame: Frame;
  state: OutgoingState;
  sections: (SectionContent & { key: string; level: 1 | 2; origin: SectionOrigin })[];
}

export interface OutgoingVersionRow {
  id: string;
  document_id: string;
  number: number;
  snapshot: Snapshot;
  saved_by: string | null;
  saved_at: string;
  note: string;
}

export interface OutgoingConsultationRow {
  id: string;
  document_id: string;
  organisation_id: string;
  requested_by: string | null;
  requested_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
}
