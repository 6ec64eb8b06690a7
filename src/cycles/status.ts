import { DEADLINES, PHASE_KINDS, type CycleStatus, type PhaseKind } from './schema.ts';

export type DatePrecision = 'day' | 'month' | 'year';

export interface PhaseFact {
  kind: PhaseKind;
  date: string | null;
  datePrecision?: DatePrecision;
}

const ORDER = new Map(PHASE_KINDS.map((k, i) => [k, i]));
/** Deadlines are dates by which the state must act; the other phases are events that happen. */
const DEADLINE_KINDS = new Set<PhaseKind>([...(Object.keys(DEADLINES) as PhaseKind[]), 'next_report_due']);
/**
 * Events that show a deadline was met even when the phase that meets it was not recorded:
 * a constructive dialogue is held only on a report and replies that were submitted.
 */
const MET_BY_LATER: Partial<Record<PhaseKind, PhaseKind[]>> = {
  report_due: ['dialogue', 'concluding_observations', 'upr_review'],
  replies_due: ['dialogue', 'concluding_observations'],
};

/**
 * The status of a cycle, derived from its dated phases (never stored):
 * - current phase: the latest event (not a deadline) that has taken place by `today`;
 * - overdue: a deadline that has passed without the phase that meets it (or an event that
 *   presupposes it); the next report is met by a later cycle's submitted report
 *   (`laterReportSubmitted`);
 * - next step: the overdue deadline, or else the first dated phase after today.
 */
export function deriveStatus(phases: PhaseFact[], today: string, laterReportSubmitted = false): CycleStatus {
  const sorted = [...phases].sort((a, b) => (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0));
  const happened = (k: PhaseKind) => sorted.some((p) => p.kind === k && p.date !== null && p.date <= today);
  const met = (p: PhaseFact) =>
    p.kind === 'next_report_due'
      ? laterReportSubmitted
      : happened(DEADLINES[p.kind]!) || (MET_BY_LATER[p.kind] ?? []).some(happened);

  let current: PhaseFact | undefined;
  for (const p of sorted) if (!DEADLINE_KINDS.has(p.kind) && p.date && p.date <= today) current = p;

  const overdue = sorted
    .filter((p) => DEADLINE_KINDS.has(p.kind) && p.date !== null && p.date < today && !met(p))
    .sort((a, b) => a.date!.localeCompare(b.date!));
  const next =
    overdue[0] ??
    sorted
      .filter((p) => p.date !== null && p.date > today)
      .filter((p) => !(DEADLINE_KINDS.has(p.kind) && met(p)))
      .sort(
        (a, b) => a.date!.localeCompare(b.date!) || (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0),
      )[0];
  return {
    currentPhase: current?.kind ?? null,
    currentPhaseDate: current?.date ?? null,
    currentPhasePrecision: current?.date ? (current.datePrecision ?? 'day') : null,
    nextStep: next?.kind ?? null,
    nextDueDate: next?.date ?? null,
    nextDuePrecision: next?.date ? (next.datePrecision ?? 'day') : null,
    overdue: Boolean(overdue[0]),
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

export type DatedPhase = PhaseFact;

const KEY_LENGTH = { day: 10, month: 7, year: 4 } as const;

/**
 * Compares two phase dates at the coarser of their precisions: "February 2026" neither precedes
 * nor follows "6 February 2026" (0). Undated phases come last.
 */
export function compareDates(a: DatedPhase, b: DatedPhase): number {
  if (!a.date || !b.date) return a.date ? -1 : b.date ? 1 : 0;
  const len = Math.min(KEY_LENGTH[a.datePrecision ?? 'day'], KEY_LENGTH[b.datePrecision ?? 'day']);
  return a.date.slice(0, len).localeCompare(b.date.slice(0, len));
}

/** Chronological order; phases in the same period follow the order of the reporting procedure. */
export function comparePhases(a: DatedPhase, b: DatedPhase): number {
  return compareDates(a, b) || (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0);
}
