/**
 * The implementation overview of a cycle as an Excel workbook: a title row (instrument and cycle), a
 * bold header row that stays in view, wrapped text, column widths and an autofilter.
 */
import type { OverviewColumn, OverviewCycle, OverviewRow, Lang } from './overview.ts';
import { overviewTitle, xmlSafe } from './overview.ts';

/** The row of the headers (the title is row 1). */
export const XLSX_HEADER_ROW = 2;

export async function overviewXlsx(
  cycle: OverviewCycle,
  columns: OverviewColumn[],
  rows: OverviewRow[],
  lang: Lang,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  wb.created = new Date();
  const title = overviewTitle(cycle, lang);
  wb.title = title;
  const ws = wb.addWorksheet(lang === 'nl' ? 'Uitvoeringsoverzicht' : 'Implementation overview', {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
    },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));

  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);

  const header = ws.getRow(XLSX_HEADER_ROW);
  columns.forEach((c, i) => (header.getCell(i + 1).value = c.header[lang]));
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  ws.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW, column: columns.length },
  };

  for (const r of rows) {
    const row = ws.addRow(columns.map((c) => xmlSafe(c.value(r, lang)) || null));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
