import { z } from 'zod';
import { IsoDate, PageQuery, Provenance, Uuid, VersionInput, Versioned } from '../shared/schema.ts';

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
};

export const Phase = z.object({
  id: Uuid,
  cycleId: Uuid,
  kind: PhaseKind,
  date: z.string().nullable(),
  datePrecision: z.enum(['day', 'month', 'year']),
  symbol: z.string().nullable(),
  session: z.string().nullable(),
  note: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type Phase = z.infer<typeof Phase>;

export const DatePrecision = z.enum(['day', 'month', 'year']);

export const CycleStatus = z.object({
  currentPhase: PhaseKind.nullable(),
  currentPhaseDate: z.string().nullable(),
  currentPhasePrecision: DatePrecision.nullable(),
  nextStep: PhaseKind.nullable(),
  nextDueDate: z.string().nullable(),
  nextDuePrecision: DatePrecision.nullable(),
  overdue: z.boolean(),
});
export type CycleStatus = z.infer<typeof CycleStatus>;

export const Cycle = z.object({
  id: Uuid,
  instrumentId: Uuid,
  label: z.string(),
  sequence: z.number().int(),
  procedure: z.enum(['standard', 'simplified']).nullable(),
  phases: z.array(Phase),
  status: CycleStatus,
  ...Provenance,
  ...Versioned,
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
export const CycleUpdate = CycleCreate.omit({ instrumentId: true }).partial().extend(VersionInput);
export const CycleQuery = PageQuery.extend({ instrumentId: Uuid.optional() });

export const PhaseCreate = z.object({
  kind: PhaseKind,
  date: IsoDate.nullable().optional(),
  datePrecision: z.enum(['day', 'month', 'year']).optional(),
  symbol: z.string().trim().max(100).nullable().optional(),
  session: z.string().trim().max(100).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
  source: z.string().max(500).nullable().optional(),
  verified: z.boolean().optional(),
});
export const PhaseUpdate = PhaseCreate.omit({ kind: true }).partial().extend(VersionInput);
