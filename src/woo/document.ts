/**
 * The Woo redaction of a whole document of the workspace (src/letters/schema.ts): its texts as one
 * plain text that the finder reads and the reviewer marks (documentText), and the public version in
 * which each redacted span of that text is replaced by its ground in the field it came from
 * (redactDocument). The public version is a document like any other: the layout engine makes its
 * .docx and PDF, and the redacted words are not in them at all.
 */
import { MEMO_FIELD_LABELS } from '../letters/schema.ts';
import { marker, redactionCuts, type Cut } from './redact.ts';
import type { RedactionList } from './schema.ts';

/** Where a text of the document sits: the keys and indexes from the document to the string. */
export type FieldPath = (string | number)[];

/** A text of the document and where it lies in the plain text. */
export interface Segment {
  path: FieldPath;
  start: number;
  end: number;
}

export interface DocumentText {
  text: string;
  segments: Segment[];
}

/**
 * Keys whose values are no free text: the kind of a document or block, dates, the font, the logo's
 * bytes, a memo's purpose and the language. Everything else a document holds as a string is text a
 * person wrote or the data gave, and may hold personal data.
 */
const NOT_TEXT = new Set(['kind', 'type', 'date', 'font', 'logo', 'purpose', 'language']);

/** The label a memo's field is shown with, so that the finder sees "Opgesteld door: <name>". */
const labelOf = (path: FieldPath): string | undefined => {
  if (path[0] !== 'fields' || typeof path[1] !== 'string') return undefined;
  return (MEMO_FIELD_LABELS as Record<string, string>)[path[1]];
};

/**
 * The texts of a document in the order a reader meets them, one per line. A memo's fields carry
 * their label before them ("Aan: …"); the labels belong to no field and are never redacted.
 */
export function documentText(doc: object): DocumentText {
  let text = '';
  const segments: Segment[] = [];
  const walk = (value: unknown, path: FieldPath) => {
    if (typeof value === 'string') {
      const label = labelOf(path);
      if (label && (path.length === 2 || path[2] === 0)) text += `${label}: `;
      segments.push({ path, start: text.length, end: text.length + value.length });
      text += `${value}\n`;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
      for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) walk(v, [...path, k]);
    }
  };
  walk(doc, []);
  return { text, segments };
}

/** The text of one field with the cuts that fall within it replaced by their markers. */
function redactField(field: string, segment: Segment, cuts: Cut[]): string {
  let out = '';
  let at = 0;
  for (const c of cuts) {
    const start = Math.max(c.start, segment.start) - segment.start;
    const end = Math.min(c.end, segment.end) - segment.start;
    if (end <= start) continue;
    out += `${field.slice(at, start)}${marker(c)}`;
    at = end;
  }
  return out + field.slice(at);
}

/** A copy of the value with the string at `path` replaced. */
function replaceAt<T>(value: T, path: FieldPath, replacement: string): T {
  if (!path.length) return replacement as T;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy as T;
  }
  const obj = value as Record<string, unknown>;
  return { ...obj, [head as string]: replaceAt(obj[head as string], rest, replacement) } as T;
}

/**
 * The public version of a document: every span the redaction list leaves out (findings not kept,
 * spans added by hand) is replaced, in the field it lies in, by its ground in brackets. A span over
 * two fields is cut in each; the labels between fields are not the document's own text. Refused
 * when a finding no longer matches the document's text (it changed after the search).
 */
export function redactDocument<T extends object>(doc: T, list: RedactionList): T {
  const { text, segments } = documentText(doc);
  const cuts = redactionCuts(text, list);
  let out = doc;
  for (const s of segments) {
    const inside = cuts.filter((c) => c.start < s.end && c.end > s.start);
    if (!inside.length) continue;
    const field = text.slice(s.start, s.end);
    out = replaceAt(out, s.path, redactField(field, s, inside));
  }
  return out;
}
