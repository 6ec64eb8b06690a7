import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../core/dates.ts';
import { anchorOf, dueDateFor, dueDateOf } from './due-dates.ts';

describe('due dates', () => {
  it('moves a phase date by months (clamped to the month end) or days', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 13)).toBe('2027-02-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    const phases = [{ kind: 'report_due', date: '2027-05-10' }];
    expect(dueDateOf({ anchorPhase: 'report_due', offsetAmount: -6, offsetUnit: 'months' }, phases)).toBe(
      '2026-11-10',
    );
    expect(dueDateOf({ anchorPhase: 'dialogue', offsetAmount: 0, offsetUnit: 'days' }, phases)).toBeNull();
  });
});

describe('the date a step counts from', () => {
  const step = { anchorPhase: 'report_due', offsetAmount: -6, offsetUnit: 'months' as const };
  const next = {
    kind: 'next_report_due',
    date: '2027-08-01',
    derived: true,
    ruleNl: 'CEDAW: volgende rapportage',
  };

  it('takes a recorded date first, then a derived one, and names the rule of a derived one', () => {
    expect(dueDateFor(step, [{ kind: 'report_due', date: '2027-05-10' }])).toEqual({
      date: '2026-11-10',
      rule: null,
    });
    expect(
      dueDateFor(step, [{ kind: 'report_due', date: '2027-05-10', derived: true, ruleNl: 'LOIPR' }]),
    ).toEqual({
      date: '2026-11-10',
      rule: 'LOIPR',
    });
  });

  it("prepares the next report of a cycle whose report was examined, and else the previous cycle's next report", () => {
    const examined = [{ kind: 'concluding_observations', date: '2023-08-01' }, next];
    expect(dueDateFor(step, examined)).toEqual({ date: '2027-02-01', rule: 'CEDAW: volgende rapportage' });
    expect(anchorOf('report_due', [], [next])).toEqual({
      date: '2027-08-01',
      rule: 'vorige cyclus: CEDAW: volgende rapportage',
    });
    expect(anchorOf('report_due', [{ kind: 'dialogue', date: '2026-01-01' }], [next])).toBeNull();
    expect(anchorOf('dialogue', [], [next])).toBeNull();
  });
});
