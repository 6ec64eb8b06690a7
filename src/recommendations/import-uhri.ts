import { addDays } from '../core/dates.ts';
import { FormatError } from './import-upr-info.ts';
import { firstSheet } from './workbook.ts';
import { decodeText } from './csv.ts';
import type { ImportRecord, Mechanism, Position, RowError } from './schema.ts';

/**
 * The bulk export of OHCHR's Universal Human Rights Index, as JSON or .xlsx
 * (see docs: multi-value cells split by newlines with "- " prefixes, Excel serial dates, the
 * paragraph number at the start of the text, SDGs at target level, OHCHR's column-name typos).
 * Idempotent on the annotation id. Only annotations of type "Recommendations" are imported;
 * observations and concerns are counted as skipped, not as errors.
 */
interface UhriRow {
  annotationId: string;
  type: string;
  body: string;
  countries: string[];
  symbol: string;
  text: string;
  themes: string[];
  affectedPersons: string[];
  sdgs: string[];
  publicationDate: string | null;
  recommendingStates: string[];
  positions: string[];
  sessions: string[];
}

const TREATY_BODIES = new Set(['CCPR', 'CESCR', 'CERD', 'CEDAW', 'CAT', 'SPT', 'CRC', 'CRPD', 'CED', 'CMW']);

const POSITIONS: Record<string, Position> = {
  supported: 'supported',
  noted: 'noted',
  'supported/noted': 'supported_in_part',
  'partially supported': 'supported_in_part',
  'supported in part': 'supported_in_part',
  pending: 'pending',
};

/** "- Women & girls" → "Women & girls"; a cell "- A\n- B" → ["A", "B"]. */
export function splitCell(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  const list = Array.isArray(v) ? v.map(String) : String(v).split(/\r?\n/);
  return list.map((s) => s.replace(/^\s*-\s+/, '').trim()).filter(Boolean);
}
const single = (v: unknown) => splitCell(v)[0] ?? '';

/** Excel stores dates as days since 1899-12-30 (a fraction is the time of day). */
export function excelSerialToDate(serial: number): string {
  return addDays('1899-12-30', Math.floor(serial));
}

function dateOf(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return excelSerialToDate(v);
  const s = String(v).trim();
  if (/^\d+(\.\d+)?$/.test(s)) return excelSerialToDate(Number(s));
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

/** "118.4 Ratify ..." → ["118.4", "Ratify ..."]; "4.The Committee ..." → ["4", "The Committee ..."]. */
export function splitParagraph(text: string): { paragraph: string | null; text: string } {
  const m = /^\s*(\d{1,4}(?:\.\d{1,4})?)\.?\s*(?=\S)/.exec(text);
  if (!m || !/[A-Za-z(“"]/.test(text.slice(m[0].length, m[0].length + 1)))
    return { paragraph: null, text: text.trim() };
  return { paragraph: m[1]!, text: text.slice(m[0].length).trim() };
}

function toRecord(r: UhriRow, row: number): ImportRecord | RowError | null {
  if (!/recommendation/i.test(r.type)) return null;
  const problems: string[] = [];
  if (!r.annotationId) problems.push('the annotation id is empty');
  if (!r.text.trim()) problems.push('the text is empty');
  if (!r.countries.length) problems.push('no country concerned');
  if (problems.length) return { row, message: problems.join('; ') };
  const body = r.body.toUpperCase();
  const mechanism: Mechanism =
    body === 'UPR'
      ? 'upr'
      : TREATY_BODIES.has(body)
        ? 'treaty_body'
        : body === 'SP'
          ? 'special_procedure'
          : 'other';
  const { paragraph, text } = splitParagraph(r.text);
  const positions = r.positions.map((p) => POSITIONS[p.toLowerCase()]).filter(Boolean) as Position[];
  const session = Number(r.sessions[0]);
  const date = r.publicationDate;
  return {
    row,
    sourceKey: r.annotationId,
    paragraph,
    mechanism,
    bodyCode: mechanism === 'upr' ? 'HRC-UPR' : body || null,
    stateUnderReview: r.countries[0]!,
    symbol: r.symbol || null,
    text,
    recommendingStates: r.recommendingStates,
    position:
      positions.length > 1 && new Set(positions).size > 1 ? 'supported_in_part' : (positions[0] ?? null),
    uprSession: Number.isInteger(session) && session > 0 ? session : null,
    year: date ? Number(date.slice(0, 4)) : null,
    terms: [
      ...r.themes.map((spelling) => ({ scheme: 'uhri_theme' as const, spelling })),
      ...r.affectedPersons.map((spelling) => ({ scheme: 'uhri_group' as const, spelling })),
      ...r.sdgs.map((spelling) => ({ scheme: 'sdg_target' as const, spelling })),
    ],
  };
}

function collect(rows: { r: UhriRow; row: number }[]) {
  const records: ImportRecord[] = [];
  const errors: RowError[] = [];
  let skipped = 0;
  for (const { r, row } of rows) {
    const x = toRecord(r, row);
    if (x === null) skipped++;
    else if ('sourceKey' in x) records.push(x);
    else errors.push(x);
  }
  return { records, errors, totalRows: rows.length, notRecommendations: skipped };
}

export function readUhriJson(bytes: Uint8Array) {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes).text);
  } catch (err) {
    throw new FormatError(`This is not valid JSON (${(err as Error).message}). Is the file complete?`);
  }
  const list = Array.isArray(data) ? data : (data as { value?: unknown[] })?.value;
  if (!Array.isArray(list)) throw new FormatError('The JSON is not a list of UHRI annotations.');
  const rows = list.map((o, i) => {
    const x = (o ?? {}) as Record<string, unknown>;
    if (i === 0 && !('AnnotationId' in x) && !('Text' in x)) {
      throw new FormatError(
        'The JSON records lack the UHRI fields (AnnotationId, Text, Body, Countries, ...).',
      );
    }
    return {
      row: i + 1,
      r: {
        annotationId: String(x.AnnotationId ?? ''),
        type: single(x.AnnotationType),
        body: single(x.Body),
        countries: splitCell(x.Countries),
        symbol: String(x.Symbol ?? '').trim(),
        text: String(x.Text ?? ''),
        themes: splitCell(x.Themes),
        affectedPersons: splitCell(x.AffectedPersons),
        sdgs: splitCell(x.Sdgs),
        publicationDate: dateOf(x.PublicationDate),
        recommendingStates: splitCell(x.UprRecommendingCountry),
        positions: splitCell(x.UprPositions),
        sessions: splitCell(x.UprSession),
      },
    };
  });
  return collect(rows);
}

/** The .xlsx columns, by their header text (OHCHR's spelling, typos included). */
const XLSX_COLUMNS = {
  text: 'Text',
  countries: 'Countries Concerned',
  body: 'Reccomending Body',
  symbol: 'Document Symbol',
  themes: 'Themes',
  affectedPersons: 'Affected Persons',
  sdgs: 'Sdgs',
  publicationDate: 'Document Publication Date',
  recommendingStates: 'UPR Reccomending States',
  positions: 'UPR Position',
  type: 'Type',
  annotationId: 'OHCHR Annotation Id',
  sessions: 'UPR Session',
} as const;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/reccomend/g, 'recommend')
    .replace(/\s+/g, ' ')
    .trim();

export async function readUhriXlsx(bytes: Uint8Array, fileName = 'the file') {
  const ws = await firstSheet(bytes, fileName);
  const header = Array.from(ws.getRow(1).values as unknown[], (v) =>
    v === undefined || v === null ? '' : norm(String(v)),
  );
  const index = {} as Record<keyof typeof XLSX_COLUMNS, number>;
  const missing: string[] = [];
  for (const [key, name] of Object.entries(XLSX_COLUMNS) as [keyof typeof XLSX_COLUMNS, string][]) {
    const i = header.findIndex((h) => h === norm(name) || h.startsWith(norm(name)));
    if (i < 0) missing.push(name);
    index[key] = i;
  }
  if (missing.length) {
    throw new FormatError(
      `This is not a UHRI export: the columns ${missing.join(', ')} are missing from the first row.`,
    );
  }
  const rows: { r: UhriRow; row: number }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cell = (k: keyof typeof XLSX_COLUMNS) => {
      const v = row.getCell(index[k]).value as unknown;
      if (v && typeof v === 'object' && 'richText' in v)
        return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
      if (v && typeof v === 'object' && 'text' in v) return (v as { text: string }).text;
      return v;
    };
    rows.push({
      row: n,
      r: {
        annotationId: String(cell('annotationId') ?? '').trim(),
        type: single(cell('type')),
        body: single(cell('body')),
        countries: splitCell(cell('countries')),
        symbol: String(cell('symbol') ?? '').trim(),
        text: String(cell('text') ?? ''),
        themes: splitCell(cell('themes')),
        affectedPersons: splitCell(cell('affectedPersons')),
        sdgs: splitCell(cell('sdgs')),
        publicationDate: dateOf(cell('publicationDate')),
        recommendingStates: splitCell(cell('recommendingStates')),
        positions: splitCell(cell('positions')),
        sessions: splitCell(cell('sessions')),
      },
    });
  });
  return collect(rows);
}

/** JSON or .xlsx, told apart by the content. */
export async function readUhri(bytes: Uint8Array, fileName = 'the file') {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readUhriXlsx(bytes, fileName);
  const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (first.startsWith('[') || first.startsWith('{')) return readUhriJson(bytes);
  throw new FormatError('A UHRI export is a .json or .xlsx file; this is neither.');
}
