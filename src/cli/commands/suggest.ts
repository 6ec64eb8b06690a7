import fs from 'node:fs';
import { parseCsv } from '../../recommendations/csv.ts';
import { decodeText } from '../../recommendations/parse/extract.ts';
import { loadModel, type Suggestion } from '../../suggestions/model.ts';
import { suggestErrors } from '../../suggestions/model/errors.ts';

export interface SuggestInput {
  id: string;
  text: string;
}

/** The records of a CSV with columns id and text (UPR Info's layout; other columns ignored). */
export function readCsvRecords(text: string, file: string): SuggestInput[] {
  const rows = parseCsv(text);
  const head = (rows[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const id = head.indexOf('id');
  const col = head.indexOf('text');
  if (id < 0 || col < 0) throw suggestErrors.csv_columns({ file, missing: id < 0 ? 'id' : 'text' });
  return rows.slice(1).map((r) => ({ id: r.fields[id] ?? '', text: r.fields[col] ?? '' }));
}

/** The recommendations of `rightsdesk parse FILE --format json`: the paragraph as id, the text without states. */
export function readParseOutput(text: string, file: string): SuggestInput[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw suggestErrors.bad_json({ file, reason: (e as Error).message });
  }
  const recs = (doc as { recommendations?: unknown } | null)?.recommendations;
  if (!Array.isArray(recs)) throw suggestErrors.json_shape({ file });
  return recs.map((r: unknown) => {
    const rec = r as { paragraph?: unknown; text?: unknown; bareText?: unknown };
    if (typeof rec?.paragraph !== 'string' || typeof rec.text !== 'string')
      throw suggestErrors.json_shape({ file });
    return { id: rec.paragraph, text: typeof rec.bareText === 'string' ? rec.bareText : rec.text };
  });
}

export function readSuggestInput(file: string): SuggestInput[] {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw suggestErrors.unreadable_file({ file });
  }
  const { text } = decodeText(new Uint8Array(buf));
  const json = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  return json ? readParseOutput(text, file) : readCsvRecords(text, file);
}

/** `rightsdesk suggest FILE`: the suggested tags of each record of a CSV or of `parse` output. */
export function suggest(file: string, opts: { format: 'json' | 'text' }): void {
  const records = readSuggestInput(file);
  const model = loadModel();
  const all = model.suggestMany(records.map((r) => r.text));
  if (opts.format === 'json') {
    const out = records.map((r, i) => ({ id: r.id, suggestions: all[i]! }));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  const line = (s: Suggestion) => `  ${s.score.toFixed(3)}  ${s.vocabulary}: ${s.label}`;
  const lines = [`Model ${model.version}`];
  records.forEach((r, i) => lines.push('', `${r.id}  ${r.text}`, ...all[i]!.map(line)));
  console.log(lines.join('\n'));
}
