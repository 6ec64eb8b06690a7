import { z } from 'zod';
import {
  BoundedDateTime,
  DATE_BOUNDS,
  PageQuery,
  refuseHostileText,
  Uuid,
  VersionInput,
  Versioned,
} from '../shared/schema.ts';

/** Derived from the dates, never stored: before opening, between opening and closing, after. */
export const ConsultationStatus = z.enum(['planned', 'open', 'closed']);
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

export const DateTime = z.iso.datetime({
  offset: true,
  message: 'must be a date and time with its offset, e.g. 2027-03-01T09:00:00+01:00',
});
/** Opening and closing: within a few years of today (DATE_BOUNDS.consultation). */
const ConsultationMoment = BoundedDateTime(
  DATE_BOUNDS.consultation,
  'must be a date and time with its offset, e.g. 2027-03-01T09:00:00+01:00',
);

/** Limits of the public submission form (also shown on the page). */
export const SUBMISSION_LIMITS = {
  maxFiles: 3,
  maxFileBytes: 10 * 1024 * 1024,
  maxBodyChars: 50_000,
  perAddressPerHour: 5,
  extensions: ['pdf', 'docx', 'odt', 'txt'],
} as const;

export const Consultation = z.object({
  id: Uuid,
  cycleId: Uuid,
  cycleLabel: z.string(),
  instrumentId: Uuid,
  instrumentCode: z.string(),
  instrumentShortName: z.string(),
  titleNl: z.string(),
  titleEn: z.string(),
  descriptionNl: z.string(),
  descriptionEn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: ConsultationStatus,
  usageSummary: z.string().nullable(),
  /** Submissions received (all statuses); the texts are for coordinators only. */
  submissionCount: z.number().int(),
  /** What the caller may do: edit the round, read and moderate its submissions. */
  abilities: z.object({ edit: z.boolean(), moderate: z.boolean(), erase: z.boolean() }),
  ...Versioned,
});
export type Consultation = z.infer<typeof Consultation>;

const Title = (lang: string) => z.string().trim().min(1, `enter the ${lang} title`).max(300);

const ConsultationFields = z.object({
  cycleId: Uuid,
  titleNl: Title('Dutch'),
  titleEn: Title('English'),
  descriptionNl: z.string().max(20_000).optional(),
  descriptionEn: z.string().max(20_000).optional(),
  opensAt: ConsultationMoment,
  closesAt: ConsultationMoment,
});

const closesAfterOpens = (v: { opensAt?: string | undefined; closesAt?: string | undefined }) =>
  !v.opensAt || !v.closesAt || new Date(v.closesAt) > new Date(v.opensAt);
const closesAfterOpensIssue = {
  message: 'the closing date and time must come after the opening date and time',
  path: ['closesAt'],
};

export const ConsultationCreate = ConsultationFields.refine(closesAfterOpens, closesAfterOpensIssue);
export const ConsultationUpdate = ConsultationFields.omit({ cycleId: true })
  .partial()
  .extend({ usageSummary: z.string().max(20_000).nullable().optional(), ...VersionInput })
  .refine(closesAfterOpens, closesAfterOpensIssue);

export const ConsultationQuery = PageQuery.extend({
  cycleId: Uuid.optional(),
  instrumentId: Uuid.optional(),
  status: ConsultationStatus.optional(),
});

export const Attachment = z.object({
  id: Uuid,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const SubmissionStatus = z.enum(['received', 'accepted', 'rejected']);

/** A submission as the coordinator sees it (with the contact details). */
export const Submission = z.object({
  id: Uuid,
  consultationId: Uuid,
  organisationName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  body: z.string(),
  consentToPublish: z.boolean(),
  status: SubmissionStatus,
  rejectionReason: z.string().nullable(),
  published: z.boolean(),
  usageNote: z.string().nullable(),
  submittedAt: z.string(),
  attachments: z.array(Attachment),
  ...Versioned,
});
export type Submission = z.infer<typeof Submission>;

/** A published submission as the public sees it: no contact details. */
export const PublicSubmission = Submission.pick({
  id: true,
  organisationName: true,
  body: true,
  usageNote: true,
  submittedAt: true,
  attachments: true,
});
export type PublicSubmission = z.infer<typeof PublicSubmission>;

export const PublicConsultation = Consultation.extend({ published: z.array(PublicSubmission) });
export type PublicConsultation = z.infer<typeof PublicConsultation>;

export const SubmissionQuery = PageQuery.extend({ status: SubmissionStatus.optional() });

export const SubmissionModeration = z
  .object({
    status: SubmissionStatus.optional(),
    rejectionReason: z.string().trim().max(2000).nullable().optional(),
    published: z.boolean().optional(),
    usageNote: z.string().max(20_000).nullable().optional(),
    ...VersionInput,
  })
  .refine((v) => v.status !== 'rejected' || (v.rejectionReason ?? '').trim().length > 0, {
    message: 'give the reason for rejecting this submission',
    path: ['rejectionReason'],
  });

/** The fields of the public form (sent as multipart/form-data, with up to 3 files). */
export const SubmissionFields = z
  .object({
    formToken: z.string().min(1, 'reload the page: the form token is missing'),
    organisationName: z.string().trim().min(1, 'enter the name of your organisation').max(300),
    contactName: z.string().trim().min(1, 'enter the name of a contact person').max(300),
    contactEmail: z.email({ message: 'enter a valid e-mail address' }).max(320),
    body: z
      .string()
      .trim()
      .min(1, 'enter your input')
      .max(
        SUBMISSION_LIMITS.maxBodyChars,
        `your input may be at most ${SUBMISSION_LIMITS.maxBodyChars} characters`,
      ),
    consentToPublish: z.enum(['yes', 'no'], {
      message: 'answer whether your input may be published (yes or no)',
    }),
    /** The honeypot: a field people do not see; a bot fills it in. */
    website: z.string().max(0, 'the submission was refused').optional(),
  })
  .superRefine(refuseHostileText(['body']));

export const FormToken = z.object({ token: z.string(), expiresAt: z.string() });

/** The reference number of a submission, on its receipt and beside it for the moderators. */
export const submissionReference = (id: string): string => {
  const hex = id.replace(/-/g, '').slice(0, 12).toUpperCase();
  return `RD-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
};

export const SubmissionReceipt = z.object({
  id: Uuid,
  /** The reference number the submitter keeps (also sent by e-mail when the installation sends mail). */
  reference: z.string(),
  /** Whether a receipt was sent to the contact address. */
  emailed: z.boolean(),
  submittedAt: z.string(),
  attachments: z.array(Attachment),
});

/** Erasing a submission on request: its personal data and files are removed, the audit trail stays. */
export const SubmissionErase = z.object({ ...VersionInput });
export const SubmissionErased = z.object({ id: Uuid, reference: z.string(), attachments: z.number().int() });
