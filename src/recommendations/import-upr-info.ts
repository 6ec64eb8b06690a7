import { CsvError, decodeText, parseCsv } from './csv.ts';
import { uprSessionYear } from './upr-sessions.ts';
import type { ImportRecord, RowError } from './schema.ts';

/** The columns of the UPR Info database extract, in this order. */
export const UPR_INFO_COLUMNS = [
  'id',
  'state_under_review',
  'sur_regional_group',
  'sur_organisations',
  'text',
  'recommending_state',
  'rs_regional_group',
  'rs_organisations',
  'response',
  'action_category',
  'issues',
  'session',
] as const;

export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

const RESPONSES: Record<string, ImportRecord['position']> = {
  accepted: 'supported',
  supported: 'supported',
  noted: 'noted',
  rejected: 'noted',
  'partially accepted': 'supported_in_part',
  pending: 'pending',
  '': null,
};

/**
 * Reads a UPR Info CSV: one recommendation per row and recommending state. Rows that cannot be
 * imported are reported with their line and reason; a file that is not such a CSV is refused whole.
 */
export function readUprInfo(bytes: Uint8Array): {
  records: ImportRecord[];
  errors: RowError[];
  totalRows: number;
  encoding: string;
} {
  if (bytes.length === 0) throw new FormatError('The file is empty.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    throw new FormatError(
      'This is a zip or Excel file, not a CSV. Export the sheet as CSV, or import it as "spreadsheet".',
    );
  }
  if (bytes.subarray(0, 1024).includes(0))
    throw new FormatError('This is a binary file, not a CSV text file.');
  const { text, encoding } = decodeText(bytes);
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    throw new FormatError((err as CsvError).message);
  }
  const header = rows[0]?.fields.map((h) => h.trim().toLowerCase());
  if (!header || UPR_INFO_COLUMNS.some((c, i) => header[i] !== c)) {
    const missing = UPR_INFO_COLUMNS.filter((c) => !header?.includes(c));
    throw new FormatError(
      `The header is not that of a UPR Info export. Expected the columns ${UPR_INFO_COLUMNS.join(', ')}` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '; the order differs') +
        `. Found: ${header?.join(', ') ?? '(nothing)'}.`,
    );
  }
  const records: ImportRecord[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of rows.slice(1)) {
    const v = Object.fromEntries(UPR_INFO_COLUMNS.map((c, i) => [c, (fields[i] ?? '').trim()])) as Record<
      (typeof UPR_INFO_COLUMNS)[number],
      string
    >;
    const problems: string[] = [];
    if (fields.length !== UPR_INFO_COLUMNS.length) {
      problems.push(`has ${fields.length} fields instead of ${UPR_INFO_COLUMNS.length}`);
    }
    if (!v.id) problems.push('the id is empty');
    else if (seen.has(v.id)) problems.push(`the id ${v.id} occurs twice`);
    if (!v.text) problems.push('the recommendation text is empty');
    if (!v.state_under_review) problems.push('the state under review is empty');
    const session = Number(v.session);
    if (!Number.isInteger(session) || session < 1)
      problems.push(`the session "${v.session}" is not a number`);
    const position = RESPONSES[v.response.toLowerCase()];
    if (position === undefined) problems.push(`the response "${v.response}" is not Accepted or Noted`);
    const category = v.action_category === '' ? null : Number(v.action_category);
    if (category !== null && !(Number.isInteger(category) && category >= 1 && category <= 5)) {
      problems.push(`the action category "${v.action_category}" is not 1 to 5`);
    }
    if (problems.length) {
      errors.push({ row: line, message: problems.join('; ') });
      continue;
    }
    seen.add(v.id);
    records.push({
      row: line,
      sourceKey: v.id,
      mechanism: 'upr',
      bodyCode: 'HRC-UPR',
      stateUnderReview: v.state_under_review,
      text: v.text,
      recommendingStates: v.recommending_state ? [v.recommending_state] : [],
      position: position ?? null,
      uprSession: session,
      year: uprSessionYear(session),
      reportedDate: uprSessionYear(session)?.toString() ?? null,
      actionCategory: category,
      terms: v.issues
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((spelling) => ({ scheme: 'uhri_theme' as const, spelling })),
    });
  }
  return { records, errors, totalRows: rows.length - 1, encoding };
}
