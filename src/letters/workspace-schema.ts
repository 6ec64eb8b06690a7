/**
 * The document workspace's requests and answers: a document generated from the data (kinds.ts),
 * its frame and sections, its versions, its consultations and its state. Shared by the server and
 * the browser app: zod and other schema files only.
 */
import { z } from 'zod';
import { IsoDate, Uuid, Version } from '../shared/schema.ts';
import { OutgoingKind, OutgoingParams } from './kinds.ts';
import { Block, MemoAttachment, MemoFields, MemoPurpose, Subsection } from './schema.ts';

export const OUTGOING_STATES = ['draft', 'consulted', 'ready', 'sent'] as const;
export const OutgoingState = z.enum(OUTGOING_STATES);
export type OutgoingState = z.infer<typeof OutgoingState>;
export const SectionOrigin = z.enum(['generated', 'edited', 'added']);

const Line = (max = 300) => z.string().trim().min(1, 'must not be empty').max(max);

/** The parts of a letter outside its sections (generators/types.ts LetterFrame). */
export const LetterFrame = z.object({
  kind: z.literal('letter'),
  addressee: z.array(Line()).min(1, 'needs at least one line').max(20),
  subject: Line(500),
  reference: Line(100).optional(),
  yourReference: Line(100).optional(),
  signature: z.array(Line()).max(20).default([]),
  language: z.enum(['nl', 'en']).default('nl'),
});

/** The fixed fields of a memo, its purpose, title and attachments (generators/types.ts MemoFrame). */
export const MemoFrame = z.object({
  kind: z.literal('memo'),
  fields: MemoFields,
  purpose: MemoPurpose,
  title: Line(500),
  attachments: z.array(MemoAttachment).max(100).default([]),
});

/** The title page of a report (generators/types.ts ReportFrame). */
export const ReportFrame = z.object({
  kind: z.literal('report'),
  title: Line(500),
  subtitle: z.string().trim().max(500).default(''),
});

export const Frame = z.discriminatedUnion('kind', [LetterFrame, MemoFrame, ReportFrame]);

export const SectionBlocks = z.array(Block).max(1_000);
export const Subsections = z.array(Subsection).max(200);

/** 2: a part of the section of level 1 before it, laid out under its heading. */
export const SectionLevel = z.union([z.literal(1), z.literal(2)]);

/** What a section says. */
export const SectionContent = z.object({ heading: Line(), blocks: SectionBlocks, subsections: Subsections });

/** "26150, nr. 214", "36600-VII, nr. 12": the dossier number first, the rest as parliament writes it. */
export const Kamerstuk = z
  .string()
  .trim()
  .max(100)
  .regex(
    /^\d{4,6}(?![\d])[^\n]{0,90}$/,
    'write the Kamerstuk number as parliament does, e.g. "26150, nr. 214"',
  );

export const WorkspaceCreate = z.object({
  params: OutgoingParams,
  /** The organisation that drafts the document; the actor's own when not given. */
  ownerOrganisation: Uuid.optional(),
});
export type WorkspaceCreate = z.infer<typeof WorkspaceCreate>;

export const SectionEdit = z
  .object({
    heading: Line().optional(),
    blocks: SectionBlocks.optional(),
    subsections: Subsections.optional(),
    version: Version,
  })
  .refine((e) => e.heading !== undefined || e.blocks !== undefined || e.subsections !== undefined, {
    message: 'send the heading, the blocks or the subsections',
  });
export type SectionEdit = z.infer<typeof SectionEdit>;

export const SectionAdd = z.object({
  heading: Line(),
  blocks: SectionBlocks,
  subsections: Subsections.default([]),
  level: SectionLevel.default(1),
  /** Where the section goes: its index among the sections (0 is first); at the end when not given. */
  position: z.int().min(0).max(10_000).optional(),
});
export type SectionAdd = z.infer<typeof SectionAdd>;

export const VersionBody = z.object({ version: Version });

export const FrameEdit = z.object({ frame: Frame, title: Line(500).optional(), version: Version });
export type FrameEdit = z.infer<typeof FrameEdit>;

export const StateChange = z
  .object({
    to: OutgoingState,
    version: Version,
    sentOn: IsoDate.optional(),
    kamerstuk: Kamerstuk.optional(),
  })
  .refine((s) => s.to !== 'sent' || s.sentOn !== undefined, {
    message: 'give the date the document was sent',
    path: ['sentOn'],
  });
export type StateChange = z.infer<typeof StateChange>;

export const KamerstukEdit = z.object({ kamerstuk: Kamerstuk.nullable(), version: Version });
export type KamerstukEdit = z.infer<typeof KamerstukEdit>;

export const ConsultationRequest = z.object({
  organisation: Uuid,
  note: z.string().trim().max(2000).default(''),
});
export type ConsultationRequest = z.infer<typeof ConsultationRequest>;

export const ConsultationConfirm = z.object({
  version: Version,
  note: z.string().trim().max(2000).optional(),
});
export type ConsultationConfirm = z.infer<typeof ConsultationConfirm>;

export const LetterIdParams = z.object({ id: Uuid });
export const SectionParams = z.object({ id: Uuid, key: z.string().min(1).max(200) });
export const ConsultationParams = z.object({ id: Uuid, consultationId: Uuid });
export const VersionParams = z.object({ id: Uuid, number: z.coerce.number().int().min(1).max(1_000_000) });
export const CompareQuery = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});
export const WorkspaceQuery = z.object({
  state: OutgoingState.optional(),
  kind: OutgoingKind.optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type WorkspaceQuery = z.infer<typeof WorkspaceQuery>;

const Person = z.object({ id: Uuid, name: z.string() }).nullable();
const Organisation = z.object({ id: Uuid, code: z.string(), name: z.string() });

export const WorkspaceSection = SectionContent.extend({
  id: Uuid,
  key: z.string(),
  level: SectionLevel,
  origin: SectionOrigin,
  /** The last generated content of this key; null for a section added by hand. */
  generated: SectionContent.nullable(),
  /** The data no longer produces this section; it was kept because it was edited. */
  gone: z.boolean(),
  editedBy: Person,
  editedAt: z.string().nullable(),
  version: Version,
});
export type WorkspaceSection = z.infer<typeof WorkspaceSection>;

export const Consultation = z.object({
  id: Uuid,
  organisation: Organisation,
  requestedBy: Person,
  requestedAt: z.string(),
  confirmedBy: Person,
  confirmedAt: z.string().nullable(),
  note: z.string(),
  version: Version,
  abilities: z.object({ confirm: z.boolean(), withdraw: z.boolean() }),
});
export type Consultation = z.infer<typeof Consultation>;

export const WorkspaceAbilities = z.object({
  /** Change the frame, regenerate, add and remove sections, request consultations. */
  edit: z.boolean(),
  /** Edit the text of the sections. */
  editSections: z.boolean(),
  /** The states the user may move the document to now. */
  moveTo: z.array(OutgoingState),
  /** Set the Kamerstuk number of a sent document. */
  setKamerstuk: z.boolean(),
});

export const WorkspaceSummary = z.object({
  id: Uuid,
  kind: OutgoingKind,
  title: z.string(),
  state: OutgoingState,
  language: z.enum(['nl', 'en']),
  ownerOrganisation: Organisation,
  sentOn: z.string().nullable(),
  kamerstuk: z.string().nullable(),
  generatedAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const WorkspaceDocument = WorkspaceSummary.extend({
  params: OutgoingParams,
  frame: Frame,
  frameEdited: z.boolean(),
  public: z.boolean(),
  createdBy: Person,
  createdAt: z.string(),
  sections: z.array(WorkspaceSection),
  consultations: z.array(Consultation),
  abilities: WorkspaceAbilities,
});
export type WorkspaceDocument = z.infer<typeof WorkspaceDocument>;

/** What a regeneration did to one section key. */
export const SectionChange = z.object({
  key: z.string(),
  heading: z.string(),
  /** How the generated content of the key compares with the last generation. */
  status: z.enum(['changed', 'unchanged', 'new', 'gone']),
  /** The section as it is now: kept because edited (or added), replaced, or removed. */
  outcome: z.enum(['replaced', 'kept', 'removed', 'added']),
  origin: SectionOrigin.nullable(),
});
export type SectionChange = z.infer<typeof SectionChange>;

export const RegenerateResult = z.object({
  document: WorkspaceDocument,
  changes: z.array(SectionChange),
  /** The frame: replaced by the generated one, or kept because it was edited. */
  frame: z.enum(['changed', 'unchanged', 'kept']),
  /** The document was consulted and is a draft again (the confirmations are kept). */
  backToDraft: z.boolean(),
});
export type RegenerateResult = z.infer<typeof RegenerateResult>;

export const VersionSummary = z.object({
  number: z.int(),
  savedBy: Person,
  savedAt: z.string(),
  note: z.string(),
  state: OutgoingState,
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const VersionDetail = VersionSummary.extend({
  title: z.string(),
  frame: Frame,
  sections: z.array(SectionContent.extend({ key: z.string(), level: SectionLevel, origin: SectionOrigin })),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

const ComparedSide = z.object({ heading: z.string(), text: z.string() }).nullable();

/** Two versions side by side: per section key the heading and the plain text of both. */
export const Comparison = z.object({
  from: VersionSummary,
  to: VersionSummary,
  titleDiffers: z.boolean(),
  frameDiffers: z.boolean(),
  sections: z.array(
    z.object({ key: z.string(), from: ComparedSide, to: ComparedSide, differs: z.boolean() }),
  ),
});
export type Comparison = z.infer<typeof Comparison>;
