/** When the task of a step is due: a date of the cycle moved by the step's offset. */
import { addDays, addMonths } from '../core/dates.ts';

export interface StepOffset {
  anchorPhase: string;
  /** Negative: before the phase date; positive: after it. */
  offsetAmount: number;
  offsetUnit: 'days' | 'months';
}

/** The due date of a step for a cycle: the phase date moved by the offset; null when the phase has no date. */
export function dueDateOf(
  step: StepOffset,
  phases: readonly { kind: string; date: string | null }[],
): string | null {
  const phase = phases.find((p) => p.kind === step.anchorPhase);
  if (!phase?.date) return null;
  return step.offsetUnit === 'months'
    ? addMonths(phase.date, step.offsetAmount)
    : addDays(phase.date, step.offsetAmount);
}
