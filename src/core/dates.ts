/**
 * Calendar dates (YYYY-MM-DD strings, UTC) and "today": the one module for date arithmetic.
 * Features never call `new Date()` for a calendar date themselves, so tests can reason about
 * dates and every feature agrees on what "today" is.
 */

/** How exact a date is: a day, or only its month or year ("2025-03" is stored as 2025-03-01). */
export type DatePrecision = 'day' | 'month' | 'year';

/** Today's date (UTC), YYYY-MM-DD. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Today in the Netherlands, YYYY-MM-DD: for deadlines that are Dutch dates (a contribution is late the day after). */
export const amsterdamToday = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);

/** The current moment as an ISO timestamp. */
export const nowIso = (): string => new Date().toISOString();

const pad = (n: number) => String(n).padStart(2, '0');

/** Adds months to a date, keeping the day or the last day of a shorter month; the result keeps the precision. */
export function addMonths(date: string, months: number, precision: DatePrecision = 'day'): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  if (precision === 'year') return `${ny}-01-01`;
  if (precision === 'month') return `${ny}-${pad(nm)}-01`;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The last day of the period a date of this precision stands for ("2025" → 2025-12-31). */
export function endOfPeriod(date: string, precision: DatePrecision = 'day'): string {
  if (precision === 'year') return `${date.slice(0, 4)}-12-31`;
  if (precision === 'month') {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    return `${date.slice(0, 7)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  }
  return date;
}
