import { describe, expect, it } from 'vitest';
import { addMonths, endOfPeriod } from '../core/dates.ts';
import { deriveDeadlines } from './rules.ts';
import { deadlineStates, deriveStatus } from './status.ts';

describe('due dates derived by the rules per body', () => {
  it('adds months keeping the precision, clamping the day to the month', () => {
    expect(addMonths('2024-01-31', 1, 'day')).toBe('2024-02-29');
    expect(addMonths('2026-02-01', 24, 'month')).toBe('2028-02-01');
    expect(addMonths('2024-01-01', 12, 'year')).toBe('2025-01-01');
    expect(addMonths('2022-11-01', 54, 'month')).toBe('2027-05-01');
  });

  it('treaty body: follow-up after the body months, next report after the periodicity', () => {
    const d = deriveDeadlines([{ kind: 'concluding_observations', date: '2019-08-15' }], {
      bodyCode: 'CAT',
      bodyKind: 'treaty_body',
      periodicityYears: 4,
      procedure: 'standard',
    });
    expect(d.map((x) => [x.kind, x.date])).toEqual([
      ['follow_up_due', '2020-08-15'],
      ['next_report_due', '2023-08-15'],
    ]);
    expect(d[0]!.rule).toContain('CAT');
  });

  it('a recorded deadline is never derived a second time; CRC has no follow-up procedure', () => {
    const d = deriveDeadlines(
      [
        { kind: 'concluding_observations', date: '2022-03-01', datePrecision: 'month' },
        { kind: 'next_report_due', date: '2029-01-01' },
      ],
      { bodyCode: 'CRC', bodyKind: 'treaty_body', periodicityYears: 8, procedure: null },
    );
    expect(d).toEqual([]);
  });

  it('simplified procedure: the report is due after the list of issues prior to reporting', () => {
    const d = deriveDeadlines([{ kind: 'list_of_issues', date: '2025-03-10' }], {
      bodyCode: 'CCPR',
      bodyKind: 'treaty_body',
      periodicityYears: 8,
      procedure: 'simplified',
    });
    expect(d).toMatchObject([{ kind: 'report_due', date: '2026-03-10', baseKind: 'list_of_issues' }]);
    const standard = deriveDeadlines([{ kind: 'list_of_issues', date: '2025-03-10' }], {
      bodyCode: 'CCPR',
      bodyKind: 'treaty_body',
      periodicityYears: 8,
      procedure: 'standard',
    });
    expect(standard).toEqual([]);
  });

  it('UPR: mid-term report after 2.5 years, next review after the periodicity', () => {
    const d = deriveDeadlines([{ kind: 'upr_review', date: '2022-11-01', datePrecision: 'month' }], {
      bodyCode: 'HRC-UPR',
      bodyKind: 'upr',
      periodicityYears: 4.5,
      procedure: null,
    });
    expect(d.map((x) => [x.kind, x.date, x.datePrecision])).toEqual([
      ['upr_midterm_due', '2025-05-01', 'month'],
      ['next_report_due', '2027-05-01', 'month'],
    ]);
  });
});

describe('deadline states', () => {
  it('a deadline known to the month or year is overdue only after that period', () => {
    expect(endOfPeriod('2024-02-01', 'month')).toBe('2024-02-29');
    expect(endOfPeriod('2025-01-01', 'year')).toBe('2025-12-31');
    const s = deadlineStates(
      [{ kind: 'follow_up_due', date: '2026-11-01', datePrecision: 'month' }],
      '2026-11-22',
    );
    expect(s[0]).toMatchObject({ overdue: false, met: false });
    const later = deadlineStates(
      [{ kind: 'follow_up_due', date: '2026-11-01', datePrecision: 'month' }],
      '2026-12-01',
    );
    expect(later[0]).toMatchObject({ overdue: true });
  });

  it('a derived deadline is superseded by a later cycle; a recorded one is not', () => {
    const phases = [
      { kind: 'follow_up_due' as const, date: '2020-01-01', derived: true },
      { kind: 'replies_due' as const, date: '2020-01-01' },
    ];
    const s = deadlineStates(phases, '2026-11-22', true);
    expect(s.find((x) => x.kind === 'follow_up_due')).toMatchObject({ met: true, overdue: false });
    expect(s.find((x) => x.kind === 'replies_due')).toMatchObject({ met: false, overdue: true });
  });

  it('the status marks a derived next step', () => {
    const s = deriveStatus(
      [
        { kind: 'concluding_observations', date: '2026-02-01', datePrecision: 'month' },
        { kind: 'follow_up_due', date: '2028-02-01', datePrecision: 'month', derived: true },
      ],
      '2026-11-22',
    );
    expect(s).toMatchObject({ nextStep: 'follow_up_due', nextDueDate: '2028-02-01', nextDueDerived: true });
  });
});
