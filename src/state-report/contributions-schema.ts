/**
 * Contributions to a state report (issue 15, part 3 and 5): requests to organisations for the text
 * of a section, with a deadline; the contribution written in the app or read from a .docx,
 * submitted (late when after the deadline, never refused), accepted or rejected and merged into the
 * section's text; the progress per section and organisation; the export to the document workspace.
 * Imports nothing but zod and other schema files.
 */
import { z } from 'zod';
import { IsoDate, refuseHostileText, Uuid, Version, Versioned } from '../shared/schema.ts';

/** A contribution's text may be long, as the section's (500,000 characters is ample). */
export const CONTRIBUTION_MAX_CHARS = 500_000;
/** An uploaded .docx, in bytes. */
export const CONTRIBUTION_DOCX_BYTES = 10 * 1024 * 1024;

export const CONTRIBUTION_STATES = ['draft', 'submitted', 'accepted', 'rejected'] as const;
export const ContributionState = z.enum(CONTRIBUTION_STATES);
export type ContributionState = z.infer<typeof ContributionState>;
export const ContributionSource = z.enum(['app', 'docx']);

const Ids = (what: string) =>
  z
    .array(Uuid)
    .min(1, `choose at least one ${what}`)
    .max(500)
    .refine((a) => new Set(a).size === a.length, { message: `name each ${what} once` });

/** Ask organisations for contributions to sections: every section × organisation pair. */
export const ContributionRequestsCreate = z
  .object({
    sectionIds: Ids('section'),
    organisationIds: Ids('organisation'),
    deadline: IsoDate,
    message: z.string().trim().max(20_000).default(''),
  })
  .superRefine(refuseHostileText(['message']));
export type ContributionRequestsCreate = z.infer<typeof ContributionRequestsCreate>;

const OrganisationRef = z.object({ id: Uuid, code: z.string(), name: z.string() });

export const ContributionAbilities = z.object({
  /** Write, upload and submit the contribution (its organisation's contributors and coordinators). */
  write: z.boolean(),
  submit: z.boolean(),
  /** Accept or reject it (whoever manages the report), once submitted. */
  decide: z.boolean(),
});

/** A contribution to a request. */
export const StateReportContribution = z.object({
  id: Uuid,
  requestId: Uuid,
  text: z.string(),
  words: z.number().int(),
  source: ContributionSource,
  fileName: z.string().nullable(),
  state: ContributionState,
  submittedAt: z.string().nullable(),
  /** Submitted after the deadline (Amsterdam date): accepted, but marked. */
  late: z.boolean(),
  author: z.object({ id: Uuid, name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  abilities: ContributionAbilities,
  ...Versioned,
});
export type StateReportContribution = z.infer<typeof StateReportContribution>;

/** A request as its organisation and the report's managers see it. */
export const StateReportRequest = z.object({
  id: Uuid,
  reportId: Uuid,
  reportTitle: z.string(),
  section: z.object({
    id: Uuid,
    key: z.string(),
    number: z.string().nullable(),
    heading: z.string(),
    question: z.string().nullable(),
  }),
  organisation: OrganisationRef,
  deadline: z.string(),
  /** The deadline has passed (Amsterdam date) and nothing was submitted. */
  overdue: z.boolean(),
  message: z.string(),
  contribution: StateReportContribution.nullable(),
  abilities: z.object({ write: z.boolean() }),
  ...Versioned,
});
export type StateReportRequest = z.infer<typeof StateReportRequest>;

export const StateReportRequestList = z.object({ items: z.array(StateReportRequest) });
export type StateReportRequestList = z.infer<typeof StateReportRequestList>;

/** The answer to a request for contributions: the requests made, and the pairs that were already asked. */
export const ContributionRequestsCreated = z.object({
  created: z.array(StateReportRequest),
  /** Pairs already asked: left as they were. */
  existing: z.array(z.object({ sectionId: Uuid, organisationId: Uuid })),
  notified: z.number().int(),
});
export type ContributionRequestsCreated = z.infer<typeof ContributionRequestsCreated>;

/** One cell of the progress view: a section × an organisation asked. */
export const ProgressCell = z.object({
  requestId: Uuid,
  organisation: OrganisationRef,
  deadline: z.string(),
  state: z.enum(['requested', ...CONTRIBUTION_STATES]),
  late: z.boolean(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  contributionId: Uuid.nullable(),
});
export const ProgressSection = z.object({
  id: Uuid,
  key: z.string(),
  number: z.string().nullable(),
  heading: z.string(),
  requests: z.array(ProgressCell),
});
const Counts = z.object({
  requested: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
});
export const StateReportProgress = z.object({
  reportId: Uuid,
  sections: z.array(ProgressSection),
  organisations: z.array(OrganisationRef.extend({ counts: Counts })),
  totals: Counts,
});
export type StateReportProgress = z.infer<typeof StateReportProgress>;

export const RequestParams = z.object({ requestId: Uuid });
export const ContributionParams = z.object({ id: Uuid });
export const DocxQuery = z.object({ fileName: z.string().trim().min(1).max(255).optional() });

export const ContributionSave = z
  .object({
    text: z.string().max(CONTRIBUTION_MAX_CHARS),
    /** The contribution's version; absent for the first save. */
    version: Version.optional(),
  })
  .superRefine(refuseHostileText(['text']));
export type ContributionSave = z.infer<typeof ContributionSave>;

export const ContributionSubmit = z.object({ version: Version });

export const ContributionDecision = z.object({
  decision: z.enum(['accepted', 'rejected']),
  version: Version,
});
export type ContributionDecision = z.infer<typeof ContributionDecision>;

export const ContributionMerge = z.object({
  contributionIds: Ids('contribution'),
  sectionVersion: Version,
});
export type ContributionMerge = z.infer<typeof ContributionMerge>;

/** The section after a merge: its text and version, and the contributions merged. */
export const ContributionMerged = z.object({
  sectionId: Uuid,
  text: z.string(),
  words: z.number().int(),
  version: z.number().int(),
  merged: z.array(Uuid),
});
export type ContributionMerged = z.infer<typeof ContributionMerged>;

/** The two documents of the workspace the export makes (or regenerates). */
export const StateReportExported = z.object({
  letterId: Uuid,
  memoId: Uuid,
  /** Made now (false: regenerated). */
  created: z.boolean(),
  words: z.number().int(),
  wordLimit: z.number().int(),
  overLimit: z.boolean(),
});
export type StateReportExported = z.infer<typeof StateReportExported>;
