import { z } from 'zod';
import {
  BoundedDate,
  Code,
  DATE_BOUNDS,
  PageQuery,
  Provenance,
  Uuid,
  Version,
  VersionInput,
  VersionParam,
  Versioned,
} from '../shared/schema.ts';
import { PhaseKind } from '../cycles/schema.ts';

/** Who does a step: a named organisation, or a role resolved when the template is instantiated. */
export const OwnerKind = z.enum(['organisation', 'lead_ministry', 'coordinating_ministry']);
export type OwnerKind = z.infer<typeof OwnerKind>;

export const STEP_CATEGORIES = [
  'planning',
  'contributions',
  'kingdom',
  'consultation',
  'nhri',
  'drafting',
  'approval',
  'council',
  'submission',
  'parliament',
  'other',
] as const;
export const StepCategory = z.enum(STEP_CATEGORIES);

export const OffsetUnit = z.enum(['days', 'months']);

export const TemplateStep = z.object({
  id: Uuid,
  templateId: Uuid,
  position: z.number().int(),
  titleNl: z.string(),
  titleEn: z.string(),
  descriptionNl: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  ownerKind: OwnerKind,
  ownerOrganisationId: Uuid.nullable(),
  category: StepCategory,
  anchorPhase: PhaseKind,
  /** Negative: before the phase date; positive: after it. */
  offsetAmount: z.number().int(),
  offsetUnit: OffsetUnit,
  ...Provenance,
  ...Versioned,
});
export type TemplateStep = z.infer<typeof TemplateStep>;

/** What the current user may do with a process guide (its steps included). */
export const TemplateAbilities = z.object({ edit: z.boolean() });
export type TemplateAbilities = z.infer<typeof TemplateAbilities>;

export const Template = z.object({
  id: Uuid,
  code: z.string(),
  nameNl: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  steps: z.array(TemplateStep),
  abilities: TemplateAbilities,
  ...Provenance,
  ...Versioned,
});
export type Template = z.infer<typeof Template>;

export const TemplateCreate = z.object({
  code: Code,
  nameNl: z.string().trim().min(1, 'enter the Dutch name').max(300),
  nameEn: z.string().trim().min(1, 'enter the English name').max(300),
  description: z.string().max(5000).nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type TemplateCreate = z.infer<typeof TemplateCreate>;
export const TemplateUpdate = TemplateCreate.partial().extend(VersionInput);
export type TemplateUpdate = z.infer<typeof TemplateUpdate>;

const StepFields = {
  titleNl: z.string().trim().min(1, 'enter the Dutch title').max(300),
  titleEn: z.string().trim().min(1, 'enter the English title').max(300),
  descriptionNl: z.string().max(5000).nullable().optional(),
  descriptionEn: z.string().max(5000).nullable().optional(),
  ownerKind: OwnerKind,
  ownerOrganisationId: Uuid.nullable().optional(),
  category: StepCategory.optional(),
  anchorPhase: PhaseKind,
  offsetAmount: z
    .number()
    .int('enter a whole number')
    .min(-3000, 'at most 3000 (days) before')
    .max(3000, 'at most 3000 (days) after'),
  offsetUnit: OffsetUnit,
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
};
export const StepCreate = z.object(StepFields);
export type StepCreate = z.infer<typeof StepCreate>;
export const StepUpdate = z.object(StepFields).partial().extend(VersionInput);
export type StepUpdate = z.infer<typeof StepUpdate>;
/** A step is deleted at the version the user saw (`?version=N`). */
export const StepDelete = z.object({ version: VersionParam });
export const StepOrder = z.object({
  /** The template's version as the user saw it. */
  version: Version,
  stepIds: z.array(Uuid).min(1),
});
export type StepOrder = z.infer<typeof StepOrder>;

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** What the current user may do with a task: change its fields, and the statuses they may set ([] when none). */
export const TaskAbilities = z.object({ edit: z.boolean(), statuses: z.array(TaskStatus) });
export type TaskAbilities = z.infer<typeof TaskAbilities>;

export const Task = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string().nullable(),
  ownerOrganisationId: Uuid,
  ownerCode: z.string(),
  ownerNameNl: z.string(),
  ownerNameEn: z.string(),
  cycleId: Uuid.nullable(),
  cycleLabel: z.string().nullable(),
  instrumentId: Uuid.nullable(),
  instrumentCode: z.string().nullable(),
  meetingId: Uuid.nullable(),
  meetingTitle: z.string().nullable(),
  templateStepId: Uuid.nullable(),
  /** Position of the template step (order of the process). */
  stepPosition: z.number().int().nullable(),
  stepCategory: StepCategory.nullable(),
  dueDate: z.string().nullable(),
  /** Whether the due date counts from a date the rules derived (not a recorded phase date). */
  dueDateDerived: z.boolean(),
  /** The rule (in Dutch) that derived the date the due date counts from. */
  dueDateRule: z.string().nullable(),
  /** When there is no due date because the cycle has no date for the phase the step counts from. */
  missingPhase: PhaseKind.nullable(),
  status: TaskStatus,
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
  abilities: TaskAbilities,
  ...Versioned,
});
export type Task = z.infer<typeof Task>;

export const TaskQuery = PageQuery.extend({
  organisationId: Uuid.optional(),
  /** Tasks of the signed-in user's organisation. */
  mine: z.enum(['true', 'false']).optional(),
  cycleId: Uuid.optional(),
  meetingId: Uuid.optional(),
  status: TaskStatus.optional(),
  /** Only open or in-progress tasks whose due date has passed. */
  overdue: z.enum(['true', 'false']).optional(),
  /** Leave out done and cancelled tasks. */
  active: z.enum(['true', 'false']).optional(),
});
export type TaskQuery = z.infer<typeof TaskQuery>;

export const TaskUpdate = z
  .object({
    title: z.string().trim().min(1, 'enter a title').max(300),
    description: z.string().max(5000).nullable(),
    ownerOrganisationId: Uuid,
    dueDate: BoundedDate(DATE_BOUNDS.dueDate).nullable(),
    status: TaskStatus,
  })
  .partial()
  .extend(VersionInput);
export type TaskUpdate = z.infer<typeof TaskUpdate>;

export const Progress = z.object({
  /** Tasks that count (all but cancelled). */
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  withoutDueDate: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

/** What the current user may do with a cycle's process: start it from a guide, add tasks to it. */
export const ProcessAbilities = z.object({ start: z.boolean(), addTask: z.boolean() });
export type ProcessAbilities = z.infer<typeof ProcessAbilities>;

export const CycleProcess = z.object({
  cycleId: Uuid,
  tasks: z.array(Task),
  progress: Progress,
  abilities: ProcessAbilities,
});
export type CycleProcess = z.infer<typeof CycleProcess>;

export const Instantiate = z.object({
  templateId: Uuid,
  /** 'create' refuses when the cycle has tasks of this template already; 'addMissing' adds the steps that have none. */
  mode: z.enum(['create', 'addMissing']).optional(),
});
export type Instantiate = z.infer<typeof Instantiate>;

export const ProcessStarted = z.object({ created: z.number().int(), process: CycleProcess });
export type ProcessStarted = z.infer<typeof ProcessStarted>;
