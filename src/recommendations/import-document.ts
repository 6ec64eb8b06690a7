import crypto from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { FormatError } from './import-upr-info.ts';
import { extractFromBuffer } from './parse/extract.ts';
import { uprSessionInText, uprSessionYear } from './upr-sessions.ts';
import { parseDocument, UnknownKindError, type ParsedDocument } from './parse/index.ts';
import type { ImportRecord, Mechanism } from './schema.ts';

const MECHANISM: Record<ParsedDocument['kind'], Mechanism> = {
  upr: 'upr',
  treaty_body: 'treaty_body',
  advisory: 'advisory_council',
};

/** Treaty-body symbols name their committee first: "CRC/C/NLD/CO/5-6" → CRC, "E/C.12/..." → CESCR. */
function bodyOf(doc: ParsedDocument): string | null {
  if (doc.kind === 'upr') return 'HRC-UPR';
  const s = doc.symbol ?? '';
  if (s.startsWith('E/C.12')) return 'CESCR';
  const first = /^([A-Z]+)\//.exec(s)?.[1];
  return first && first !== 'A' ? first : null;
}

/**
 * A UN or Dutch document (.txt, .docx, .pdf) parsed into recommendations. Its source key is the
 * document (its symbol, else the file's hash) and the paragraph, so importing the same document
 * again, or a corrected copy with the same symbol, updates instead of duplicating.
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  kind: 'auto' | 'upr' | 'treaty-body' | 'advisory' = 'auto',
  stateUnderReview = 'Netherlands',
) {
  let doc: ParsedDocument;
  let uprSession: number | null = null;
  try {
    const { text } = await extractFromBuffer(bytes, fileName);
    doc = parseDocument(text, kind);
    if (doc.kind === 'upr') uprSession = uprSessionInText(text);
  } catch (err) {
    if (err instanceof UnknownKindError || err instanceof AppError) throw new FormatError(err.message);
    throw err;
  }
  const docKey = doc.symbol ?? crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const year = doc.date ? Number(doc.date.slice(0, 4)) : uprSession ? uprSessionYear(uprSession) : null;
  const records: ImportRecord[] = [];
  for (const r of doc.recommendations) {
    // A paragraph that joins the recommendations of several states is one record per part, each
    // with its own text and states, all with the paragraph's reference.
    const parts =
      r.parts && r.parts.length > 1 ? r.parts : [{ text: r.text, recommendingStates: r.recommendingStates }];
    parts.forEach((part, i) => {
      const own = parts.length > 1;
      records.push({
        row: r.sourceLine,
        sourceKey: `${docKey}#${r.paragraph}${i > 0 ? `-${i + 1}` : ''}`,
        paragraph: r.paragraph,
        mechanism: MECHANISM[doc.kind],
        bodyCode: bodyOf(doc),
        stateUnderReview,
        symbol: doc.symbol ?? null,
        text: own ? withStates(part.text, part.recommendingStates) : r.text,
        recommendingStates: part.recommendingStates,
        position: r.position,
        positionExplanation: r.positionExplanation ?? null,
        followUp: r.followUp,
        year,
        uprSession,
        reportedDate: doc.date ?? (year ? String(year) : null),
        terms: [],
      });
    });
  }
  return { records, errors: [], totalRows: records.length, document: doc };
}

/** A part of a paragraph as the document words it: its text and, in parentheses, its states. */
function withStates(text: string, states: string[]): string {
  const t = text.trim().replace(/[.;,]+$/, '');
  const bare = t.replace(/^(?:and\s+)?to\s+(?=\p{Ll})/u, '');
  const sentence = bare.charAt(0).toUpperCase() + bare.slice(1);
  return states.length ? `${sentence} (${states.join(', ')})` : sentence;
}
