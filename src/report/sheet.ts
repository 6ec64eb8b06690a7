/**
 * Reads expenditures from an .xlsx workbook (its first sheet) or a CSV file (comma or semicolon):
 * the first row names the columns, in Dutch or English: jaar/year, prioriteit/priority, bedrag/amount,
 * valuta/currency, datum/date, omschrijving/description, activiteit/activity, and for an amount in
 * another currency than the euro bedrag_eur/amount_eur. All or nothing: any row with a problem (no
 * or no valid date, an unknown currency, an amount that is not a number, a year that is not the year
 * of the date, an unknown priority) refuses the whole file, the error naming the row numbers.
 */
import { sheetRows } from '../recommendations/workbook.ts';
import { FormatError } from '../recommendations/import-upr-info.ts';
import { AppError } from '../core/errors.ts';
import { reportErrors, type Problem } from './errors.ts';
import { isCurrency } from './currency.ts';
import { isIsoDate } from './currency.ts';
import { priorityOf, type PriorityCode } from './priorities.ts';
import { describesAdvanceFor } from './cash-basis.ts';

export interface SheetRow {
  row: number;
  year: number;
  priority: PriorityCode;
  amount: number;
  currency: string;
  amountEur: number | null;
  paidOn: string;
  description: string | null;
  activity: string | null;
  /** A December payment whose description names an advance for the next year (src/report/cash-basis.ts). */
  advanceFor: number | null;
}

export interface RowProblem {
  row: number;
  problem: Problem;
  value: string;
}

const COLUMNS = {
  year: ['jaar', 'year'],
  priority: ['prioriteit', 'priority'],
  amount: ['bedrag', 'amount'],
  currency: ['valuta', 'currency'],
  date: ['datum', 'date'],
  description: ['omschrijving', 'description'],
  activity: ['activiteit', 'activity'],
  amountEur: ['bedrag_eur', 'amount_eur', 'bedrag eur', 'amount eur', 'bedrag in euro', 'amount in euros'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['priority', 'amount', 'currency', 'date'];

const columnOf = (header: string): Column | null => {
  const h = header
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)$/, '');
  for (const [key, names] of Object.entries(COLUMNS))
    if ((names as readonly string[]).includes(h)) return key as Column;
  return null;
};

/** "9.395.942,50", "9395942.50", "9,395,942.50", "€ 1.000": the amount, or null. */
export function parseAmount(text: string): number | null {
  const t = text.replace(/\s|€|EUR/gi, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t))
    return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

/** "2024-12-18" or the Dutch "18-12-2024" / "18/12/2024": the ISO date, or null. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Reads the rows of an expenditure sheet; refuses the whole file when any row has a problem. */
export async function readExpenditureSheet(bytes: Uint8Array, fileName: string): Promise<SheetRow[]> {
  let rows: { cells: string[]; row: number }[];
  try {
    rows = await sheetRows(bytes, fileName, (h) => Boolean(columnOf(h)));
  } catch (err) {
    if (err instanceof FormatError || (err instanceof Error && err.name === 'CsvError'))
      throw reportErrors.sheet_format({ fileName, reason: err.message });
    if (err instanceof AppError) throw err;
    throw err;
  }
  const header = rows[0]?.cells ?? [];
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const c = columnOf(h);
    if (c && !index.has(c)) index.set(c, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c)).map((c) => COLUMNS[c].join('/'));
  if (missing.length) throw reportErrors.sheet_columns({ missing: missing.join(', ') });

  const problems: RowProblem[] = [];
  const out: SheetRow[] = [];
  for (const { cells, row } of rows.slice(1)) {
    const get = (c: Column) => (index.has(c) ? (cells[index.get(c)!] ?? '').trim() : '');
    if (cells.every((c) => c.trim() === '')) continue;
    const problem = (p: Problem, value = '') => problems.push({ row, problem: p, value });
    const before = problems.length;
    const dateText = get('date');
    const paidOn = dateText ? parseDate(dateText) : null;
    if (!dateText) problem('date_missing');
    else if (!paidOn) problem('date_invalid', dateText);
    const currency = get('currency').toUpperCase();
    if (!currency) problem('currency_missing');
    else if (!isCurrency(currency)) problem('currency_unknown', get('currency'));
    const amount = parseAmount(get('amount'));
    if (amount === null) problem('amount_invalid', get('amount'));
    const eurText = get('amountEur');
    const amountEur = currency === 'EUR' ? amount : eurText ? parseAmount(eurText) : null;
    if (currency !== 'EUR' && eurText && amountEur === null) problem('amount_invalid', eurText);
    if (currency && currency !== 'EUR' && isCurrency(currency) && !eurText) problem('eur_missing', currency);
    const priority = priorityOf(get('priority') || 'other');
    if (!priority) problem('priority_unknown', get('priority'));
    const yearText = get('year');
    if (yearText && paidOn && yearText !== paidOn.slice(0, 4)) problem('year_mismatch', yearText);
    if (problems.length > before) continue;
    const year = Number(paidOn!.slice(0, 4));
    const description = get('description') || null;
    out.push({
      row,
      year,
      priority: priority!,
      amount: amount!,
      currency,
      amountEur,
      paidOn: paidOn!,
      description,
      activity: get('activity') || null,
      advanceFor:
        paidOn!.slice(5, 7) === '12' && describesAdvanceFor(description, year + 1) ? year + 1 : null,
    });
  }
  const first = problems[0];
  if (first)
    throw reportErrors.sheet_rows(
      { row: first.row, problem: first.problem, value: first.value, count: problems.length },
      { problems },
    );
  return out;
}
