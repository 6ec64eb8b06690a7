/** Symbol, date and title from the first lines of a UN document. */

const SYMBOL =
  /(?:A\/HRC|A\/\d{2}|E\/C\.12|CCPR\/C|CERD\/C|CEDAW\/C|CAT\/C|CRC\/C|CRPD\/C|CED\/C|CMW\/C)(?:\/[A-Za-z0-9.-]+)+/g;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DATE =
  /\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/;

/** "26 July 2019" → "2019-07-26"; undefined when the text holds no such date. */
export function readDate(text: string): string | undefined {
  const d = DATE.exec(text);
  if (!d) return undefined;
  const month = MONTHS.indexOf(d[2]!.toLowerCase()) + 1;
  return `${d[3]}-${String(month).padStart(2, '0')}-${d[1]!.padStart(2, '0')}`;
}

/**
 * The last day of the session at which a treaty body adopted the document, from the footnote
 * "* Adopted by the Committee at its 126th session (1–26 July 2019)."; follow-up dates count from it.
 */
export function adoptionDate(text: string): string | undefined {
  const m = /Adopted by the Committee at its [^(]{0,80}\(([^)]{0,80})\)/.exec(text.slice(0, 50_000));
  if (!m) return undefined;
  const dates = [...m[1]!.replace(/\s+/g, ' ').matchAll(new RegExp(DATE.source, 'g'))];
  return dates.length ? readDate(dates[dates.length - 1]![0]) : undefined;
}

export interface Header {
  symbol?: string;
  date?: string;
  lines: string[];
}

/** The document symbol (the first one not introduced as a former symbol) and the first date. */
export function readHeader(text: string, maxLines = 60): Header {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n', maxLines)
    .map((l) => l.replace(/\s+/g, ' ').trim());
  const h: Header = { lines };
  for (const line of lines) {
    if (!h.symbol) {
      for (const m of line.matchAll(SYMBOL)) {
        const before = line.slice(Math.max(0, m.index - 30), m.index).toLowerCase();
        if (/symbol\s*$|see\s*$|\(\s*$/.test(before)) continue;
        h.symbol = m[0].replace(/[.,;]+$/, '');
        break;
      }
    }
    if (!h.date) {
      const date = readDate(line);
      if (date) h.date = date;
    }
  }
  return h;
}

export function findTitle(lines: string[], start: RegExp): string | undefined {
  const i = lines.findIndex((l) => start.test(l));
  if (i < 0) return undefined;
  let title = lines[i]!;
  const next = lines[i + 1] ?? '';
  if (next && (/^[\p{Ll}]/u.test(next) || /\b(?:of|on|the|and|to)$/i.test(title))) title = `${title} ${next}`;
  return title.replace(/\s*\*+$/, '').trim();
}
