/**
 * When the task of a step is due: a date of the cycle moved by the step's offset. The date a step
 * counts from is the cycle's recorded phase, else the deadline the rules per body derive for it
 * (src/cycles/rules.ts); a task says which rule gave its date.
 */
import { addDays, addMonths } from '../core/dates.ts';

export interface StepOffset {
  anchorPhase: string;
  /** Negative: before the phase date; positive: after it. */
  offsetAmount: number;
  offsetUnit: 'days' | 'months';
}

/** A dated phase of a cycle: recorded, or derived by a rule (with the rule in Dutch). */
export interface AnchorFact {
  kind: string;
  date: string | null;
  derived?: boolean;
  /** The rule that derived the date (derived phases only). */
  ruleNl?: string | null;
}

/** The date a step counts from, and the rule that derived it (null for a recorded date). */
export interface Anchor {
  date: string;
  rule: string | null;
}

/** A task's due date with the rule its anchor came from (null: a recorded phase date). */
export interface DueDate {
  date: string;
  rule: string | null;
}

/** Phases that show a cycle's own report was given: its process prepares the next one. */
const REPORT_GIVEN = new Set([
  'report_submitted',
  'list_of_issues',
  'dialogue',
  'concluding_observations',
  'upr_review',
  'upr_wg_report',
  'evaluation_report',
]);

const recorded = (facts: readonly AnchorFact[], kind: string) =>
  facts.find((p) => p.kind === kind && p.date && !p.derived);
const derived = (facts: readonly AnchorFact[], kind: string) =>
  facts.find((p) => p.kind === kind && p.date && p.derived);

/**
 * The date a step of a cycle counts from, in this order:
 * 1. the cycle's recorded phase of the step's kind;
 * 2. the deadline the rules derive for that kind;
 * 3. for the report, when this cycle's own report was not given yet: the next report the previous
 *    cycle expects (recorded or derived);
 * 4. for the report, when this cycle's own report was given or examined: its next report (the
 *    process then prepares that one).
 */
export function anchorOf(
  kind: string,
  own: readonly AnchorFact[],
  previous: readonly AnchorFact[] = [],
): Anchor | null {
  const rec = recorded(own, kind);
  if (rec) return { date: rec.date!, rule: null };
  const der = derived(own, kind);
  if (der) return { date: der.date!, rule: der.ruleNl ?? null };
  if (kind !== 'report_due') return null;
  const fromPrevious = (): Anchor | null => {
    const r = recorded(previous, 'next_report_due');
    if (r) return { date: r.date!, rule: 'volgende rapportage zoals vastgelegd bij de vorige cyclus' };
    const d = derived(previous, 'next_report_due');
    return d ? { date: d.date!, rule: `vorige cyclus: ${d.ruleNl ?? ''}`.trim() } : null;
  };
  const fromOwnNext = (): Anchor | null => {
    const r = recorded(own, 'next_report_due');
    if (r) return { date: r.date!, rule: 'volgende rapportage zoals vastgelegd bij deze cyclus' };
    const d = derived(own, 'next_report_due');
    return d ? { date: d.date!, rule: d.ruleNl ?? null } : null;
  };
  const reportGiven = own.some((p) => REPORT_GIVEN.has(p.kind) && !p.derived);
  return reportGiven ? fromOwnNext() : (fromPrevious() ?? fromOwnNext());
}

/** The date moved by the step's offset. */
export function moveByOffset(step: StepOffset, date: string): string {
  return step.offsetUnit === 'months' ? addMonths(date, step.offsetAmount) : addDays(date, step.offsetAmount);
}

/** The due date of a step for a cycle with the rule it came from; null when no date is known. */
export function dueDateFor(
  step: StepOffset,
  own: readonly AnchorFact[],
  previous: readonly AnchorFact[] = [],
): DueDate | null {
  const anchor = anchorOf(step.anchorPhase, own, previous);
  return anchor ? { date: moveByOffset(step, anchor.date), rule: anchor.rule } : null;
}

/** The due date of a step for a cycle: the recorded phase date moved by the offset; null when the phase has no date. */
export function dueDateOf(
  step: StepOffset,
  phases: readonly { kind: string; date: string | null }[],
): string | null {
  const phase = phases.find((p) => p.kind === step.anchorPhase);
  if (!phase?.date) return null;
  return moveByOffset(step, phase.date);
}
