import { cleanBlocks, type Block } from './clean.ts';
import { findTitle, readHeader } from './header.ts';
import { readStateGroup, resolveState } from './states.ts';
import type {
  ParsedDocument,
  ParsedRecommendation,
  RecommendationPart,
  RecommendationPosition,
} from './types.ts';

/**
 * UPR Working Group reports (A/HRC/...): the numbered recommendations of the section
 * "Conclusions and/or recommendations", in both layouts:
 *   cycle 1: "78. ... the following recommendations were made to X:" then "1.", "2.", ... → "78.1", "78.2"
 *   later:   "97.1 Ratify ... (France);" directly.
 * Their position comes from the paragraph that introduces the list ("... enjoy the support of X",
 * "did not enjoy the support", "will be examined ... responses in due time") or, when that is
 * neutral, from the paragraph right after the list ("These recommendations will be examined").
 *
 * One record per numbered recommendation, as the document numbers them and as OHCHR's Universal
 * Human Rights Index stores them; when the number joins several recommendations of different
 * states, `recommendingStates` holds all of them and `parts` each one with its own states.
 */

export function classifyUprPosition(text: string): RecommendationPosition | null {
  const t = text.toLowerCase();
  if (
    /did not enjoy|does not enjoy|do not enjoy|not (?:been )?supported|(?:were|are|be|been) noted|takes? note|rejected/.test(
      t,
    )
  )
    return 'noted';
  if (/supported in part|partially supported|partly supported|partial support|supports? in part/.test(t))
    return 'supported_in_part';
  if (/did not agree|does not agree|not agreed/.test(t)) return 'noted';
  if (
    /will be examined|will (?:provide|give) (?:a |its )?responses?|in due time|will be considered|will consider|under consideration|will respond|will be included in the outcome|response of .{1,80} will be included/.test(
      t,
    )
  )
    return 'pending';
  if (
    /enjoys? (?:its |the )?support|(?:are|is|were) supported|has accepted|accepts|(?:were|are) accepted|supports the following|agreed? (?:on|to|with) the following/.test(
      t,
    )
  )
    return 'supported';
  return null;
}

interface StateGroup {
  start: number;
  end: number;
  states: string[];
  unresolved: string[];
  corrected: [string, string][];
}

/** The parentheses whose content is one or more states, in order (linear scan). */
export function stateGroups(text: string): StateGroup[] {
  const groups: StateGroup[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0 && open >= 0) {
        const content = text.slice(open + 1, i);
        const read = content.length <= 400 ? readStateGroup(content) : null;
        if (read) groups.push({ start: open, end: i + 1, ...read });
        open = -1;
      }
    }
  }
  return groups;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/** Trims the characters of `chars` from both ends (linear, unlike a regex on a long run). */
function trimChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}
const PUNCT_SPACE = ' \n\t;,.';

export interface StatesOfText {
  /** every state, in document order, each once */
  states: string[];
  /** each recommendation with its own states (one when the text holds one recommendation) */
  parts: RecommendationPart[];
  /** the text without its state attributions */
  bareText: string;
  /** names in a group of states that are no state */
  unresolved: string[];
  /** names read by their nearest state: [as written, UN short name] */
  corrected: [string, string][];
}

const bare = (s: string) =>
  trimChars(trimChars(s, PUNCT_SPACE).replace(/^(?:and also|and|as well as)\s+/i, ''), ' \n\t;,').replace(
    /\s{2,}/g,
    ' ',
  );

/** States, parts and bare text of one recommendation text. */
export function splitByStates(text: string): StatesOfText {
  const groups = stateGroups(text);
  const parts: RecommendationPart[] = [];
  let from = 0;
  for (let g = 0; g < groups.length; g++) {
    const grp = groups[g]!;
    const between = text.slice(from, grp.start);
    if (parts.length && /^\s*$/.test(between)) {
      // "(France) (Lithuania)": more states for the same recommendation
      const last = parts[parts.length - 1]!;
      last.recommendingStates = uniq([...last.recommendingStates, ...grp.states]);
    } else {
      const partText = bare(between);
      parts.push({ text: partText, bareText: partText, recommendingStates: [...grp.states] });
    }
    from = grp.end;
  }
  const rest = trimChars(text.slice(from), PUNCT_SPACE);
  if (rest && parts.length) {
    const last = parts[parts.length - 1]!;
    last.text = bare(`${last.text} ${rest}`);
    last.bareText = last.text;
  }
  return {
    states: uniq(groups.flatMap((g) => g.states)),
    parts,
    bareText: parts.length ? parts.map((p) => p.bareText).join('; ') : bare(text),
    unresolved: groups.flatMap((g) => g.unresolved),
    corrected: groups.flatMap((g) => g.corrected),
  };
}

const SECTION =
  /^(?:[IVX]{1,5}\.\s+)?(?:Conclusions and(?:\/or)? recommendations|Recommendations and conclusions)\s*\**$/i;
const MAIN = /^(\d{1,3})\.\s+(.*)$/s;
const DOTTED = /^(\d{1,3})\.(\d{1,3})\.?\s+(.*)$/s;
const isHeadingBlock = (b: Block) => /^(?:[A-H]|[IVX]{1,5})\.\s+\p{Lu}/u.test(b.text) && !MAIN.test(b.text);

function tidy(text: string): string {
  return text
    .replace(/\s*;\s*(?:and|or)?\s*$/i, '')
    .replace(/\s*,\s*$/, '')
    .trim();
}

interface List {
  main: number;
  position: RecommendationPosition | null;
  next: number;
  recs: ParsedRecommendation[];
}

/**
 * The recommendations of a UPR report. The list is found by its structure, whatever the wording
 * of its opening sentence: in the section "Conclusions and/or recommendations", a paragraph N
 * followed by sub-paragraphs "N.1", "N.2" (later cycles) or "1.", "2." (cycle 1).
 */
export function parseUpr(text: string): ParsedDocument {
  const header = readHeader(text);
  const warnings: string[] = [];
  const blocks = cleanBlocks(text, { symbol: header.symbol });
  const title = findTitle(header.lines, /^Report of the Working Group on the Universal Periodic Review/i);
  const titleIdx = header.lines.findIndex((l) => /^Report of the Working Group/i.test(l));
  const stateLine =
    (titleIdx >= 0 ? header.lines[titleIdx + 1] : undefined)?.replace(/\s*[*\u2217]+$/, '') ?? '';
  const stateUnderReview = stateLine ? resolveState(stateLine) : null;

  let start = 0;
  for (let i = 0; i < blocks.length; i++) if (SECTION.test(blocks[i]!.text)) start = i + 1;
  if (start === 0)
    warnings.push('No "Conclusions and/or recommendations" section found: the whole document was read.');

  const recs: ParsedRecommendation[] = [];
  let heading: string | undefined;
  let mainNo = 0;
  let list: List | null = null;
  const intros = new Map<number, RecommendationPosition | null>();

  /** States, parts and bare text of `rec` from its text, with a warning per name that is no state. */
  const names = new Map<ParsedRecommendation, Pick<StatesOfText, 'unresolved' | 'corrected'>>();
  const attribute = (rec: ParsedRecommendation) => {
    const { states, parts, bareText, unresolved, corrected } = splitByStates(rec.text);
    rec.recommendingStates = states;
    rec.bareText = bareText;
    if (parts.length > 1) rec.parts = parts;
    else delete rec.parts;
    names.set(rec, { unresolved, corrected });
  };
  const add = (paragraph: string, body: string, line: number, position: RecommendationPosition | null) => {
    const rec: ParsedRecommendation = {
      paragraph,
      text: tidy(body),
      bareText: '',
      recommendingStates: [],
      position,
      followUp: false,
      sourceLine: line,
    };
    if (heading) rec.heading = heading;
    attribute(rec);
    recs.push(rec);
    return rec;
  };

  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (isHeadingBlock(b)) {
      heading = b.text;
      list = null;
      continue;
    }
    const dotted = DOTTED.exec(b.text);
    if (dotted) {
      const main = Number(dotted[1]);
      const position = intros.get(main) ?? null;
      add(`${main}.${Number(dotted[2])}`, dotted[3]!, b.line, position);
      continue;
    }
    const m = MAIN.exec(b.text);
    if (m) {
      const n = Number(m[1]);
      const body = m[2]!;
      const prev = list?.recs[list.recs.length - 1];
      const prevOpen = !prev || !/\.\s*$/.test(prev.text) || /;\s*$/.test(prev.text);
      // "1." right after paragraph N (N > 1): the first item of N's list, whatever N says.
      if (!list && n === 1 && mainNo > 1 && intros.has(mainNo))
        list = { main: mainNo, position: intros.get(mainNo) ?? null, next: 1, recs: [] };
      const isItem = list !== null && n === list.next && (n !== mainNo + 1 || prevOpen);
      if (isItem && list) {
        list.recs.push(add(`${list.main}.${n}`, body, b.line, list.position));
        list.next++;
        continue;
      }
      // A main paragraph.
      if (list && list.position === null) {
        const p = classifyUprPosition(body);
        if (p) for (const r of list.recs) r.position = p;
      }
      // "These recommendations will be examined ..." after a list of numbers "N.M".
      const last = recs[recs.length - 1];
      if (
        !list &&
        last &&
        last.position === null &&
        /^(?:these|the above|all the above) recommendations/i.test(body)
      ) {
        const p = classifyUprPosition(body);
        const lastMain = last.paragraph.split('.')[0];
        if (p)
          for (const r of recs)
            if (r.position === null && r.paragraph.split('.')[0] === lastMain) r.position = p;
      }
      list = null;
      mainNo = n;
      intros.set(n, classifyUprPosition(body));
      continue;
    }
    // Text between items: a continuation of the previous recommendation cut by a page break.
    const prev = recs[recs.length - 1];
    if (prev && /^[\p{Ll}(]/u.test(b.text) && !/[.;]$/.test(prev.text)) {
      prev.text = tidy(`${prev.text} ${b.text}`);
      attribute(prev);
    }
  }
  for (const r of recs) {
    const at = `${r.paragraph} (line ${r.sourceLine})`;
    const n = names.get(r)!;
    for (const u of n.unresolved)
      warnings.push(`${at}: "${u}" is not a state; left out of the recommending states.`);
    for (const [from, to] of n.corrected) warnings.push(`${at}: "${from}" read as ${to}.`);
    if (!r.recommendingStates.length)
      warnings.push(`${r.paragraph} (line ${r.sourceLine}): no recommending state found.`);
  }
  const missing = recs.filter((r) => r.position === null).length;
  if (missing)
    warnings.push(
      `${missing} recommendation(s) without a position: the report does not say whether they were supported or noted.`,
    );
  if (!recs.length) warnings.push('No numbered UPR recommendations found.');

  const doc: ParsedDocument = { kind: 'upr', recommendations: recs, warnings };
  if (header.symbol) doc.symbol = header.symbol;
  const cleanTitle = title?.replace(/\s*[*\u2217]+$/, '');
  if (cleanTitle) doc.title = stateUnderReview ? `${cleanTitle}: ${stateLine}` : cleanTitle;
  if (header.date) doc.date = header.date;
  return doc;
}
