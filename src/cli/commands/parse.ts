import { parseDocumentFile } from '../../recommendations/parse/cli.ts';

/** `rightsdesk parse FILE`: the recommendations a document import would store; stores nothing. */
export async function parse(
  file: string,
  opts: { format: 'json' | 'text'; kind: 'auto' | 'upr' | 'treaty-body' | 'advisory' },
): Promise<void> {
  console.log(await parseDocumentFile(file, opts));
}
