import { addDays, endOfPeriod, type DatePrecision } from '../core/dates.ts';
import { DEADLINES, PHASE_KINDS, type CycleStatus, type PhaseKind } from './schema.ts';

// Date arithmetic and "today" live in src/core/dates.ts; other features still import these from here.

export interface PhaseFact {
  kind: PhaseKind;
  date: string | null;
  datePrecision?: DatePrecision;
  /** A due date derived by a rule (src/cycles/rules.ts), not a recorded phase. */
  derived?: boolean;
}

const ORDER = new Map(PHASE_KINDS.map((k, i) => [k, i]));
/** Deadlines are dates by which the state must act; the other phases are events that happen. */
export const DEADLINE_KINDS = new Set<PhaseKind>([
  ...(Object.keys(DEADLINES) as PhaseKind[]),
  'next_report_due',
]);
/**
 * Events that show a deadline was met even when the phase that meets it was not recorded:
 * a constructive dialogue is held only on a report and replies that were submitted.
 */
const MET_BY_LATER: Partial<Record<PhaseKind, PhaseKind[]>> = {
  report_due: ['dialogue', 'concluding_observations', 'upr_review'],
  replies_due: ['dialogue', 'concluding_observations'],
};

export interface DeadlineState extends PhaseFact {
  date: string;
  met: boolean;
  overdue: boolean;
  /**
   * A derived deadline that passed more than a year ago with no submission recorded: the
   * reference data seldom records follow-up submissions, so it is shown as unrecorded history
   * (to be confirmed or recorded by a coordinator), not as overdue work that raises reminders.
   */
  lapsed: boolean;
}

/** How long after its period a derived deadline without a recorded submission still counts as overdue. */
const LAPSE_DAYS = 365;

/**
 * Every dated deadline of a cycle (recorded or derived) with whether it is met or overdue:
 * - met: the phase that meets it happened (or an event that presupposes it); the next report,
 *   and any derived deadline, is also met once a later cycle has started (`laterCycleStarted`);
 * - overdue: not met, and the whole period of its date (a month, a year) has passed — except a
 *   derived deadline more than a year past, which is `lapsed` instead (see DeadlineState).
 */
export function deadlineStates(
  phases: PhaseFact[],
  today: string,
  laterCycleStarted = false,
): DeadlineState[] {
  const happened = (k: PhaseKind) => phases.some((p) => p.kind === k && p.date !== null && p.date <= today);
  const met = (p: PhaseFact) =>
    p.kind === 'next_report_due'
      ? laterCycleStarted
      : (p.derived && laterCycleStarted) ||
        happened(DEADLINES[p.kind]!) ||
        (MET_BY_LATER[p.kind] ?? []).some(happened);
  return phases
    .filter((p): p is PhaseFact & { date: string } => DEADLINE_KINDS.has(p.kind) && p.date !== null)
    .map((p) => {
      const isMet = met(p);
      const passed = !isMet && endOfPeriod(p.date, p.datePrecision) < today;
      const lapsed =
        passed && Boolean(p.derived) && endOfPeriod(p.date, p.datePrecision) < addDays(today, -LAPSE_DAYS);
      return { ...p, met: isMet, overdue: passed && !lapsed, lapsed };
    });
}

/**
 * The status of a cycle, derived from its dated phases and the deadlines the rules derive (never
 * stored):
 * - current phase: the latest event (not a deadline) that has taken place by `today`;
 * - overdue: a deadline that has passed without the phase that meets it (see deadlineStates);
 * - next step: the overdue deadline, or else the first dated phase after today.
 */
export function deriveStatus(phases: PhaseFact[], today: string, laterCycleStarted = false): CycleStatus {
  const sorted = [...phases].sort((a, b) => (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0));
  const states = deadlineStates(sorted, today, laterCycleStarted);
  const isMet = (p: PhaseFact) => states.some((s) => s.kind === p.kind && s.date === p.date && s.met);

  let current: PhaseFact | undefined;
  for (const p of sorted) if (!DEADLINE_KINDS.has(p.kind) && p.date && p.date <= today) current = p;

  const overdue = states.filter((s) => s.overdue).sort((a, b) => a.date.localeCompare(b.date));
  const next: PhaseFact | undefined =
    overdue[0] ??
    sorted
      .filter((p) => p.date !== null)
      .filter((p) =>
        DEADLINE_KINDS.has(p.kind)
          ? !isMet(p) && endOfPeriod(p.date!, p.datePrecision) >= today
          : p.date! > today,
      )
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
    nextDueDerived: Boolean(next?.derived),
    overdue: Boolean(overdue[0]),
  };
}

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
