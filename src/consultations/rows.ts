/** The tables of consultations as the database returns them (snake_case), how they are read and written. */
import type { z } from 'zod';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import type { TableSpec } from '../core/write.ts';
import type {
  ConsultationCreate,
  ConsultationQuery,
  ConsultationUpdate,
  SubmissionModeration,
  SubmissionQuery,
} from './schema.ts';

export interface ConsultationRow {
  id: string;
  cycle_id: string;
  title_nl: string;
  title_en: string;
  description_nl: string;
  description_en: string;
  opens_at: string;
  closes_at: string;
  usage_summary: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A consultation with its cycle, its instrument's owners and its number of submissions. */
export interface ConsultationListRow extends ConsultationRow {
  cycle_label: string;
  instrument_id: string;
  instrument_code: string;
  instrument_short_name: string;
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
  submission_count: number;
}

/** The query that reads ConsultationListRow. */
export const CONSULTATION_SELECT = `c.*, cy.label as cycle_label, cy.instrument_id, i.code as instrument_code,
  i.short_name as instrument_short_name, i.lead_organisation_id, i.coordinating_organisation_id,
  (select count(*)::int from consultation_submissions s where s.consultation_id = c.id) as submission_count`;
export const CONSULTATION_FROM =
  'consultations c join cycles cy on cy.id = c.cycle_id join instruments i on i.id = cy.instrument_id';

/** A consultation with its cycle and instrument; "not found" when there is none. */
export async function consultationRow(q: Queryable, id: string): Promise<ConsultationListRow> {
  const r = await q.query<ConsultationListRow>(
    `select ${CONSULTATION_SELECT} from ${CONSULTATION_FROM} where c.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) throw notFound('consultation', id);
  return row;
}

export interface SubmissionRow {
  id: string;
  consultation_id: string;
  organisation_name: string;
  contact_name: string;
  contact_email: string;
  body: string;
  consent_to_publish: boolean;
  status: 'received' | 'accepted' | 'rejected';
  rejection_reason: string | null;
  published: boolean;
  usage_note: string | null;
  client_hash: string;
  submitted_at: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** An attachment without its content (the bytes are read only for a download). */
export interface AttachmentRow {
  id: string;
  submission_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
}

export type ConsultationCreateInput = z.infer<typeof ConsultationCreate>;
export type ConsultationUpdateInput = z.infer<typeof ConsultationUpdate>;
export type SubmissionModerationInput = z.infer<typeof SubmissionModeration>;
export type ConsultationFilter = z.infer<typeof ConsultationQuery>;
export type SubmissionFilter = z.infer<typeof SubmissionQuery>;

/** The fields of the public form, as saved. */
export interface SubmissionFieldsInput {
  organisationName: string;
  contactName: string;
  contactEmail: string;
  body: string;
  consentToPublish: boolean;
}

type ConsultationWritable = ConsultationCreateInput & Omit<ConsultationUpdateInput, 'version'>;

export const consultationTable: TableSpec<ConsultationRow, ConsultationWritable> = {
  table: 'consultations',
  entity: 'consultation',
  writable: [
    'cycleId',
    'titleNl',
    'titleEn',
    'descriptionNl',
    'descriptionEn',
    'opensAt',
    'closesAt',
    'usageSummary',
  ],
};

type SubmissionWritable = SubmissionFieldsInput & {
  consultationId: string;
  clientHash: string;
  status: SubmissionRow['status'];
  rejectionReason: string | null;
  published: boolean;
  usageNote: string | null;
};

export const submissionTable: TableSpec<SubmissionRow, SubmissionWritable> = {
  table: 'consultation_submissions',
  entity: 'consultation_submission',
  personal: ['organisation_name', 'contact_name', 'contact_email', 'body'],
  writable: [
    'consultationId',
    'organisationName',
    'contactName',
    'contactEmail',
    'body',
    'consentToPublish',
    'status',
    'rejectionReason',
    'published',
    'usageNote',
    'clientHash',
  ],
};
