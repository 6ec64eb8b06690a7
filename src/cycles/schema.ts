import { z } from 'zod';
import {
  BoundedDate,
  DATE_BOUNDS,
  PageQuery,
  Provenance,
  Uuid,
  Version,
  VersionInput,
  VersionParam,
  Versioned,
} from '../shared/schema.ts';

/** The phases of a reporting cycle, in the order they happen. */
export const PHASE_KINDS = [
  'report_due',
  'report_submitted',
  'list_of_issues',
  'replies_due',
  'replies_submitted',
  'upr_review',
  'upr_wg_report',
  'dialogue',
  'upr_responses',
  'upr_adoption',
  'evaluation_report',
  'concluding_observations',
  'government_response',
  'follow_up_due',
  'follow_up_submitted',
  'upr_midterm_due',
  'upr_midterm_report',
  'next_report_due',
] as const;
export const PhaseKind = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof PhaseKind>;

/** Phases that are deadlines for the state, and the phase that meets each. */
export const DEADLINES: Partial<Record<PhaseKind, PhaseKind>> = {
  report_due: 'report_submitted',
  replies_due: 'replies_submitted',
  follow_up_due: 'follow_up_submitted',
  upr_midterm_due: 'upr_midterm_report',
};

/** The deadlines that the rules per body can derive, and that a coordinator may override. */
export const DERIVABLE_KINDS = [
  'report_due',
  'replies_due',
  'follow_up_due',
  'upr_midterm_due',
  'next_report_due',
] as const;
export const DerivableKind = z.enum(DERIVABLE_KINDS);
export type DerivableKind = z.infer<typeof DerivableKind>;

export const Phase = z.object({
  id: Uuid,
  cycleId: Uuid,
  kind: PhaseKind,
  date: z.string().nullable(),
  datePrecision: z.enum(['day', 'month', 'year']),
  symbol: z.string().nullable(),
  session: z.string().nullable(),
  note: z.string().nullable(),
  followUpParagraphs: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type Phase = z.infer<typeof Phase>;

export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

export const DeadlineOverride = z.object({
  id: Uuid,
  date: z.string(),
  reason: z.string(),
  createdBy: Uuid.nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type DeadlineOverride = z.infer<typeof DeadlineOverride>;

/**
 * A due date the rules per body derive from the dated phases (never stored). With an override,
 * `date` is the overriding date and `derivedDate` the date the rule gives.
 */
export const DerivedPhase = z.object({
  kind: DerivableKind,
  date: z.string(),
  datePrecision: DatePrecision,
  derived: z.literal(true),
  derivedDate: z.string(),
  rule: z.string(),
  /** The rule in Dutch. */
  ruleNl: z.string(),
  ruleSource: z.string(),
  override: DeadlineOverride.nullable(),
});
export type DerivedPhase = z.infer<typeof DerivedPhase>;

export const OverrideInput = z.object({
  kind: DerivableKind,
  date: BoundedDate(DATE_BOUNDS.treatyFact),
  reason: z
    .string()
    .trim()
    .min(1, 'give the reason for overriding the derived date (e.g. the letter of the committee)')
    .max(2000),
  version: Version.optional(),
});
export type OverrideInput = z.infer<typeof OverrideInput>;
export const OverrideParams = z.object({ id: Uuid, kind: DerivableKind });

/** A delete carries the version the user saw (?version=N): a row changed since is refused with 409. */
export const VersionQuery = z.object({ version: VersionParam });

export const CycleStatus = z.object({
  currentPhase: PhaseKind.nullable(),
  currentPhaseDate: z.string().nullable(),
  currentPhasePrecision: DatePrecision.nullable(),
  nextStep: PhaseKind.nullable(),
  nextDueDate: z.string().nullable(),
  nextDuePrecision: DatePrecision.nullable(),
  /** The next due date comes from a rule (or an override of one), not from a recorded phase. */
  nextDueDerived: z.boolean(),
  overdue: z.boolean(),
});
export type CycleStatus = z.infer<typeof CycleStatus>;

/**
 * What the current user may do with a cycle (src/cycles/policy.ts): `edit` covers the cycle, its
 * phases and the overrides of its derived due dates (its instrument's edit right).
 */
export const CycleAbilities = z.object({ edit: z.boolean() });
export type CycleAbilities = z.infer<typeof CycleAbilities>;

export const Cycle = z.object({
  id: Uuid,
  instrumentId: Uuid,
  label: z.string(),
  sequence: z.number().int(),
  procedure: z.enum(['standard', 'simplified']).nullable(),
  phases: z.array(Phase),
  derivedPhases: z.array(DerivedPhase),
  status: CycleStatus,
  ...Provenance,
  ...Versioned,
  abilities: CycleAbilities,
});
export type Cycle = z.infer<typeof Cycle>;

export const CycleCreate = z.object({
  instrumentId: Uuid,
  label: z.string().trim().min(1, 'enter a label, e.g. "7th periodic report"').max(200),
  sequence: z.number().int().min(0).max(1000),
  procedure: z.enum(['standard', 'simplified']).nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type CycleCreate = z.infer<typeof CycleCreate>;
export const CycleUpdate = CycleCreate.omit({ instrumentId: true }).partial().extend(VersionInput);
export type CycleUpdate = z.infer<typeof CycleUpdate>;
export const CycleQuery = PageQuery.extend({ instrumentId: Uuid.optional() });
export type CycleQuery = z.infer<typeof CycleQuery>;

export const PhaseCreate = z.object({
  kind: PhaseKind,
  date: BoundedDate(DATE_BOUNDS.treatyFact).nullable().optional(),
  datePrecision: z.enum(['day', 'month', 'year']).optional(),
  symbol: z.string().trim().max(100).nullable().optional(),
  session: z.string().trim().max(100).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
  followUpParagraphs: z.string().trim().max(500).nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export type PhaseCreate = z.infer<typeof PhaseCreate>;
export const PhaseUpdate = PhaseCreate.omit({ kind: true }).partial().extend(VersionInput);
export type PhaseUpdate = z.infer<typeof PhaseUpdate>;
