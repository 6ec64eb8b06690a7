/**
 * The redaction list as the review page shows it: the text cut into pieces marked by what covers
 * them, and the public text of the preview (every finding not kept and every added span replaced by
 * its ground in brackets, as the server's src/woo/redact.ts does when it publishes). Offsets are
 * UTF-16 offsets into the text, as JavaScript counts them.
 */
import type { FindingDecision, WooGround } from '../../src/woo/schema.ts';

export interface Span {
  start: number;
  end: number;
  ground: WooGround | '5.1.2e';
  /** A finding's decision; undefined for a span added by hand. */
  decision?: FindingDecision;
}

export type Mark = 'redact' | 'keep' | 'proposed' | 'added';
export interface Piece {
  start: number;
  end: number;
  mark: Mark | null;
}

const redacted = (s: Span) => s.decision === undefined || s.decision !== 'keep';

/** The text in pieces: each either unmarked or marked by the strongest span that covers it. */
export function pieces(length: number, spans: readonly Span[]): Piece[] {
  const cuts = new Set<number>([0, length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const over = spans.filter((s) => s.start <= start && s.end >= end);
    let mark: Mark | null = null;
    if (over.some((s) => s.decision === undefined)) mark = 'added';
    else if (over.some((s) => s.decision === 'redact')) mark = 'redact';
    else if (over.some((s) => s.decision === 'proposed')) mark = 'proposed';
    else if (over.length > 0) mark = 'keep';
    const last = out.at(-1);
    if (last && last.mark === mark) last.end = end;
    else out.push({ start, end, mark });
  }
  return out;
}

/** The public text with the current decisions: a finding still proposed is redacted. */
export function previewText(text: string, spans: readonly Span[]): string {
  const cuts: { start: number; end: number; grounds: Set<string> }[] = [];
  for (const s of [...spans].filter(redacted).sort((a, b) => a.start - b.start)) {
    const last = cuts.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.grounds.add(s.ground);
    } else cuts.push({ start: s.start, end: s.end, grounds: new Set([s.ground]) });
  }
  let out = '';
  let at = 0;
  for (const c of cuts) {
    out += `${text.slice(at, c.start)}[${[...c.grounds].sort().join(', ')}]`;
    at = c.end;
  }
  return out + text.slice(at);
}

/** Every place the exact text occurs, not overlapping. */
export function occurrences(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length))
    out.push({ start: i, end: i + needle.length });
  return out;
}
