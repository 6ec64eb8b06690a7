/**
 * The expenditures of an IATI activity on a cash basis, as the financial annex counts them.
 *
 * - Only disbursements (TransactionType 3) are expenditures. Commitments (type 2) and
 *   de-commitments (negative type 2) are promises, not payments; other types are not counted.
 * - A disbursement counts in the calendar year of its transaction-date: the day the money was paid.
 *   Its value-date (the date of the exchange rate) does not move it.
 *
 * The advance rule. A disbursement paid in December of year Y is an advance for year Y + 1 when the
 * data says so in one of three ways:
 *   1. its value/@value-date lies in year Y + 1; or
 *   2. its description names an advance ("voorschot", "advance", "prefinanciering") together with the
 *      year Y + 1, e.g. "Voorschot 2025" or "advance for 2025"; or
 *   3. the activity has a planned disbursement whose period starts in year Y + 1 with exactly the
 *      (positive) amount and currency paid, and none of year Y with that amount: the payment planned
 *      for the next year was made early, not the one planned for the year itself.
 * An advance still counts in year Y, the year it was paid (cash basis), and gets a note that says so,
 * as the memo on the 2025 report explains the JISRA advance for 2025 paid in December 2024: the
 * totals of Y + 1 do not include it, and the annex of Y + 1 explains why (noteForAdvanceYear).
 */
import { formatEur } from './currency.ts';
import type { IatiActivity, IatiTransaction } from './iati.ts';

export const DISBURSEMENT = '3';

export interface CashPayment {
  activity: string;
  transaction: number;
  ref: string | null;
  date: string;
  /** The year it counts in: the year of its transaction-date. */
  year: number;
  value: number;
  currency: string;
  description: string | null;
  /** The year it was an advance for (year + 1), or null. */
  advanceFor: number | null;
  /** Why it is an advance: 'value-date', 'description' or 'planned-disbursement'. */
  advanceReason: 'value-date' | 'description' | 'planned-disbursement' | null;
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));
const ADVANCE_WORD = /\b(voorschot\w*|advance\w*|prefinanciering\w*|pre-?financing)\b/i;

/** Whether a description names an advance for the year given. */
export function describesAdvanceFor(description: string | null, year: number): boolean {
  if (!description || !ADVANCE_WORD.test(description)) return false;
  return new RegExp(`(^|\\D)${year}(\\D|$)`).test(description);
}

function advanceOf(activity: IatiActivity, t: IatiTransaction): CashPayment['advanceReason'] {
  if (t.date.slice(5, 7) !== '12') return null;
  const next = yearOf(t.date) + 1;
  if (t.valueDate && /^\d{4}-/.test(t.valueDate) && yearOf(t.valueDate) === next) return 'value-date';
  if (describesAdvanceFor(t.description, next)) return 'description';
  const plannedIn = (year: number) =>
    activity.plannedDisbursements.some(
      (p) =>
        p.start !== null &&
        yearOf(p.start) === year &&
        p.value === t.value &&
        (p.currency ?? activity.defaultCurrency) === t.currency,
    );
  return t.value > 0 && plannedIn(next) && !plannedIn(next - 1) ? 'planned-disbursement' : null;
}

/** The activity's disbursements, each with the year it counts in and whether it was an advance. */
export function cashPayments(activity: IatiActivity): CashPayment[] {
  return activity.transactions
    .filter((t) => t.type === DISBURSEMENT)
    .map((t) => {
      const reason = advanceOf(activity, t);
      return {
        activity: activity.identifier,
        transaction: t.number,
        ref: t.ref,
        date: t.date,
        year: yearOf(t.date),
        value: t.value,
        currency: t.currency,
        description: t.description,
        advanceFor: reason ? yearOf(t.date) + 1 : null,
        advanceReason: reason,
      };
    });
}

/** Per activity, per year, per currency: the sum of its disbursements on a cash basis. */
export function yearlyDisbursements(
  activities: IatiActivity[],
): Map<string, Map<number, Map<string, number>>> {
  const out = new Map<string, Map<number, Map<string, number>>>();
  for (const a of activities) {
    const years = out.get(a.identifier) ?? new Map<number, Map<string, number>>();
    for (const p of cashPayments(a)) {
      const byCurrency = years.get(p.year) ?? new Map<string, number>();
      byCurrency.set(p.currency, round2((byCurrency.get(p.currency) ?? 0) + p.value));
      years.set(p.year, byCurrency);
    }
    out.set(a.identifier, years);
  }
  return out;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** The note of an advance in the year it was paid (and counts in). */
export function noteForPaidYear(
  advanceFor: number,
  amountEur: number | null,
  activity: string | null,
): string {
  const amount = amountEur === null ? '' : ` (${formatEur(amountEur)})`;
  const of = activity ? ` van activiteit ${activity}` : '';
  return `Het voorschot voor ${advanceFor}${of}${amount} is in december ${advanceFor - 1} betaald en telt daarom mee in ${advanceFor - 1}.`;
}

/** The note of an advance in the annex of the year it was for: why that year's figures leave it out. */
export function noteForAdvanceYear(
  advanceFor: number,
  amountEur: number | null,
  activity: string | null,
): string {
  const amount = amountEur === null ? '' : ` (${formatEur(amountEur)})`;
  const of = activity ? ` van activiteit ${activity}` : '';
  return `Het voorschot voor ${advanceFor}${of}${amount} werd in december ${advanceFor - 1} al uitbetaald en is daarom niet meegerekend in de cijfers voor ${advanceFor}.`;
}
