/**
 * CSV (RFC 4180): quoted fields with doubled quotes, newlines inside quotes, CRLF or LF.
 * Returns rows of strings with the line number each row started on.
 */
export function parseCsv(text: string, delimiter = ','): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let rowLine = 1;
  const endRow = () => {
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ fields, line: rowLine });
    fields = [];
  };
  while (i < n) {
    if (text.charCodeAt(i) === 34 /* " */) {
      // A quoted field: up to the closing quote, with "" for a quote inside.
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0)
          throw new CsvError(
            `A quoted field that starts on line ${line} is never closed: the file is cut off or damaged.`,
          );
        const chunk = text.slice(from, q);
        value += chunk;
        for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything up to the next delimiter or line end belongs to the field too (lenient).
      let j = i;
      while (j < n && text.charCodeAt(j) !== d && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      fields.push(value + text.slice(i, j));
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      fields.push(text.slice(i, j));
      i = j;
    }
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) fields.push('');
      continue;
    }
    // A line end: CRLF, LF or CR.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    endRow();
    rowLine = line;
  }
  if (fields.length) endRow();
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
