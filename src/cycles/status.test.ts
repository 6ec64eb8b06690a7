import { describe, expect, it } from 'vitest';
import { compareDates, comparePhases, deadlineStates, deriveStatus } from './status.ts';

describe('cycle status, derived from the dated phases', () => {
  const today = '2026-11-22';

  it('the current phase is the latest event; the next step the first dated phase ahead', () => {
    const s = deriveStatus(
      [
        { kind: 'report_submitted', date: '2023-01-10' },
        { kind: 'list_of_issues', date: '2023-11-06' },
        { kind: 'replies_due', date: '2024-10-31' },
        { kind: 'replies_submitted', date: '2024-10-30' },
        { kind: 'dialogue', date: '2027-03-01' },
      ],
      today,
    );
    expect(s).toEqual({
      currentPhase: 'replies_submitted',
      currentPhaseDate: '2024-10-30',
      currentPhasePrecision: 'day',
      nextStep: 'dialogue',
      nextDueDate: '2027-03-01',
      nextDuePrecision: 'day',
      nextDueDerived: false,
      overdue: false,
    });
  });

  it('a passed deadline without the phase that meets it is overdue', () => {
    const s = deriveStatus(
      [
        { kind: 'concluding_observations', date: '2024-03-01' },
        { kind: 'follow_up_due', date: '2026-03-01' },
        { kind: 'next_report_due', date: '2030-03-01' },
      ],
      today,
    );
    expect(s).toMatchObject({ nextStep: 'follow_up_due', nextDueDate: '2026-03-01', overdue: true });
  });

  it('a met deadline is not overdue', () => {
    const s = deriveStatus(
      [
        { kind: 'follow_up_due', date: '2026-03-01' },
        { kind: 'follow_up_submitted', date: '2026-02-20' },
        { kind: 'next_report_due', date: '2030-03-01' },
      ],
      today,
    );
    expect(s).toMatchObject({
      currentPhase: 'follow_up_submitted',
      nextStep: 'next_report_due',
      overdue: false,
    });
  });

  it('a dialogue shows that the report and the replies were submitted, even when unrecorded', () => {
    const s = deriveStatus(
      [
        { kind: 'list_of_issues', date: '2023-11-06' },
        { kind: 'replies_due', date: '2024-10-31' },
        { kind: 'dialogue', date: '2025-09-16' },
        { kind: 'concluding_observations', date: '2025-01-01', datePrecision: 'year' },
      ],
      today,
    );
    expect(s).toMatchObject({
      currentPhase: 'concluding_observations',
      currentPhasePrecision: 'year',
      overdue: false,
    });
  });

  it('the next report is met by a later cycle', () => {
    const phases = [{ kind: 'next_report_due' as const, date: '2025-01-01' }];
    expect(deriveStatus(phases, today).overdue).toBe(true);
    expect(deriveStatus(phases, today, true).overdue).toBe(false);
  });

  it('phases without a date are not counted', () => {
    const s = deriveStatus([{ kind: 'report_submitted', date: null }], today);
    expect(s).toEqual({
      currentPhase: null,
      currentPhaseDate: null,
      currentPhasePrecision: null,
      nextStep: null,
      nextDueDate: null,
      nextDuePrecision: null,
      nextDueDerived: false,
      overdue: false,
    });
  });
});

describe('ordering phases whose dates have different precision', () => {
  it('a month-precise date neither precedes nor follows a day in that month', () => {
    const dialogue = { kind: 'dialogue' as const, date: '2026-02-06', datePrecision: 'day' as const };
    const co = {
      kind: 'concluding_observations' as const,
      date: '2026-02-01',
      datePrecision: 'month' as const,
    };
    expect(compareDates(co, dialogue)).toBe(0);
    expect([co, dialogue].sort(comparePhases).map((p) => p.kind)).toEqual([
      'dialogue',
      'concluding_observations',
    ]);
    expect(compareDates({ ...co, datePrecision: 'day' }, dialogue)).toBeLessThan(0);
  });
});

describe('derived deadlines long past', () => {
  it('a derived deadline more than a year past without a submission is lapsed, not overdue', () => {
    const states = deadlineStates(
      [
        { kind: 'follow_up_due', date: '2019-12-01', datePrecision: 'month', derived: true },
        { kind: 'next_report_due', date: '2026-06-01', datePrecision: 'month', derived: true },
      ],
      '2026-11-22',
    );
    expect(states.map((s) => [s.kind, s.overdue, s.lapsed])).toEqual([
      ['follow_up_due', false, true],
      ['next_report_due', true, false],
    ]);
    // A recorded deadline never lapses.
    const recorded = deadlineStates([{ kind: 'follow_up_due', date: '2019-12-01' }], '2026-11-22');
    expect(recorded[0]).toMatchObject({ overdue: true, lapsed: false });
  });
});
