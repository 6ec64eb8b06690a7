/** One presenter per entity: a database row (snake_case) → the API's shape, with the caller's abilities. */
import type { Actor } from '../core/actor.ts';
import type { InstrumentOwners } from '../instruments/policy.ts';
import { consultationAbilities } from './policy.ts';
import type { AttachmentRow, ConsultationListRow, SubmissionRow } from './rows.ts';
import type { Attachment, Consultation, PublicSubmission, Submission } from './schema.ts';
import { consultationStatus } from './status.ts';

/** The instrument a consultation belongs to, for the rules. */
export const ownersOf = (row: ConsultationListRow): InstrumentOwners => ({
  code: row.instrument_code,
  leadOrganisationId: row.lead_organisation_id,
  coordinatingOrganisationId: row.coordinating_organisation_id,
});

export function presentConsultation(row: ConsultationListRow, actor: Actor | null): Consultation {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    cycleLabel: row.cycle_label,
    instrumentId: row.instrument_id,
    instrumentCode: row.instrument_code,
    instrumentShortName: row.instrument_short_name,
    titleNl: row.title_nl,
    titleEn: row.title_en,
    descriptionNl: row.description_nl,
    descriptionEn: row.description_en,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    status: consultationStatus(row.opens_at, row.closes_at),
    usageSummary: row.usage_summary,
    submissionCount: Number(row.submission_count),
    abilities: consultationAbilities(actor, ownersOf(row)),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const presentAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
});

/** A submission as its moderators see it: with the contact details, without the address hash. */
export const presentSubmission = (row: SubmissionRow, attachments: Attachment[]): Submission => ({
  id: row.id,
  consultationId: row.consultation_id,
  organisationName: row.organisation_name,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  body: row.body,
  consentToPublish: row.consent_to_publish,
  status: row.status,
  rejectionReason: row.rejection_reason,
  published: row.published,
  usageNote: row.usage_note,
  submittedAt: row.submitted_at,
  attachments,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A published submission as the public sees it: no contact details. */
export const presentPublicSubmission = (
  row: Pick<SubmissionRow, 'id' | 'organisation_name' | 'body' | 'usage_note' | 'submitted_at'>,
  attachments: Attachment[],
): PublicSubmission => ({
  id: row.id,
  organisationName: row.organisation_name,
  body: row.body,
  usageNote: row.usage_note,
  submittedAt: row.submitted_at,
  attachments,
});
