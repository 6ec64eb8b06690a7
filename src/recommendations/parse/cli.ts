import path from 'node:path';
import { documentFileErrors } from '../errors.ts';
import { extractFile } from './extract.ts';
import { formatParsedText, summarize } from './format.ts';
import { parseDocument, UnknownKindError, type KindOption } from './index.ts';

/**
 * `rightsdesk parse FILE`: the parsed document as JSON or as a readable list, each with a summary
 * (found, with states, with a position, warnings) so that a user sees at once what may be missing.
 */
export async function parseDocumentFile(
  file: string,
  opts: { format: 'json' | 'text'; kind: KindOption },
): Promise<string> {
  const { text } = await extractFile(file);
  let doc;
  try {
    doc = parseDocument(text, opts.kind);
  } catch (e) {
    if (e instanceof UnknownKindError) throw documentFileErrors.unknown_kind({ file, reason: e.message });
    throw e;
  }
  return opts.format === 'json'
    ? JSON.stringify({ ...doc, summary: summarize(doc) }, null, 2)
    : formatParsedText(doc, path.basename(file));
}
