/**
 * The numbers behind a dashboard chart, as a download: .csv for Dutch Excel (UTF-8 with a byte order
 * mark, ";"-separated, formula-like cells quoted) and .xlsx. The same rows and columns as the table
 * view of the chart: one row per group, one column per status, and the total.
 */
import { GROUP_LABELS, STATUS_LABELS, type Lang } from './labels.ts';
import type { ProgressDashboard } from './schema.ts';

function table(d: ProgressDashboard, lang: Lang): (string | number)[][] {
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

export function dashboardCsv(d: ProgressDashboard, lang: Lang): string {
  const cell = (v: string | number) => {
    if (typeof v === 'number') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return (
    '\uFEFF' +
    table(d, lang)
      .map((r) => r.map(cell).join(';'))
      .join('\r\n') +
    '\r\n'
  );
}

export async function dashboardXlsx(d: ProgressDashboard, lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  wb.created = new Date();
  const ws = wb.addWorksheet(lang === 'nl' ? 'Voortgang' : 'Progress', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const [header, ...rows] = table(d, lang);
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.getColumn(1).width = 40;
  for (let i = 2; i <= header!.length; i++) ws.getColumn(i).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
