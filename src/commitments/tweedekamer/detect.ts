/**
 * One entry for a file of the Tweede Kamer's open data: OData JSON or SyncFeed XML, chosen by its
 * content (the name only names it in errors).
 */
import { tweedekamerErrors } from './errors.ts';
import { parseOData } from './parse-odata.ts';
import { parseSyncFeed } from './parse-syncfeed.ts';
import type { ParsedFile } from './types.ts';

export function parseTweedeKamer(bytes: Uint8Array | string, fileName: string): ParsedFile {
  let content: string;
  try {
    content = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw tweedekamerErrors.unknown_format({ fileName });
  }
  const start = content.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return parseOData(start, fileName);
  if (start.startsWith('<')) return parseSyncFeed(start, fileName);
  throw tweedekamerErrors.unknown_format({ fileName });
}
