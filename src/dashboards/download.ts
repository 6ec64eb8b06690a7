/**
 * The numbers behind a dashboard chart, as a download: .csv for Dutch Excel (UTF-8 with a byte order
 * mark, ";"-separated, formula-like cells quoted) and .xlsx. The same rows and columns as the table
 * view of the chart: one row per group, one column per status, and the total.
 */
import { GROUP_LABELS, STATUS_LABELS, type Lang } from './labels.ts';
import type { ProgressDashboard } from './schema.ts';

export type Cell = string | number;

function table(d: ProgressDashboard, lang: Lang): Cell[][] {
  const header = [
    GROUP_LABELS[d.groupBy][lang],
    ...d.statuses.map((s) => STATUS_LABELS[s][lang]),
    lang === 'nl' ? 'Totaal' : 'Total',
  ];
  const rows = d.rows.map((r) => [
    lang === 'nl' ? r.labelNl : r.label,
    ...d.statuses.map((s) => r.counts[s] ?? 0),
    r.total,
  ]);
  const totals = [
    lang === 'nl' ? 'Alle aanbevelingen' : 'All recommendations',
    ...d.statuses.map((s) => d.totals[s] ?? 0),
    d.total,
  ];
  return [header, ...rows, totals];
}

/** Rows (the first the header) as CSV for Dutch Excel. */
export function csvOf(rows: Cell[][]): string {
  const cell = (v: Cell) => {
    if (typeof v === 'number') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** Rows (the first the header, in bold and frozen) as a workbook of one sheet. */
export async function xlsxOf(
  sheet: string,
  rows: Cell[][],
  opts: { widths: number[]; boldLast?: boolean; wrap?: number[] },
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header, ...body] = rows;
  ws.addRow(header ?? []);
  ws.getRow(1).font = { bold: true };
  for (const r of body) ws.addRow(r);
  if (opts.boldLast) ws.getRow(ws.rowCount).font = { bold: true };
  opts.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const i of opts.wrap ?? []) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function dashboardCsv(d: ProgressDashboard, lang: Lang): string {
  return csvOf(table(d, lang));
}

export async function dashboardXlsx(d: ProgressDashboard, lang: Lang): Promise<Buffer> {
  return xlsxOf(lang === 'nl' ? 'Voortgang' : 'Progress', table(d, lang), {
    widths: [40, ...d.statuses.map(() => 14), 14],
    boldLast: true,
  });
}
