import { cleanBlocks } from './clean.ts';
import { adoptionDate, findTitle, readDate, readHeader } from './header.ts';
import type { ParsedDocument, ParsedRecommendation } from './types.ts';

/**
 * Concluding observations of a treaty body (CCPR/C/NLD/CO/5, E/C.12/NLD/CO/7, CRC/C/NLD/CO/5-6, ...):
 * the numbered paragraphs under their sections ("C. Principal subjects of concern and
 * recommendations", "III. Main areas ...") and subject headings ("Non-discrimination"). A paragraph
 * in which the Committee recommends, urges, calls upon, encourages, invites or reiterates its
 * recommendation, or says what "the State party should" do, is a recommendation. Each lettered
 * sub-paragraph is a record of its own ("para 12 (b)"); a paragraph without sub-paragraphs is one
 * record ("para 12"); a lead that recommends something before it introduces the sub-paragraphs is one
 * more ("para 12"). Not records: the introduction and positive aspects, the paragraphs on
 * dissemination, the next report and the common core document, and the follow-up paragraph itself
 * ("... within 24 months / by 26 July 2021 ... the recommendations made in paragraphs 12 (a), 25
 * and 31"), which marks the records it names followUp and gives followUpDueMonths (a date counts
 * from the last day of the session that adopted the document).
 */

const RECOMMENDING =
  /\b(?:recommends?|urges?|calls (?:up)?on|calls for|encourages?|reiterates its (?:previous |earlier )?recommendations?|invites?)\b|\bState party should\b/i;
const WITHIN = /\bwithin (?:a period of )?(\w+(?:-\w+)?) (months?|years?)\b/i;
const MAIN = /^(\d{1,3})\.\s+(.*)$/s;
const SECTION = /^([A-Z]|[IVX]{1,5})\.\s+(\p{Lu}.*)$/u;
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** Sections whose paragraphs are never recommendations. */
const NO_RECOMMENDATIONS =
  /^(?:introduction|positive aspects|follow-up measures taken and progress achieved)/i;
/** Headings of the paragraphs on dissemination, reporting and follow-up. */
const PROCEDURAL_HEADING =
  /^(?:(?:information )?dissemination\b|follow-up and dissemination|follow-up procedure|follow-up to (?:the present |the )?concluding observations|(?:preparation of the )?next (?:periodic )?report|common core document|paragraphs of particular importance)/i;
const PROCEDURAL_TEXT =
  /\bdisseminat\w*\b[^.]{0,200}\bconcluding observations\b|\bsubmit (?:its|the) (?:next|[\w-]+(?: (?:and|to) [\w-]+)?) (?:combined )?(?:periodic )?reports?\b|\bcommon core document\b|\bsimplified reporting procedure\b/i;

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

/** Whole months from one YYYY-MM-DD to another, to the nearest month. */
function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) + (d2 - d1 >= 15 ? 1 : d2 - d1 <= -15 ? -1 : 0);
}

/**
 * "12 (a), 25 and 31" / "12 (a) and (b), 25" / "(see paras. 13, 21 (a) and 31 (b) above)" /
 * "11 (non-discrimination) and 27 (asylum seekers)" → ["12 (a)", "12 (b)", "25", "31"]
 */
export function followUpRefs(text: string): string[] {
  const m = /recommendations?\b[^.]{0,200}?\b(?:in|see) (?:paragraphs?\b|paras?\.)/i.exec(text);
  if (!m) return [];
  let list = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
  const end = /\babove\b|\bbelow\b|\.(?:\s+\p{Lu}|\s*$)/u.exec(list);
  if (end) list = list.slice(0, end.index);
  const refs: string[] = [];
  let lastNo: string | null = null;
  for (const t of list.matchAll(/(\d{1,3})\s*(?:\(([a-z]{1,4})\))?|\(([a-z]{1,4})\)/g)) {
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

/** Where the last sentence (or clause after "; ") before `end` starts; "No. 13", "para. 5" do not end one. */
function lastSentenceStart(text: string, end: number): number {
  let at = 0;
  for (const m of text.slice(0, end).matchAll(/(?<!\b(?:No|para|paras|art|arts))\.\s+(?=\p{Lu})|;\s+/gu))
    at = m.index + m[0].length;
  return at;
}

/** The part of a paragraph from the sentence in which the Committee recommends. */
function recommendingPart(text: string): string {
  const m = RECOMMENDING.exec(text);
  return m ? text.slice(lastSentenceStart(text, m.index)).trim() : text;
}

/** The lead of a paragraph without its last sentence (the one that introduces the sub-paragraphs). */
function leadBeforeIntroduction(lead: string): string {
  return lead.slice(0, lastSentenceStart(lead, lead.length)).trim();
}

const unbalanced = (s: string) => (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);

/** "J. Measures (arts. 22 and 38–40) Asylum" → ["J. Measures (arts. 22 and 38–40)", "Asylum"] */
function closeParenthesis(s: string): [string, string] {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return [s.slice(0, i + 1), s.slice(i + 1).trim()];
  }
  return [s, ''];
}

interface Para {
  no: number;
  text: string;
  line: number;
  heading: string | undefined;
  section: string | undefined;
  subHeading: string | undefined;
  subLines: Map<string, number>;
}

/** The numbered paragraphs with their section and subject heading. */
function readParagraphs(text: string, symbol: string | undefined): Para[] {
  const blocks = cleanBlocks(text, { symbol });
  let roman: string | undefined;
  let letter: string | undefined;
  let lastLetter = '';
  let subHeading: string | undefined;
  let current: Para | null = null;
  const paragraphs: Para[] = [];
  let lastNo = 0;
  const flush = () => {
    if (current) paragraphs.push(current);
    current = null;
  };
  let openHeading = false;
  for (const b of blocks) {
    if (/^\*+\s/.test(b.text)) continue; // a footnote
    // "J. Special protection measures (arts. 22, ... and" + "38–40)": the heading goes on
    if (openHeading && !MAIN.test(b.text) && /^[\p{Ll}\d(]/u.test(b.text)) {
      const [rest, after] = closeParenthesis(`${(letter ?? roman)!} ${b.text}`);
      if (letter) letter = rest;
      else roman = rest;
      openHeading = rest.length < 300 && unbalanced(rest);
      // a PDF without blank lines joins the subject heading to it
      if (after && /^\p{Lu}/u.test(after) && after.length <= 120 && !/[.;:,]$/.test(after))
        subHeading = after;
      continue;
    }
    openHeading = false;
    const sec = SECTION.exec(b.text);
    if (sec && !MAIN.test(b.text)) {
      flush();
      const mark = sec[1]!;
      const nextRoman = ROMANS[roman ? ROMANS.indexOf(/^([IVX]+)\./.exec(roman)![1]!) + 1 : 0];
      const isLetter =
        mark.length === 1 &&
        (!ROMANS.includes(mark) || (lastLetter !== '' && mark > lastLetter && mark !== nextRoman));
      if (isLetter) {
        letter = b.text;
        lastLetter = mark;
      } else {
        roman = b.text;
        letter = undefined;
        lastLetter = '';
      }
      subHeading = undefined;
      openHeading = b.text.length < 300 && unbalanced(b.text);
      continue;
    }
    const m = MAIN.exec(b.text);
    if (m && (lastNo === 0 || (Number(m[1]) > lastNo && Number(m[1]) <= lastNo + 3))) {
      flush();
      lastNo = Number(m[1]);
      const section = letter ?? roman;
      const heading = subHeading ? `${section ? `${section} – ` : ''}${subHeading}` : section;
      current = { no: lastNo, text: m[2]!, line: b.line, heading, section, subHeading, subLines: new Map() };
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
    // A short line that starts with a capital and ends without punctuation: a subject heading.
    if (b.text.length <= 120 && /^\p{Lu}/u.test(b.text) && !/[.;:,]$/.test(b.text) && lastNo > 0) {
      flush();
      subHeading = b.text;
    } else if (current) current.text += ` ${b.text}`;
  }
  flush();
  return paragraphs;
}

const sectionName = (s: string | undefined) => s?.replace(/^(?:[A-Z]|[IVX]{1,5})\.\s+/, '') ?? '';

/** Dissemination, the next report, the common core document: requests about reporting, no records. */
function isProcedural(p: Para): boolean {
  const heading = p.subHeading ?? sectionName(p.section);
  return PROCEDURAL_HEADING.test(heading) || PROCEDURAL_TEXT.test(p.text);
}

/** The follow-up paragraph: it asks for information on named paragraphs within a time or by a date. */
function readFollowUp(p: Para, adopted: string | undefined): { refs: string[]; months?: number } | null {
  if (!/\bprovide\b/i.test(p.text)) return null;
  const refs = followUpRefs(p.text);
  if (!refs.length) return null;
  const w = WITHIN.exec(p.text);
  if (w) {
    const n = months(w[1]!, w[2]!);
    return n === undefined ? { refs } : { refs, months: n };
  }
  const by = /\bby (\d{1,2} \p{Lu}\p{Ll}+ \d{4})\b/u.exec(p.text);
  const due = by ? readDate(by[1]!) : undefined;
  if (!due) return null;
  return adopted ? { refs, months: monthsBetween(adopted, due) } : { refs };
}

export function parseTreatyBody(text: string): ParsedDocument {
  const header = readHeader(text);
  const warnings: string[] = [];
  const paragraphs = readParagraphs(text, header.symbol);
  if (!paragraphs.length) warnings.push('No numbered paragraphs found.');

  const adopted = adoptionDate(text) ?? header.date;
  let followUp: { refs: string[]; months?: number } | null = null;
  let followUpNo: number | null = null;
  for (const p of paragraphs) {
    const f = readFollowUp(p, adopted);
    if (f) {
      followUp = f;
      followUpNo = p.no;
    }
  }

  const recs: ParsedRecommendation[] = [];
  for (const p of paragraphs) {
    if (p.no === followUpNo || !RECOMMENDING.test(p.text)) continue;
    if (NO_RECOMMENDATIONS.test(sectionName(p.section)) || isProcedural(p)) continue;
    const { lead, subs } = subParagraphs(p.text);
    const base = {
      recommendingStates: [] as string[],
      position: null,
      followUp: false,
      sourceLine: p.line,
      ...(p.heading ? { heading: p.heading } : {}),
    };
    if (subs.length && RECOMMENDING.test(lead)) {
      const before = leadBeforeIntroduction(lead);
      if (RECOMMENDING.test(before))
        recs.push({ ...base, paragraph: `para ${p.no}`, text: recommendingPart(before) });
      for (const s of subs)
        recs.push({
          ...base,
          sourceLine: p.subLines.get(s.letter) ?? p.line,
          paragraph: `para ${p.no} (${s.letter})`,
          text: s.text,
        });
    } else recs.push({ ...base, paragraph: `para ${p.no}`, text: recommendingPart(p.text) });
  }

  if (followUp) {
    for (const ref of followUp.refs) {
      const hits = recs.filter(
        (r) => r.paragraph === `para ${ref}` || r.paragraph.startsWith(`para ${ref} (`),
      );
      if (!hits.length)
        warnings.push(`The follow-up paragraph names paragraph ${ref}, which holds no recommendation.`);
      for (const r of hits) r.followUp = true;
    }
  } else if (!header.symbol?.startsWith('CRC/')) warnings.push('No follow-up paragraph found.');
  if (!recs.length) warnings.push('No recommendations found.');

  const doc: ParsedDocument = { kind: 'treaty_body', recommendations: recs, warnings };
  if (header.symbol) doc.symbol = header.symbol;
  const title = findTitle(header.lines, /^Concluding observations\b/i);
  if (title) doc.title = title;
  if (header.date) doc.date = header.date;
  if (followUp?.months !== undefined) doc.followUpDueMonths = followUp.months;
  if (followUp) doc.followUpParagraphs = followUp.refs;
  return doc;
}
