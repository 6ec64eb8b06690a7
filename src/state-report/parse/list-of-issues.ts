import { extractFromBuffer } from '../../recommendations/parse/extract.ts';
import { cleanBlocks } from '../../recommendations/parse/clean.ts';
import { subParagraphs } from '../../recommendations/parse/treaty-body.ts';
import { LoiParseError } from './errors.ts';
import { readLoiHeader } from './header.ts';
import { articlesOf, coReferences, coSymbols, inlineCoFootnotes } from './references.ts';
import type { LoiFound, LoiParseResult, LoiQuestion, LoiSection } from './types.ts';

/**
 * A treaty body's list of issues (CCPR/C/NLD/Q/5) or list of issues prior to reporting
 * (CCPR/C/NLD/QPR/6, CAT/C/NLD/QPR/8, E/C.12/NLD/QPR/7, CRC/C/NLD/QPR/6-7), as text taken out of its PDF
 * or Word file: the header (symbol, committee, report, adoption), then the parts ("A. General
 * information", "B. Specific information on the implementation of articles 1–27 ...") and subject
 * headings ("Right to privacy (art. 17)", "Articles 2 and 16") as sections, and under them the
 * numbered questions with their lettered sub-questions and the paragraphs of the previous concluding
 * observations they refer to. The clean-up (page headers and footers, hyphenation, footnotes) is the one
 * of the recommendation parsers (src/recommendations/parse/clean.ts). A text without numbered questions
 * is a LoiParseError that says what was found.
 */

/** "A. General information", "II. Issues relating to the general provisions of the Covenant (arts. 1–5)" */
const LETTER_HEADING = /^([A-Z]|[IVX]{2,5})\.\s+(\p{Lu}.*)$/su;
const NUMBERED = /^(\d{1,3})\.\s+(.*)$/s;
const SUB = /^\([a-z]{1,4}\)\s/;
const TITLE = /^List of issues\b/i;
/** A heading that goes on on the next line. */
const OPEN_END = /(?:\b(?:of|the|and|or|in|on|to|for|with|within|including|against|between|by)|,)$/i;

const unbalanced = (s: string) => (s.match(/\(/g)?.length ?? 0) > (s.match(/\)/g)?.length ?? 0);

function isHeading(text: string): boolean {
  return text.length <= 250 && /^\p{Lu}/u.test(text) && !/[.;:,]["'\u201d)]*$/.test(text);
}

/** "Right to privacy (art. 17)" → "right-to-privacy" */
export function slug(heading: string): string {
  const s = heading
    .replace(/\((?:arts?\.|articles?)[^)]*\)/gi, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (s.length <= 60) return s || 'section';
  const cut = s.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60);
}

export interface ParseOptions {
  /** The file name, for the error. */
  file?: string;
}

export function parseListOfIssues(text: string, opts: ParseOptions = {}): LoiParseResult {
  const h = readLoiHeader(text);
  const found = (reason: LoiFound['reason'], counts = { headings: 0, numbered: 0, other: 0 }): LoiFound => ({
    symbol: h.symbol ?? null,
    title: h.title ?? null,
    headings: counts.headings,
    numberedParagraphs: counts.numbered,
    otherParagraphs: counts.other,
    reason,
  });
  if (!text.replace(/[\s\f]/g, '')) throw new LoiParseError(found('empty'), opts.file);
  if (h.otherSymbol && !h.title) throw new LoiParseError(found('not_a_list_of_issues'), opts.file);

  const warnings: string[] = [];
  if (!h.symbol) warnings.push('No document symbol found in the header.');
  else if (h.otherSymbol)
    warnings.push(`The symbol ${h.symbol} is not that of a list of issues (…/Q/N, …/QPR/N).`);
  if (!h.title) warnings.push('No title "List of issues ..." found.');
  if (!h.committee) warnings.push('The committee is not known from the symbol or the header.');

  const blocks = cleanBlocks(inlineCoFootnotes(text), h.symbol ? { symbol: h.symbol } : {});
  let start = blocks.findIndex((b) => TITLE.test(b.text));
  if (start < 0) start = blocks.findIndex((b) => LETTER_HEADING.test(b.text) || /^1\.\s/.test(b.text)) - 1;

  const sections: LoiSection[] = [];
  const questions: LoiQuestion[] = [];
  const keys = new Set<string>();
  const counts = { headings: 0, numbered: 0, other: 0 };
  let part: string | undefined;
  let section: LoiSection | null = null;
  let q: LoiQuestion | null = null;
  let headingOpen = false;
  let lastNo = 0;

  const setHeading = (s: LoiSection, heading: string, key: string | null) => {
    s.heading = heading;
    s.articles = articlesOf(heading);
    if (key === null) {
      keys.delete(s.key);
      let k = slug(heading);
      for (let i = 2; keys.has(k); i++) k = `${slug(heading)}-${i}`;
      s.key = k;
    } else s.key = key;
    keys.add(s.key);
  };
  const open = (heading: string, key: string | null, inPart: string | undefined) => {
    counts.headings++;
    const s: LoiSection = { key: '', heading: '', articles: [], questions: [] };
    if (inPart) s.part = inPart;
    setHeading(s, heading, key);
    sections.push(s);
    section = s;
    q = null;
    headingOpen = true;
  };

  for (const b of blocks.slice(start + 1)) {
    const t = b.text;
    if (/^\*+\s/.test(t)) continue; // a footnote left at the end
    const num = NUMBERED.exec(t);
    const s = section as LoiSection | null;
    if (headingOpen && s && !num && !SUB.test(t)) {
      if (OPEN_END.test(s.heading) || unbalanced(s.heading) || /^[\p{Ll}(]/u.test(t)) {
        setHeading(s, `${s.heading} ${t}`, /^(?:[A-Z]|[IVX]{2,5})$/.test(s.key) ? s.key : null);
        continue;
      }
    }
    headingOpen = false;
    const letter = LETTER_HEADING.exec(t);
    if (letter && !num) {
      part = letter[1]!;
      open(letter[2]!, part, undefined);
      continue;
    }
    if (num) {
      counts.numbered++;
      const n = Number(num[1]);
      if (lastNo === 0 || (n > lastNo && n <= lastNo + 5)) {
        if (lastNo === 0 && n !== 1) warnings.push(`The first question is numbered ${n}, not 1.`);
        for (let missing = lastNo + 1; lastNo > 0 && missing < n; missing++)
          warnings.push(`Question ${missing} is missing (question ${n} follows ${lastNo}).`);
        if (!section) {
          open('Questions', 'questions', undefined);
          headingOpen = false;
          warnings.push(`Question ${n} comes before any heading.`);
        }
        lastNo = n;
        q = {
          number: n,
          text: num[2]!,
          subQuestions: [],
          coReferences: [],
          sourceLine: b.line,
        };
        questions.push(q);
        section!.questions.push(q);
        continue;
      }
    }
    const cur = q as LoiQuestion | null;
    if (cur && (num || SUB.test(t) || /^[\p{Ll}(\d]/u.test(t))) {
      cur.text += ` ${t}`;
      continue;
    }
    if (isHeading(t)) {
      open(t, null, part);
      continue;
    }
    counts.other++;
    if (cur) cur.text += ` ${t}`;
  }

  if (!questions.length) throw new LoiParseError(found('no_questions', counts), opts.file);

  const previous = previousObservations(questions.map((x) => x.text).join('\n'), h.symbol);
  for (const x of questions) {
    x.text = x.text.replace(/\s+/g, ' ').trim();
    x.subQuestions = subParagraphs(x.text).subs.map((s) => ({ label: s.letter, text: s.text }));
    x.coReferences = coReferences(x.text, previous);
    if (x.coReferences.some((r) => r.startsWith('previous ')))
      warnings.push(
        `Question ${x.number} refers to paragraphs of the previous concluding observations, whose symbol the document does not name.`,
      );
  }

  const result: LoiParseResult = {
    kind: h.kind ?? 'loi',
    sections,
    warnings,
  };
  if (h.symbol) result.symbol = h.symbol;
  if (h.committee) result.committee = h.committee;
  if (h.reportOrdinal !== undefined) result.reportOrdinal = h.reportOrdinal;
  if (h.adoptedAt) result.adoptedAt = h.adoptedAt;
  if (h.title) result.title = h.title;
  if (h.date) result.date = h.date;
  return result;
}

/**
 * The symbol of the previous concluding observations: of those the questions name, the latest one of
 * the same committee and State ("CCPR/C/NLD/CO/5" for CCPR/C/NLD/QPR/6).
 */
function previousObservations(text: string, symbol: string | undefined): string | null {
  const stem = symbol?.replace(/\/(?:QPR|Q)\/[\d-]+$/, '/CO/');
  const all = coSymbols(text).filter((s) => !stem || s.startsWith(stem));
  if (!all.length) return null;
  const no = (s: string) => Number(/\/CO\/(\d+)/.exec(s)?.[1] ?? 0);
  return all.reduce((a, b) => (no(b) > no(a) ? b : a));
}

/** A list of issues in a .pdf, .docx or .txt file (src/recommendations/parse/extract.ts). */
export async function parseListOfIssuesFile(bytes: Uint8Array, fileName: string): Promise<LoiParseResult> {
  const { text } = await extractFromBuffer(bytes, fileName);
  return parseListOfIssues(text, { file: fileName });
}
