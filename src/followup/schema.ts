/**
 * The follow-up of recommendations: the government's position, who is responsible, progress
 * updates and the worklist of an organisation. Shared by the API and the browser app.
 */
import { z } from 'zod';
import { DatePrecision } from '../cycles/schema.ts';
import { OrgRef } from '../instruments/schema.ts';
import { BoundedDate, PageQuery, Uuid, Version } from '../shared/schema.ts';
import { Mechanism, Position, RecommendationQuery } from '../recommendations/schema.ts';

/** The positions the government records: UPR, advisory reports; others get a free appreciation. */
export const GovernmentPosition = z.enum([
  'supported',
  'supported_in_part',
  'noted',
  'agrees',
  'partly_agrees',
  'disagrees',
  'under_consideration',
]);
export type GovernmentPosition = z.infer<typeof GovernmentPosition>;

/** Which positions fit a mechanism; an empty list means a free appreciation only (treaty bodies, others). */
export const POSITIONS_BY_MECHANISM: Record<Mechanism, readonly GovernmentPosition[]> = {
  upr: ['supported', 'supported_in_part', 'noted'],
  advisory_council: ['agrees', 'partly_agrees', 'disagrees', 'under_consideration'],
  nhri: ['agrees', 'partly_agrees', 'disagrees', 'under_consideration'],
  parliament: ['agrees', 'partly_agrees', 'disagrees', 'under_consideration'],
  treaty_body: [],
  coe_body: [],
  special_procedure: [],
  other: [],
};

/** The Kingdom countries and public bodies a recommendation may concern (organisation codes). */
export const KingdomCode = z.enum(['NL', 'AW', 'CW', 'SX', 'BES-BO', 'BES-SE', 'BES-SA']);
export type KingdomCode = z.infer<typeof KingdomCode>;

/** Free text (control characters and the like are refused for every input by src/server/hostile.ts). */
const Text = (max: number) => z.string().trim().max(max);
const UserRef = z.object({ id: Uuid, name: z.string() });

export const PositionEntry = z.object({
  position: GovernmentPosition.nullable(),
  appreciation: z.string().nullable(),
  explanation: z.string().nullable(),
  recordedBy: UserRef.nullable(),
  recordedAt: z.string(),
});
export type PositionEntry = z.infer<typeof PositionEntry>;

/** A position a source reported ("Accepted" in UPR Info), shown as that source's fact. */
export const SourcePosition = z.object({
  position: Position,
  kind: z.string(),
  fileName: z.string().nullable(),
});

export const FollowUpAbilities = z.object({
  /** Record the government's position. */
  editPosition: z.boolean(),
  /** Change the co-responsible organisations and the Kingdom countries. */
  editResponsibility: z.boolean(),
  /** Change the lead organisation (assign, hand over). */
  changeLead: z.boolean(),
  /** Write a progress update (a draft). */
  addProgress: z.boolean(),
  /** Publish the follow-up or withdraw its publication (src/followup/publish.ts). */
  publishFollowUp: z.boolean(),
});

export const FollowUp = z.object({
  recommendationId: Uuid,
  mechanism: Mechanism,
  /** The recommendation's version: responsibility edits carry it. */
  version: Version,
  lead: OrgRef.nullable(),
  coResponsible: z.array(OrgRef),
  kingdomCountries: z.array(KingdomCode),
  /** The position recorded in Rightsdesk, with its version (null: none yet). */
  position: PositionEntry.extend({ version: Version }).nullable(),
  /** The positions that fit this recommendation's mechanism (empty: a free appreciation). */
  positionOptions: z.array(GovernmentPosition),
  /** What the sources reported, proposed as the starting value. */
  sourcePositions: z.array(SourcePosition),
  /** Every position recorded, newest first. */
  history: z.array(PositionEntry),
  abilities: FollowUpAbilities,
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Recording the position: `version` is the position's version as seen, null when none was recorded yet. */
export const PositionInput = z.object({
  position: GovernmentPosition.nullable(),
  appreciation: Text(4000).nullable().default(null),
  explanation: Text(8000).nullable().default(null),
  version: Version.nullable(),
});
export type PositionInput = z.infer<typeof PositionInput>;

/** Changing who is responsible; `version` is the recommendation's version as seen. */
export const ResponsibilityInput = z.object({
  leadOrganisationId: Uuid.nullable().optional(),
  coResponsibleIds: z.array(Uuid).max(30).optional(),
  kingdomCountries: z.array(KingdomCode).max(7).optional(),
  version: Version,
});
export type ResponsibilityInput = z.infer<typeof ResponsibilityInput>;

export const BULK_LIMIT = 10_000;

/** Assigning many at once: the ids given, or every hit of a search (its filters as in the list). */
export const BulkAssign = z
  .object({
    ids: z.array(Uuid).min(1).max(BULK_LIMIT).optional(),
    search: RecommendationQuery.omit({ page: true, pageSize: true, sort: true }).optional(),
    leadOrganisationId: Uuid,
    /** Organisations added beside the lead (those already there stay). */
    addCoResponsibleIds: z.array(Uuid).max(30).default([]),
    /** Kingdom countries added (those already there stay). */
    addKingdomCountries: z.array(KingdomCode).max(7).default([]),
  })
  .refine((b) => (b.ids ? 1 : 0) + (b.search ? 1 : 0) === 1, {
    message: 'send either ids or search, not both',
    path: ['ids'],
  });
export type BulkAssign = z.infer<typeof BulkAssign>;

export const BulkAssignResult = z.object({
  /** Recommendations whose responsibility changed. */
  assigned: z.number().int(),
  /** Recommendations that already had it. */
  unchanged: z.number().int(),
});
export type BulkAssignResult = z.infer<typeof BulkAssignResult>;

// ——— Progress ———

export const ProgressStatus = z.enum([
  'not_started',
  'in_progress',
  'partially_implemented',
  'implemented',
  'not_implemented',
  'no_longer_relevant',
]);
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/** A day progress covers: not before 1990, not after today. */
const PeriodDate = BoundedDate({ from: 1990, to: 2100 }).refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  {
    message: 'must not be after today: progress reports what has been done',
  },
);
const EvidenceLink = z
  .url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' })
  .max(2000);

export const ProgressAbilities = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  approve: z.boolean(),
});

/** The limits of the files attached to a progress update as evidence (each file is checked by content). */
export const PROGRESS_FILE_LIMITS = {
  /** Files per update, all uploads together. */
  maxFiles: 10,
  maxFileBytes: 10 * 1024 * 1024,
  extensions: ['pdf', 'docx', 'odt', 'txt'],
} as const;

/** A file attached to a progress update as evidence (its bytes: GET /api/progress-updates/:id/files/:fileId). */
export const ProgressFile = z.object({
  id: Uuid,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});
export type ProgressFile = z.infer<typeof ProgressFile>;

export const ProgressUpdate = z.object({
  id: Uuid,
  /** What it reports on: a recommendation, or a cluster (then it counts for each member). */
  recommendationId: Uuid.nullable(),
  cluster: z.object({ id: Uuid, title: z.string() }).nullable(),
  status: ProgressStatus,
  text: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  /** Files attached as evidence, oldest first. */
  files: z.array(ProgressFile),
  state: z.enum(['draft', 'approved']),
  organisation: OrgRef.nullable(),
  createdBy: UserRef,
  createdAt: z.string(),
  approvedBy: UserRef.nullable(),
  approvedAt: z.string().nullable(),
  version: Version,
  abilities: ProgressAbilities,
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

export const ProgressCreate = z
  .object({
    status: ProgressStatus,
    text: Text(8000).min(1, { message: 'write what was done' }),
    periodStart: PeriodDate.nullable().default(null),
    periodEnd: PeriodDate.nullable().default(null),
    evidenceLinks: z.array(EvidenceLink).max(20).default([]),
  })
  .refine((p) => !p.periodStart || !p.periodEnd || p.periodEnd >= p.periodStart, {
    message: 'the period must end on or after its start',
    path: ['periodEnd'],
  });
export type ProgressCreate = z.infer<typeof ProgressCreate>;

export const ProgressEdit = z.object({
  status: ProgressStatus.optional(),
  text: Text(8000).min(1).optional(),
  periodStart: PeriodDate.nullable().optional(),
  periodEnd: PeriodDate.nullable().optional(),
  evidenceLinks: z.array(EvidenceLink).max(20).optional(),
  version: Version,
});
export type ProgressEdit = z.infer<typeof ProgressEdit>;

export const VersionBody = z.object({ version: Version });

// ——— Worklist ———

export const WorklistView = z.enum(['all', 'no_position', 'no_progress', 'due_soon', 'to_approve']);
export type WorklistView = z.infer<typeof WorklistView>;

export const WorklistQuery = PageQuery.extend({
  /** The organisation whose worklist (default: the user's own). */
  organisationId: Uuid.optional(),
  view: WorklistView.default('all'),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

export const WorklistItem = z.object({
  id: Uuid,
  mechanism: Mechanism,
  bodyCode: z.string().nullable(),
  symbol: z.string().nullable(),
  paragraph: z.string().nullable(),
  text: z.string(),
  year: z.number().int().nullable(),
  /** Lead (the organisation leads) or co (co-responsible). */
  role: z.enum(['lead', 'co']),
  position: GovernmentPosition.nullable(),
  hasAppreciation: z.boolean(),
  /** The latest approved progress: its status and the end of the period it covers (or its approval date). */
  latestStatus: ProgressStatus.nullable(),
  latestProgressAt: z.string().nullable(),
  draftsToApprove: z.number().int(),
  /** The next deadline of the recommendation's cycle, when known (recorded or derived). */
  dueDate: z.string().nullable(),
  /** How exact dueDate is: "2027-05-01" with precision month stands for May 2027. */
  dueDatePrecision: DatePrecision.nullable(),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({
  organisation: OrgRef,
  view: WorklistView,
  counts: z.object({
    all: z.number().int(),
    noPosition: z.number().int(),
    noProgress: z.number().int(),
    dueSoon: z.number().int(),
    toApprove: z.number().int(),
  }),
  items: z.array(WorklistItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Worklist = z.infer<typeof Worklist>;
