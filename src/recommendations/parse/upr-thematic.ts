import { resolveState } from './states.ts';
import type { ParsedDocument, ParsedRecommendation, RecommendationPosition } from './types.ts';
import { splitByStates } from './upr.ts';

/**
 * OHCHR's "thematic list of recommendations" of a UPR review (.docx, or its text): a table with the
 * columns Recommendation | Position | Full list of themes | Assessment, a row per theme ("Theme:
 * A12 Acceptance of international norms") and per recommendation its number and text, the source
 * of its position ("Source of position: A/HRC/28/15/Add.1 - Para. 3"), the position itself
 * (Supported, Noted) and its themes. Read as text, cell after cell, as extract.ts gives it.
 */

const SOURCE = /^Source of position\s*:\s*(.*)$/i;
const REC = /^(\d{1,3})\.(\d{1,3})\.?(?:\s+(.+))?$/;
/** An SDG target in the themes column ("16.3 - Promote the rule of law"), not a recommendation. */
const SDG_TARGET = /^\d{1,2}\.[\da-c]{1,2}\s*[-\u2013]\s/;
const THEME = /^Theme\s*:\s*(.+)$/i;

const POSITIONS: [RegExp, RecommendationPosition][] = [
  [/^(?:supported\s*\/\s*noted|partially supported|supported in part)$/i, 'supported_in_part'],
  [/^(?:supported|accepted)$/i, 'supported'],
  [/^(?:noted|not supported|rejected)$/i, 'noted'],
  [/^pending$/i, 'pending'],
];

const positionOf = (line: string): RecommendationPosition | null =>
  POSITIONS.find(([re]) => re.test(line))?.[1] ?? null;

/** Whether the text is a thematic list: at least two "Source of position" lines, each after a numbered recommendation. */
export function isThematicList(text: string): boolean {
  const head = text.slice(0, 50_000);
  const sources = head.match(/^\s*Source of position\s*:/gim)?.length ?? 0;
  return sources >= 2 || (sources >= 1 && /Full list of themes|Thematic list of recommendations/i.test(head));
}

/** "A/HRC/28/15/Add.1 - Para. 3" → "A/HRC/28/15" */
const reportOf = (source: string) => /A\/HRC\/\d+\/\d+/.exec(source)?.[0] ?? null;

export function parseThematicList(text: string): ParsedDocument {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l, i) => ({
      text: l
        .replace(/[\u00a0\t]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
      line: i + 1,
    }))
    .filter((l) => l.text);
  const warnings: string[] = [];
  const recs: ParsedRecommendation[] = [];
  const seen = new Set<string>();
  const reports = new Map<string, number>();
  let heading: string | undefined;
  /** The recommendation being read and what of its row has been seen. */
  let cur: { rec: ParsedRecommendation; sourceSeen: boolean; positionSeen: boolean } | null = null;

  const finish = () => {
    if (!cur) return;
    const { rec } = cur;
    const names = splitByStates(rec.text);
    rec.recommendingStates = names.states;
    rec.bareText = names.bareText;
    if (names.parts.length > 1) rec.parts = names.parts;
    const at = `${rec.paragraph} (line ${rec.sourceLine})`;
    for (const n of names.unresolved)
      warnings.push(`${at}: "${n}" is not a state; left out of the recommending states.`);
    for (const [from, to] of names.corrected) warnings.push(`${at}: "${from}" read as ${to}.`);
    if (!rec.recommendingStates.length) warnings.push(`${at}: no recommending state found.`);
    if (!cur.positionSeen) warnings.push(`${at}: the row gives no position.`);
    if (seen.has(rec.paragraph)) warnings.push(`${at}: listed again; the first row is kept.`);
    else {
      seen.add(rec.paragraph);
      recs.push(rec);
    }
    cur = null;
  };

  for (const l of lines) {
    const theme = THEME.exec(l.text);
    if (theme) {
      finish();
      heading = theme[1]!.trim();
      continue;
    }
    const m = REC.exec(l.text);
    if (m && (!cur || cur.sourceSeen) && !SDG_TARGET.test(l.text)) {
      finish();
      const rec: ParsedRecommendation = {
        paragraph: `${Number(m[1])}.${Number(m[2])}`,
        text: (m[3] ?? '').replace(/\s*;\s*$/, '').trim(),
        recommendingStates: [],
        position: null,
        followUp: false,
        sourceLine: l.line,
      };
      if (heading) rec.heading = heading;
      cur = { rec, sourceSeen: false, positionSeen: false };
      continue;
    }
    if (!cur) continue;
    const source = SOURCE.exec(l.text);
    if (source) {
      cur.sourceSeen = true;
      const report = reportOf(source[1]!);
      if (report) reports.set(report, (reports.get(report) ?? 0) + 1);
      continue;
    }
    if (!cur.sourceSeen) {
      cur.rec.text = `${cur.rec.text} ${l.text}`.replace(/\s*;\s*$/, '').trim();
      continue;
    }
    if (!cur.positionSeen) {
      const p = positionOf(l.text);
      if (p) {
        cur.rec.position = p;
        cur.positionSeen = true;
      }
    }
  }
  finish();
  if (!recs.length) warnings.push('No numbered UPR recommendations found in the thematic list.');

  const doc: ParsedDocument = { kind: 'upr', recommendations: recs, warnings };
  const symbol = [...reports.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (symbol) doc.symbol = symbol;
  const state = /UPR of ([^(\n]+?)\s*\(/.exec(text.slice(0, 2000))?.[1];
  const resolved = state ? resolveState(state, { fuzzy: false }) : null;
  doc.title = `Thematic list of UPR recommendations${resolved ? `: ${resolved.name}` : ''}`;
  return doc;
}
