import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../core/dates.ts';
import { dueDateOf } from './due-dates.ts';

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
