import crypto from 'node:crypto';
import { FormatError } from './import-upr-info.ts';
import { sheetRows } from './workbook.ts';
import { Mechanism, Position, type ImportRecord, type RowError } from './schema.ts';

/**
 * The spreadsheet template a coordinator downloads, fills and uploads for recommendations from any
 * other source (a Council of Europe body, an advisory council, a motion...). One row per
 * recommendation; lists within a cell are separated by ";" or new lines.
 */
export const TEMPLATE_COLUMNS = [
  {
    key: 'reference',
    en: 'Reference (optional, your own unique key)',
    nl: 'Referentie (optioneel, eigen unieke sleutel)',
  },
  {
    key: 'mechanism',
    en: `Mechanism (${Mechanism.options.join(', ')})`,
    nl: `Mechanisme (${Mechanism.options.join(', ')})`,
  },
  { key: 'body', en: 'Body (e.g. GREVIO, AIV, CRM)', nl: 'Orgaan (bijv. GREVIO, AIV, CRM)' },
  { key: 'state', en: 'State under review', nl: 'Staat' },
  { key: 'symbol', en: 'Document symbol', nl: 'Documentkenmerk' },
  { key: 'paragraph', en: 'Paragraph', nl: 'Paragraaf' },
  { key: 'text', en: 'Text (required)', nl: 'Tekst (verplicht)' },
  { key: 'text_nl', en: 'Dutch text', nl: 'Nederlandse tekst' },
  { key: 'recommending_states', en: 'Recommending states', nl: 'Aanbevelende staten' },
  {
    key: 'position',
    en: `Position (${Position.options.join(', ')})`,
    nl: `Standpunt (${Position.options.join(', ')})`,
  },
  { key: 'follow_up', en: 'Follow-up priority (yes/no)', nl: 'Follow-up-prioriteit (ja/nee)' },
  { key: 'year', en: 'Year', nl: 'Jaar' },
  { key: 'themes', en: 'Themes', nl: "Thema's" },
  { key: 'groups', en: 'Affected persons', nl: 'Betrokken groepen' },
  { key: 'sdg_targets', en: 'SDG targets (e.g. 16.3)', nl: 'SDG-subdoelen (bijv. 16.3)' },
] as const;
type Key = (typeof TEMPLATE_COLUMNS)[number]['key'];

export async function templateXlsx(lang: 'nl' | 'en'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  const ws = wb.addWorksheet(lang === 'nl' ? 'Aanbevelingen' : 'Recommendations');
  ws.addRow(TEMPLATE_COLUMNS.map((c) => c[lang]));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((col, i) => (col.width = TEMPLATE_COLUMNS[i]!.key === 'text' ? 80 : 24));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow([
    'GREVIO-2025-1',
    'coe_body',
    'GREVIO',
    'Netherlands',
    '',
    '12',
    'Example: ensure sufficient shelter places for victims of violence.',
    'Voorbeeld: zorg voor voldoende opvangplaatsen.',
    '',
    'agrees',
    'no',
    2025,
    'Violence against women',
    'Women',
    '5.2',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateCsv(lang: 'nl' | 'en'): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return '\uFEFF' + TEMPLATE_COLUMNS.map((c) => q(c[lang])).join(',') + '\r\n';
}

const list = (v: string) =>
  v
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const YES = new Set(['yes', 'ja', 'y', 'j', 'true', '1', 'x']);
const NO = new Set(['no', 'nee', 'n', 'false', '0', '']);

/** Recognises a header cell in either language (the text before the parenthesis suffices). */
function keyOf(header: string): Key | undefined {
  const h = header.toLowerCase().replace(/\(.*$/, '').trim();
  return TEMPLATE_COLUMNS.find((c) =>
    [c.en, c.nl, c.key].some((x) => x.toLowerCase().replace(/\(.*$/, '').trim() === h),
  )?.key;
}

function toRecords(rows: { cells: string[]; row: number }[], fileName: string) {
  const header = rows[0]?.cells ?? [];
  const keys = header.map(keyOf);
  if (!keys.includes('text')) {
    throw new FormatError(
      `The first row must hold the template's column names (at least "Text"). Download the template and copy your rows into it. Found: ${header.join(', ') || '(nothing)'}.`,
    );
  }
  const records: ImportRecord[] = [];
  const errors: RowError[] = [];
  for (const { cells, row } of rows.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const v = {} as Record<Key, string>;
    keys.forEach((k, i) => k && (v[k] = (cells[i] ?? '').trim()));
    const problems: string[] = [];
    if (!v.text) problems.push('the text is empty');
    const mechanism = Mechanism.safeParse(v.mechanism || 'other');
    if (!mechanism.success)
      problems.push(`the mechanism "${v.mechanism}" is not one of ${Mechanism.options.join(', ')}`);
    const position = v.position ? Position.safeParse(v.position.toLowerCase()) : null;
    if (position && !position.success)
      problems.push(`the position "${v.position}" is not one of ${Position.options.join(', ')}`);
    const fu = (v.follow_up ?? '').toLowerCase();
    if (!YES.has(fu) && !NO.has(fu)) problems.push(`follow-up "${v.follow_up}" is not yes or no`);
    const year = v.year ? Number(v.year) : null;
    if (year !== null && !(Number.isInteger(year) && year >= 1945 && year <= 2100))
      problems.push(`the year "${v.year}" is not a year`);
    if (problems.length) {
      errors.push({ row, message: problems.join('; ') });
      continue;
    }
    const key =
      v.reference ||
      crypto
        .createHash('sha256')
        .update(`${fileName}|${v.symbol}|${v.paragraph}|${v.text}`)
        .digest('hex')
        .slice(0, 32);
    records.push({
      row,
      sourceKey: key,
      mechanism: mechanism.data!,
      bodyCode: v.body || null,
      stateUnderReview: v.state || 'Netherlands',
      symbol: v.symbol || null,
      paragraph: v.paragraph || null,
      text: v.text,
      textNl: v.text_nl || null,
      recommendingStates: list(v.recommending_states ?? ''),
      position: position?.data ?? null,
      followUp: YES.has(fu),
      year,
      terms: [
        ...list(v.themes ?? '').map((spelling) => ({ scheme: 'uhri_theme' as const, spelling })),
        ...list(v.groups ?? '').map((spelling) => ({ scheme: 'uhri_group' as const, spelling })),
        ...list(v.sdg_targets ?? '').map((spelling) => ({ scheme: 'sdg_target' as const, spelling })),
      ],
    });
  }
  return { records, errors, totalRows: rows.length - 1 };
}

export async function readSpreadsheet(bytes: Uint8Array, fileName: string) {
  return toRecords(await sheetRows(bytes, fileName, (h) => Boolean(keyOf(h))), fileName);
}
