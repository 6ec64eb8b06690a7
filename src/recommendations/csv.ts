/**
 * CSV (RFC 4180): quoted fields with doubled quotes, newlines inside quotes, CRLF or LF.
 * Returns rows of strings with the line number each row started on.
 */
export function parseCsv(text: string, delimiter = ','): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line: rowLine });
      fields = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted)
    throw new CsvError(
      `A quoted field that starts on line ${rowLine} is never closed: the file is cut off or damaged.`,
    );
  if (field !== '' || fields.length) {
    fields.push(field);
    rows.push({ fields, line: rowLine });
  }
  return rows;
}

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/** Text files are decoded as the document reader does: UTF-8, UTF-16, Windows-1252 or Mac Roman. */
export { decodeText } from './parse/extract.ts';
