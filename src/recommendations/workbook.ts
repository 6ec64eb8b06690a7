import type ExcelJS from 'exceljs';
import { AppError } from '../core/errors.ts';
import { decodeText, parseCsv } from './csv.ts';
import { FormatError } from './import-upr-info.ts';
import { checkZip, XLSX } from './parse/extract.ts';

/**
 * Opens the first sheet of an uploaded .xlsx, after checking the zip for bombs (too much data
 * once unpacked, or parts that expand too much) and for its workbook part.
 */
export async function firstSheet(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Worksheet> {
  try {
    await checkZip(bytes, fileName, undefined, XLSX);
  } catch (err) {
    if (err instanceof AppError) throw new FormatError(err.message);
    throw err;
  }
  const { default: Excel } = await import('exceljs'); // at first use, not when the server starts
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new FormatError(
      `This .xlsx cannot be read: it is damaged or not an Excel workbook (${(err as Error).message}).`,
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new FormatError('The workbook has no sheet.');
  return ws;
}

/** A row of a sheet: its cells as text, and its number in the file (1 = the header). */
export interface SheetRow {
  cells: string[];
  row: number;
}

/** A cell of ExcelJS as text: a date as YYYY-MM-DD, rich text joined, a formula by its result. */
const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String((v as { text: string }).text);
  if (typeof v === 'object' && 'result' in v) return String((v as { result: unknown }).result ?? '');
  return String(v);
};

/**
 * The rows of an uploaded .xlsx (its first sheet) or CSV text. Dutch Excel writes ";"-separated CSV,
 * others ","; the one whose header has more of the columns `knows` recognises wins. Anything else
 * (or a CSV that does not parse) is a FormatError.
 */
export async function sheetRows(
  bytes: Uint8Array,
  fileName: string,
  knows: (header: string) => boolean,
): Promise<SheetRow[]> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const ws = await firstSheet(bytes, fileName);
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      rows.push({ cells: Array.from(r.values as unknown[], cellText).slice(1), row: n });
    });
    return rows;
  }
  if (bytes.subarray(0, 1024).includes(0))
    throw new FormatError('This is neither an .xlsx workbook nor a CSV text file.');
  const { text } = decodeText(bytes);
  let parsed: SheetRow[][];
  try {
    parsed = [',', ';'].map((d) => parseCsv(text, d).map((r) => ({ cells: r.fields, row: r.line })));
  } catch (err) {
    throw new FormatError((err as Error).message);
  }
  const known = (rows: SheetRow[]) => (rows[0]?.cells ?? []).filter(knows).length;
  return known(parsed[1]!) > known(parsed[0]!) ? parsed[1]! : parsed[0]!;
}
