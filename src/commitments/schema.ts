/**
 * The register of commitments to parliament: toezeggingen, motions, pledges and the points of a
 * cabinet response. Shared by the API and the browser app.
 */
import { z } from 'zod';
import { OrgRef } from '../instruments/schema.ts';
import { BoundedDate, DATE_BOUNDS, PageQuery, Uuid, Version } from '../shared/schema.ts';

const Text = (max: number) => z.string().trim().max(max);
const Day = BoundedDate(DATE_BOUNDS.treatyFact);

export const COMMITMENT_KINDS = ['toezegging', 'motie', 'pledge', 'cabinet_response_point'] as const;
export const CommitmentKind = z.enum(COMMITMENT_KINDS);
export type CommitmentKind = z.infer<typeof CommitmentKind>;

export const COMMITMENT_STATUSES = ['open', 'partly_done', 'done', 'lapsed', 'withdrawn'] as const;
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.infer<typeof CommitmentStatus>;

/** Kinds whose source must be cited (a Kamerstuk or the Handelingen). */
export const CITATION_REQUIRED: readonly CommitmentKind[] = ['toezegging', 'motie'];

export const LINK_KINDS = ['recommendation', 'action', 'document'] as const;
export const LinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof LinkKind>;

export const CommitmentAbilities = z.object({
  edit: z.boolean(),
  setStatus: z.boolean(),
  link: z.boolean(),
});

export const ParsedSource = z.object({
  type: z.enum(['kamerstuk', 'handelingen']),
  dossier: z.number().int().nullable(),
  toevoeging: z.string().nullable(),
  ondernummer: z.number().int().nullable(),
  kamer: z.enum(['I', 'II']).nullable(),
  vergaderjaar: z.string().nullable(),
  handelingenNr: z.number().int().nullable(),
  handelingenItem: z.number().int().nullable(),
});

export const Evidence = z.object({
  document: z.object({ id: Uuid, title: z.string() }).nullable(),
  outgoingDocument: z.object({ id: Uuid, title: z.string(), kamerstuk: z.string().nullable() }).nullable(),
  citation: z.string().nullable(),
});

export const CommitmentSummary = z.object({
  id: Uuid,
  kind: CommitmentKind,
  text: z.string(),
  citation: z.string().nullable(),
  source: ParsedSource.nullable(),
  organisation: OrgRef,
  /** False when an import could not tell the responsible ministry: the coordinating one was assigned. */
  organisationVerified: z.boolean(),
  madeOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: CommitmentStatus,
  /** Derived: still open (or partly done) after its due date. */
  overdue: z.boolean(),
  tkNumber: z.string().nullable(),
  voteOutcome: z.enum(['adopted', 'rejected']).nullable(),
  version: Version,
  updatedAt: z.string(),
  abilities: CommitmentAbilities,
});
export type CommitmentSummary = z.infer<typeof CommitmentSummary>;

export const Commitment = CommitmentSummary.extend({
  statusNote: z.string().nullable(),
  evidence: Evidence,
  tkId: Uuid.nullable(),
  submitters: z.array(z.string()),
  seatsFor: z.number().int().nullable(),
  seatsAgainst: z.number().int().nullable(),
  kabinetsappreciatie: z.string().nullable(),
  madeBy: z.string().nullable(),
  recommendations: z.array(
    z.object({ id: Uuid, symbol: z.string().nullable(), paragraph: z.string().nullable(), text: z.string() }),
  ),
  actions: z.array(z.object({ id: Uuid, title: z.string() })),
  documents: z.array(z.object({ id: Uuid, title: z.string(), symbol: z.string().nullable() })),
  /** A point of a cabinet response: the workspace document, the section and the part it was taken from. */
  responseSource: z
    .object({
      documentId: Uuid,
      title: z.string(),
      sectionKey: z.string(),
      heading: z.string().nullable(),
      part: z.number().int().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentQuery = PageQuery.extend({
  status: CommitmentStatus.optional(),
  kind: CommitmentKind.optional(),
  organisationId: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
});
export type CommitmentQuery = z.infer<typeof CommitmentQuery>;

const dueAfterMade = <T extends { madeOn?: string | null; dueOn?: string | null }>(c: T) =>
  !c.madeOn || !c.dueOn || c.dueOn >= c.madeOn;
const DUE_ORDER = { message: 'the due date must be on or after the date it was made', path: ['dueOn'] };

export const CommitmentCreate = z
  .object({
    kind: CommitmentKind,
    text: Text(8000).min(1, { message: 'give the text of the commitment' }),
    /** A Kamerstuk or Handelingen citation; parsed, and refused with the reason when it does not parse. */
    citation: Text(200).nullable().default(null),
    organisationId: Uuid,
    madeOn: Day.nullable().default(null),
    dueOn: Day.nullable().default(null),
    recommendationIds: z.array(Uuid).max(500).default([]),
    actionIds: z.array(Uuid).max(100).default([]),
    documentIds: z.array(Uuid).max(100).default([]),
  })
  .refine(dueAfterMade, DUE_ORDER);
export type CommitmentCreate = z.infer<typeof CommitmentCreate>;

export const CommitmentUpdate = z
  .object({
    kind: CommitmentKind.optional(),
    text: Text(8000).min(1).optional(),
    citation: Text(200).nullable().optional(),
    organisationId: Uuid.optional(),
    madeOn: Day.nullable().optional(),
    dueOn: Day.nullable().optional(),
    version: Version,
  })
  .refine(dueAfterMade, DUE_ORDER);
export type CommitmentUpdate = z.infer<typeof CommitmentUpdate>;

/** A new status, with the evidence of fulfilment (required for "done"). */
export const StatusChange = z.object({
  status: CommitmentStatus,
  note: Text(2000).nullable().default(null),
  evidenceDocumentId: Uuid.nullable().default(null),
  evidenceOutgoingId: Uuid.nullable().default(null),
  evidenceCitation: Text(300).nullable().default(null),
  version: Version,
});
export type StatusChange = z.infer<typeof StatusChange>;

export const LinkChange = z.object({ kind: LinkKind, targetId: Uuid, version: Version });
export type LinkChange = z.infer<typeof LinkChange>;
export const LinkParams = z.object({ id: Uuid, kind: LinkKind, targetId: Uuid });

export const OverdueSummary = z.object({
  total: z.number().int(),
  organisations: z.array(
    z.object({ organisationId: Uuid, code: z.string(), count: z.number().int(), since: z.string() }),
  ),
});
export type OverdueSummary = z.infer<typeof OverdueSummary>;

export const ImportResult = z.object({
  format: z.enum(['odata-json', 'syncfeed-xml']),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Imported as open commitments (adopted motions on human rights, open toezeggingen). */
  openCommitments: z.number().int(),
  /** Records that named no ministry the register knows: assigned to the coordinating ministry, to confirm. */
  organisationToConfirm: z.number().int(),
  skipped: z.array(z.object({ record: z.string(), reason: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;
