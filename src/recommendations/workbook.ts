import type ExcelJS from 'exceljs';
import { AppError } from '../core/errors.ts';
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
