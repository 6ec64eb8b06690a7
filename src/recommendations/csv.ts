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

// Mac OS Roman, bytes 0x80-0xFF (the UPR Info originals were written in it).
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/**
 * Decodes a text file: UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise
 * Windows-1252 or Mac Roman, whichever yields the fewer unlikely characters.
 */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: 'utf-8' | 'windows-1252' | 'macintosh';
} {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const win = new TextDecoder('windows-1252').decode(bytes);
    const mac = Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : MAC_ROMAN[b - 0x80]!)).join('');
    // Accented letters are likely in names and texts; symbols such as ∑ π ‡ are not.
    const unlikely = (s: string) =>
      (s.match(/[^\x00-\x7f\u00c0-\u017f\u2018-\u201e\u2013\u2014\u2026\u20ac]/g) ?? []).length;
    return unlikely(mac) < unlikely(win)
      ? { text: mac, encoding: 'macintosh' }
      : { text: win, encoding: 'windows-1252' };
  }
}
