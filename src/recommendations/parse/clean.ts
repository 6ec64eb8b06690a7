import { removeEditorialNotes, removeFootnotes } from './footnotes.ts';
import { hyphenKept, mendSpacedHyphens, wordForms } from './hyphens.ts';

export { removeEditorialNotes } from './footnotes.ts';

/**
 * Clean-up of text taken out of PDFs and word processors, line by line and in linear time:
 * page headers and footers, line-break hyphenation, paragraph numbers split from their text and
 * soft line breaks inside paragraphs. The result is a list of blocks (paragraphs, list items,
 * headings), each with the 1-based line of the input where it starts.
 *
 * Pages are separated by a form feed (\f), as extractText() of a PDF gives them (see extract.ts);
 * then the lines repeated at the top or bottom of the pages are removed as headers and footers.
 */

export interface Block {
  text: string;
  /** 1-based line in the input text */
  line: number;
}

interface Line {
  text: string;
  line: number;
  page: number;
}

/** A line ending in one of these words goes on on the next line. */
const CONTINUES =
  /\b(?:the|of|and|or|to|a|an|in|for|on|with|by|from|that|its|their|de|het|een|van|en|op|voor|met|te|aan|bij|die|dat)$/i;
const TERMINAL = /[.:;!?]["'\u201d\u2019)\]]*$/;
const LOWER_START = /^[\p{Ll}]/u;
const UPPER_START = /^[\p{Lu}]/u;
/** "12.", "97.1", "97.1.", "1." followed by space or end */
const NUMBERED = /^\d{1,3}\.(?:\d{1,3}\.?)?(?=\s|$)/;
const SUBPARA = /^\([a-z]{1,4}\)(?=\s|$)/;
const BULLET = /^[\u2022\u25aa\u25e6\u00b7\u2023\u2043o*\u2013-](?=\s)/;
const AANBEVELING = /^(?:[\u2022\u25aa\u00b7*\u2013-]\s*)?Aanbeveling\s+\d{1,3}\b/i;
const LETTER_HEADING = /^(?:[A-P]|[IVX]{1,5})\.\s+\p{Lu}/u;

export function isBlockStart(text: string): boolean {
  return (
    NUMBERED.test(text) ||
    SUBPARA.test(text) ||
    BULLET.test(text) ||
    AANBEVELING.test(text) ||
    LETTER_HEADING.test(text)
  );
}

function isMarkerOnly(text: string): boolean {
  return /^(?:\d{1,3}\.(?:\d{1,3}\.?)?|\d{1,3}\.\d{1,3}|\([a-z]{1,4}\))$/.test(text);
}

const endsTerminal = (s: string) => TERMINAL.test(s.slice(-8));

/** Lines such as "page 12", "- 3 -", "GE.08-13610 (E)", "Tweede Kamer, vergaderjaar 2022–2023, ...". */
export function isPageFurniture(text: string, symbol?: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/^(?:page|pagina|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:of|van|\/)\s*\d{1,4})?$/i.test(t)) return true;
  if (/^[-\u2013]?\s*\d{1,4}\s*[-\u2013]?$/.test(t)) return true;
  if (t.length < 60 && /^(?:\d{1,4}\s+)?GE\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\S+)*$/.test(t)) return true;
  if (/^\*\d{6,}\*$/.test(t)) return true;
  if (/^(?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?, vergaderjaar \d{4}\s*[\u2013-]\s*\d{4}, /.test(t))
    return true;
  if (symbol) {
    const rest = t.startsWith(symbol) ? t.slice(symbol.length).trim() : null;
    if (rest !== null && (rest === '' || /^(?:page|p\.)\s*\d{1,4}$/i.test(rest))) return true;
    if (
      /^(?:page|p\.)\s*\d{1,4}$/i.test(t.slice(0, Math.max(0, t.length - symbol.length)).trim()) &&
      t.endsWith(symbol)
    )
      return true;
  }
  return false;
}

function normalizeChars(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u2217/g, '*')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/\ufb00/g, 'ff')
    .replace(/\ufb03/g, 'ffi')
    .replace(/\ufb04/g, 'ffl')
    .replace(/^\ufeff/, '');
}

function toLines(text: string): Line[] {
  const out: Line[] = [];
  let page = 0;
  const raw = normalizeChars(text).split('\n');
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (t.includes('\f')) {
      const parts = t.split('\f');
      page += parts.length - 1;
      t = parts.join(' ');
    }
    out.push({ text: t.replace(/ {2,}/g, ' ').trim(), line: i + 1, page });
  }
  return out;
}

/** Removes the lines that repeat at the top or bottom of at least half of the pages (≥ 2). */
function removeRepeatedPageLines(lines: Line[]): Line[] {
  const pages = new Map<number, Line[]>();
  for (const l of lines) if (l.text) (pages.get(l.page) ?? pages.set(l.page, []).get(l.page)!).push(l);
  if (pages.size < 2) return lines;
  const key = (s: string) => s.toLowerCase().replace(/\d+/g, '#');
  const edge = new Map<Line, string>();
  const count = new Map<string, number>();
  for (const pl of pages.values()) {
    const seen = new Set<string>();
    const cands = [...pl.slice(0, 3), ...pl.slice(-3)];
    for (const l of cands) {
      if (l.text.length > 120) continue;
      const k = key(l.text);
      edge.set(l, k);
      if (!seen.has(k)) {
        seen.add(k);
        count.set(k, (count.get(k) ?? 0) + 1);
      }
    }
  }
  const min = Math.max(2, Math.ceil(pages.size / 2));
  return lines.filter((l) => {
    const k = edge.get(l);
    return !(k !== undefined && (count.get(k) ?? 0) >= min);
  });
}

/**
 * The cleaned blocks of a document. `symbol` (e.g. "A/HRC/8/31") lets a running header with the
 * document symbol be recognised even when the pages are not known.
 */
export function cleanBlocks(text: string, opts: { symbol?: string } = {}): Block[] {
  let lines = toLines(text);
  lines = removeRepeatedPageLines(lines);
  lines = lines.filter((l) => !isPageFurniture(l.text, opts.symbol));
  lines = removeFootnotes(lines, (t) => NUMBERED.test(t) || LETTER_HEADING.test(t));
  const forms = wordForms(lines);

  // Hyphenation at line ends, and paragraph numbers on a line of their own.
  const merged: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    // The pieces of the merged line; only the last one is looked at (linear on long chains).
    const pieces = [first.text];
    for (;;) {
      let j = i + 1;
      let blanks = 0;
      while (j < lines.length && !lines[j]!.text && blanks < 3) {
        j++;
        blanks++;
      }
      const next = lines[j];
      if (!next || !next.text) break;
      const tail = pieces[pieces.length - 1]!;
      if (/[\p{L}]-$/u.test(tail.slice(-2)) && /^[\p{L}\d]/u.test(next.text)) {
        if (!hyphenKept(tail, next.text, forms)) pieces[pieces.length - 1] = tail.slice(0, -1);
        pieces.push(next.text);
        i = j;
        continue;
      }
      if (pieces.length === 1 && isMarkerOnly(tail) && !isBlockStart(next.text)) {
        pieces.push(' ', next.text);
        i = j;
        continue;
      }
      break;
    }
    merged.push({ ...first, text: pieces.length === 1 ? first.text : pieces.join('') });
  }

  // Blocks: soft line breaks joined.
  const blocks: Block[] = [];
  let cur: { parts: string[]; line: number; heading: boolean; lastLen: number } | null = null;
  let gap = false;
  let page = merged[0]?.page ?? 0;
  const flush = () => {
    if (cur) {
      const text = mendSpacedHyphens(removeEditorialNotes(cur.parts.join(' ')), forms)
        .replace(/ {2,}/g, ' ')
        .trim();
      if (text) blocks.push({ text, line: cur.line });
    }
    cur = null;
  };
  for (let i = 0; i < merged.length; i++) {
    const l = merged[i]!;
    if (!l.text) {
      gap = true;
      continue;
    }
    if (l.page !== page) {
      gap = true; // a page break: joined only when the paragraph clearly goes on
      page = l.page;
    }
    const nextText = merged.slice(i + 1, i + 3).find((n) => n.text)?.text ?? '';
    const start = isBlockStart(l.text);
    const headingLike =
      !start &&
      l.text.length <= 80 &&
      !endsTerminal(l.text) &&
      !/[,\u2013-]$/.test(l.text) &&
      UPPER_START.test(l.text) &&
      (nextText === '' || isBlockStart(nextText));
    let join = false;
    const c = cur as { parts: string[]; line: number; heading: boolean; lastLen: number } | null;
    if (c && !start) {
      const last = c.parts[c.parts.length - 1] ?? '';
      if (c.heading) join = LOWER_START.test(l.text);
      else if (gap)
        join =
          !endsTerminal(last) &&
          (LOWER_START.test(l.text) ||
            /^[(\d]/.test(l.text) ||
            CONTINUES.test(last.slice(-12)) ||
            (c.lastLen >= 60 && !headingLike && UPPER_START.test(l.text)));
      else join = !(endsTerminal(last) && headingLike);
    }
    if (join && c) {
      c.parts.push(l.text);
      c.lastLen = l.text.length;
    } else {
      flush();
      cur = {
        parts: [l.text],
        line: l.line,
        heading: LETTER_HEADING.test(l.text) || headingLike,
        lastLen: l.text.length,
      };
    }
    gap = false;
  }
  flush();
  return blocks;
}

/** The cleaned text: one block per paragraph, separated by a blank line. */
export function cleanText(text: string, opts: { symbol?: string } = {}): string {
  return cleanBlocks(text, opts)
    .map((b) => b.text)
    .join('\n\n');
}
