import { DEADLINES, PHASE_KINDS, type CycleStatus, type PhaseKind } from './schema.ts';

export interface PhaseFact {
  kind: PhaseKind;
  date: string | null;
}

const ORDER = new Map(PHASE_KINDS.map((k, i) => [k, i]));
/** Deadlines are dates by which the state must act; the other phases are events that happen. */
const DEADLINE_KINDS = new Set<PhaseKind>([...(Object.keys(DEADLINES) as PhaseKind[]), 'next_report_due']);

/**
 * The status of a cycle, derived from its dated phases (never stored):
 * - current phase: the latest event (not a deadline) that has taken place by `today`;
 * - overdue: a deadline that has passed without the phase that meets it (the next report
 *   is met by a later cycle's submitted report: `laterReportSubmitted`);
 * - next step: the overdue deadline, or else the first dated phase after today.
 */
export function deriveStatus(phases: PhaseFact[], today: string, laterReportSubmitted = false): CycleStatus {
  const sorted = [...phases].sort((a, b) => (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0));
  const has = (k: PhaseKind) => sorted.some((p) => p.kind === k && p.date !== null && p.date <= today);

  let current: PhaseFact | undefined;
  for (const p of sorted) if (!DEADLINE_KINDS.has(p.kind) && p.date && p.date <= today) current = p;

  const overdue = sorted
    .filter((p) => DEADLINE_KINDS.has(p.kind) && p.date !== null && p.date < today)
    .filter((p) => (p.kind === 'next_report_due' ? !laterReportSubmitted : !has(DEADLINES[p.kind]!)))
    .sort((a, b) => a.date!.localeCompare(b.date!));
  if (overdue[0]) {
    return {
      currentPhase: current?.kind ?? null,
      currentPhaseDate: current?.date ?? null,
      nextStep: overdue[0].kind,
      nextDueDate: overdue[0].date,
      overdue: true,
    };
  }
  const upcoming = sorted
    .filter((p) => p.date !== null && p.date > today)
    .filter((p) => !(p.kind === 'next_report_due' && laterReportSubmitted))
    .sort((a, b) => a.date!.localeCompare(b.date!) || (ORDER.get(a.kind) ?? 0) - (ORDER.get(b.kind) ?? 0));
  return {
    currentPhase: current?.kind ?? null,
    currentPhaseDate: current?.date ?? null,
    nextStep: upcoming[0]?.kind ?? null,
    nextDueDate: upcoming[0]?.date ?? null,
    overdue: false,
  };
}

export const today = () => new Date().toISOString().slice(0, 10);

export interface DatedPhase {
  kind: PhaseKind;
  date: string | null;
  datePrecision?: 'day' | 'month' | 'year';
}

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
