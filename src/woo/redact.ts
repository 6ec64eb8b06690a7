/**
 * Makes the public version of a text from its redaction list: every finding that is not kept and
 * every span added by hand is replaced by its ground in brackets ("[5.1.2e]"), so that the removed
 * text is gone from the result rather than covered. The rest of the text is left as it is.
 */
import { wooErrors } from './errors.ts';
import type { RedactionList, WooGround } from './schema.ts';

export type Cut = { start: number; end: number; grounds: Set<WooGround> };

/**
 * The public version of a text. A finding still 'proposed' is redacted like one decided 'redact',
 * so that an unfinished review never lets personal data through. Overlapping spans become one
 * marker that names each of their grounds ("[5.1.2e, 5.1.2i]").
 */
export function applyRedactions(text: string, list: RedactionList): string {
  let out = '';
  let at = 0;
  for (const c of redactionCuts(text, list)) {
    out += `${text.slice(at, c.start)}${marker(c)}`;
    at = c.end;
  }
  return out + text.slice(at);
}

/** The marker that takes the place of a redacted span: its grounds in brackets. */
export const marker = (c: Cut): string => `[${[...c.grounds].sort().join(', ')}]`;

/**
 * The spans of the text that the public version leaves out, in order and merged where they
 * overlap, after checking that every finding still matches the text.
 */
export function redactionCuts(text: string, list: RedactionList): Cut[] {
  const spans: { start: number; end: number; ground: WooGround }[] = [];
  for (const f of list.findings) {
    checkInText(text, f);
    if (text.slice(f.start, f.end) !== f.text) throw wooErrors.finding_mismatch({ id: f.id });
    if (f.decision !== 'keep') spans.push(f);
  }
  for (const a of list.added) {
    checkInText(text, a);
    spans.push(a);
  }
  const cuts: Cut[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    const last = cuts.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.grounds.add(s.ground);
    } else cuts.push({ start: s.start, end: s.end, grounds: new Set([s.ground]) });
  }
  return cuts;
}

function checkInText(text: string, s: { start: number; end: number }): void {
  if (s.start < 0 || s.end > text.length || s.end <= s.start) {
    throw wooErrors.span_outside_text({ start: s.start, end: s.end, length: text.length });
  }
}

/** Refuses publication until every finding is decided and the reviewer marked the review finished. */
export function assertReviewed(list: RedactionList): void {
  const proposed = list.findings.filter((f) => f.decision === 'proposed').length;
  if (proposed > 0 || !list.reviewed) throw wooErrors.review_unfinished({ proposed });
}
