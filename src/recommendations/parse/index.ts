import { parseAdvisory } from './advisory.ts';
import { parseTreatyBody } from './treaty-body.ts';
import type { DocumentKind, ParsedDocument } from './types.ts';
import { parseUpr } from './upr.ts';
import { isThematicList, parseThematicList } from './upr-thematic.ts';

export type { DocumentKind, ParsedDocument, ParsedRecommendation, RecommendationPosition } from './types.ts';

/** The kind of document, from its content (the first 20,000 characters). */
export function detectKind(text: string): DocumentKind | null {
  const head = text.slice(0, 20_000);
  const score = { upr: 0, treaty_body: 0, advisory: 0 };
  if (/Working Group on the Universal Periodic Review/i.test(head)) score.upr += 5;
  if (/\bA\/HRC\/(?:WG\.6\/)?\d+/.test(head)) score.upr += 2;
  if (
    /(?:enjoy|did not enjoy) the support of|recommendations formulated during the interactive dialogue/i.test(
      text,
    )
  )
    score.upr += 3;
  if (isThematicList(text)) score.upr += 6;
  if (/Concluding observations/i.test(head)) score.treaty_body += 5;
  if (/\bThe Committee (?:recommends|urges|is concerned)/.test(text)) score.treaty_body += 3;
  if (/\bState party\b/.test(head)) score.treaty_body += 1;
  if (/\bAanbeveling\s+\d/i.test(text)) score.advisory += 4;
  if (/\b(?:kabinet|kabinetsreactie|aanbevelingen)\b/i.test(head)) score.advisory += 3;
  const best = (Object.entries(score) as [DocumentKind, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] >= 3 ? best[0] : null;
}

export type KindOption = 'auto' | 'upr' | 'treaty-body' | 'advisory';

export class UnknownKindError extends Error {}

/** Parses a document's text into recommendation records; nothing is stored. */
export function parseDocument(text: string, kind: KindOption | DocumentKind = 'auto'): ParsedDocument {
  const k = kind === 'auto' ? detectKind(text) : kind === 'treaty-body' ? 'treaty_body' : kind;
  if (!k)
    throw new UnknownKindError(
      'Cannot tell what kind of document this is: choose the kind (upr, treaty-body or advisory).',
    );
  if (k === 'upr') return isThematicList(text) ? parseThematicList(text) : parseUpr(text);
  if (k === 'treaty_body') return parseTreatyBody(text);
  return parseAdvisory(text);
}
