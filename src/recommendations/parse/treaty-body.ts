import { cleanBlocks } from './clean.ts';
import { findTitle, readHeader } from './header.ts';
import type { ParsedDocument, ParsedRecommendation } from './types.ts';

/**
 * Concluding observations of a treaty body (E/C.12/NLD/CO/7, CCPR/C/NLD/CO/5, ...): the numbered
 * paragraphs under their headings; a paragraph in which the Committee recommends, urges, calls
 * upon, encourages or reiterates its recommendation is a recommendation. Each lettered
 * sub-paragraph is a record of its own ("para 12 (b)"); a paragraph without sub-paragraphs is one
 * record ("para 12"). The follow-up paragraph ("... within 24 months ... the recommendations made
 * in paragraphs 12 (a), 25 and 31") marks those records followUp and gives followUpDueMonths.
 */

const RECOMMENDING =
  /\b(?:recommends?|urges?|calls (?:up)?on|encourages?|reiterates its (?:previous |earlier )?recommendations?|invites?)\b/i;
const FOLLOW_UP =
  /(?:within|in) (?:a period of )?(\w+(?:-\w+)?) (months?|years?)\b[^]*?\binformation on the implementation of the recommendations?\b/i;
const FOLLOW_UP_ALT =
  /\bfollow-up\b|\brule \d{1,3}\b|\b(?:is )?requested to provide\b|\brequests the State party to provide\b/i;
const MAIN = /^(\d{1,3})\.\s+(.*)$/s;
const LETTER_HEADING = /^([A-H])\.\s+(\p{Lu}.*)$/u;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  'thirty-six': 36,
};

function months(amount: string, unit: string): number | undefined {
  const n = /^\d+$/.test(amount) ? Number(amount) : NUMBER_WORDS[amount.toLowerCase()];
  if (n === undefined) return undefined;
  return /^year/i.test(unit) ? n * 12 : n;
}

/** "12 (a), 25 and 31" / "12 (a) and (b), 25" → ["12 (a)", "12 (b)", "25", "31"] */
export function followUpRefs(text: string): string[] {
  const m = /recommendations? (?:made |contained )?in paragraphs? ([^.]*)/i.exec(text);
  if (!m) return [];
  const refs: string[] = [];
  let lastNo: string | null = null;
  for (const t of m[1]!.matchAll(/(\d{1,3})\s*(?:\(([a-z]{1,4})\))?|\(([a-z]{1,4})\)|\babove\b|\bbelow\b/g)) {
    if (t[1]) {
      lastNo = t[1];
      refs.push(t[2] ? `${t[1]} (${t[2]})` : t[1]);
    } else if (t[3] && lastNo) refs.push(`${lastNo} (${t[3]})`);
  }
  return refs;
}

/** Splits "The Committee recommends that the State party: (a) X; (b) Y." at its sub-paragraphs. */
export function subParagraphs(text: string): { lead: string; subs: { letter: string; text: string }[] } {
  const subs: { letter: string; text: string; at: number; bodyAt: number }[] = [];
  let expect = 'a';
  const re = /(^|[:;.]\s+|\band\s+|\bor\s+)\(([a-z])\)\s+/g;
  for (const m of text.matchAll(re)) {
    if (m[2] !== expect) continue;
    subs.push({ letter: m[2], text: '', at: m.index + m[1]!.length, bodyAt: m.index + m[0].length });
    expect = String.fromCharCode(expect.charCodeAt(0) + 1);
  }
  if (!subs.length) return { lead: text, subs: [] };
  for (let i = 0; i < subs.length; i++) {
    const end = i + 1 < subs.length ? subs[i + 1]!.at : text.length;
    const body = text.slice(subs[i]!.bodyAt, end).trim();
    // "...; and" / "...;" at the end: only the last characters are looked at (linear)
    const cut = Math.max(0, body.length - 8);
    subs[i]!.text = (body.slice(0, cut) + body.slice(cut).replace(/\s*;?\s*(?:and|or)?$/i, '')).trim();
  }
  return {
    lead: text.slice(0, subs[0]!.at).trim(),
    subs: subs.map(({ letter, text }) => ({ letter, text })),
  };
}

/** The part of a paragraph from the sentence in which the Committee recommends. */
function recommendingPart(text: string): string {
  const m = RECOMMENDING.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  return cut >= 0 ? text.slice(cut + 2).trim() : text;
}

export function parseTreatyBody(text: string): ParsedDocument {
  const header = readHeader(text);
  const warnings: string[] = [];
  const blocks = cleanBlocks(text, { symbol: header.symbol });
  const recs: ParsedRecommendation[] = [];
  let section: string | undefined;
  let subHeading: string | undefined;
  interface Para {
    no: number;
    text: string;
    line: number;
    heading: string | undefined;
    subLines: Map<string, number>;
  }
  let current: Para | null = null;
  const paragraphs: Para[] = [];
  let lastNo = 0;

  const flush = () => {
    if (current) paragraphs.push(current);
    current = null;
  };
  for (const b of blocks) {
    if (/^\*+\s/.test(b.text)) continue; // a footnote
    const lh = LETTER_HEADING.exec(b.text);
    if (lh && !MAIN.test(b.text)) {
      flush();
      section = b.text;
      subHeading = undefined;
      continue;
    }
    const m = MAIN.exec(b.text);
    if (m && (lastNo === 0 || (Number(m[1]) > lastNo && Number(m[1]) <= lastNo + 3))) {
      flush();
      lastNo = Number(m[1]);
      const heading = subHeading ? `${section ? `${section} – ` : ''}${subHeading}` : section;
      current = { no: lastNo, text: m[2]!, line: b.line, heading, subLines: new Map() };
      continue;
    }
    const sub = /^\(([a-z]{1,4})\)\s/.exec(b.text);
    if (current && sub) {
      current.text += ` ${b.text}`;
      current.subLines.set(sub[1]!, b.line);
      continue;
    }
    if (current && /^[\p{Ll}]/u.test(b.text)) {
      current.text += ` ${b.text}`; // continued after a page break
      continue;
    }
    // A short line without a number: a sub-heading ("Non-discrimination").
    if (b.text.length <= 120 && !/[.;]$/.test(b.text) && lastNo > 0) {
      flush();
      subHeading = b.text;
    } else if (current) current.text += ` ${b.text}`;
  }
  flush();
  if (!paragraphs.length) warnings.push('No numbered paragraphs found.');

  let followUpDueMonths: number | undefined;
  let followUpParagraphs: string[] | undefined;
  let followUpNo: number | null = null;
  for (const p of paragraphs) {
    const f = FOLLOW_UP.exec(p.text);
    if (f && FOLLOW_UP_ALT.test(p.text)) {
      followUpDueMonths = months(f[1]!, f[2]!);
      followUpParagraphs = followUpRefs(p.text);
      followUpNo = p.no;
    }
  }

  for (const p of paragraphs) {
    if (p.no === followUpNo) continue;
    if (!RECOMMENDING.test(p.text)) continue;
    if (/^positive aspects/i.test(p.heading?.replace(/^[A-H]\.\s+/, '') ?? '')) continue;
    const { lead, subs } = subParagraphs(p.text);
    const base = { recommendingStates: [] as string[], position: null, followUp: false, sourceLine: p.line };
    if (subs.length && RECOMMENDING.test(lead)) {
      for (const s of subs)
        recs.push({
          ...base,
          sourceLine: p.subLines.get(s.letter) ?? p.line,
          paragraph: `para ${p.no} (${s.letter})`,
          text: s.text,
          ...(p.heading ? { heading: p.heading } : {}),
        });
    } else {
      recs.push({
        ...base,
        paragraph: `para ${p.no}`,
        text: recommendingPart(p.text),
        ...(p.heading ? { heading: p.heading } : {}),
      });
    }
  }

  if (followUpParagraphs) {
    for (const ref of followUpParagraphs) {
      const hits = recs.filter(
        (r) => r.paragraph === `para ${ref}` || r.paragraph.startsWith(`para ${ref} (`),
      );
      if (!hits.length)
        warnings.push(`The follow-up paragraph names paragraph ${ref}, which holds no recommendation.`);
      for (const r of hits) r.followUp = true;
    }
  } else warnings.push('No follow-up paragraph found.');
  if (!recs.length) warnings.push('No recommendations found.');

  const doc: ParsedDocument = { kind: 'treaty_body', recommendations: recs, warnings };
  if (header.symbol) doc.symbol = header.symbol;
  const title = findTitle(header.lines, /^Concluding observations\b/i);
  if (title) doc.title = title;
  if (header.date) doc.date = header.date;
  if (followUpDueMonths !== undefined) doc.followUpDueMonths = followUpDueMonths;
  if (followUpParagraphs) doc.followUpParagraphs = followUpParagraphs;
  return doc;
}
