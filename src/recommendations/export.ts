import ExcelJS from 'exceljs';
import type { Queryable } from '../core/db.ts';
import { where, type SearchFilters } from './service.ts';

/** The columns an export may hold, with their headers in both languages. */
export const EXPORT_COLUMNS = {
  id: { en: 'Id', nl: 'Id', sql: 'r.id' },
  mechanism: { en: 'Mechanism', nl: 'Mechanisme', sql: 'r.mechanism' },
  bodyCode: { en: 'Body', nl: 'Orgaan', sql: 'r.body_code' },
  stateUnderReview: { en: 'State under review', nl: 'Staat', sql: 'r.state_under_review' },
  symbol: { en: 'Document symbol', nl: 'Documentkenmerk', sql: 'r.symbol' },
  paragraph: { en: 'Paragraph', nl: 'Paragraaf', sql: 'r.paragraph' },
  text: { en: 'Text', nl: 'Tekst', sql: 'r.text' },
  textNl: { en: 'Dutch text', nl: 'Nederlandse tekst', sql: 'r.text_nl' },
  recommendingStates: {
    en: 'Recommending states',
    nl: 'Aanbevelende staten',
    sql: "array_to_string(r.recommending_states, '; ')",
  },
  position: { en: 'Position', nl: 'Standpunt', sql: 'r.position' },
  followUp: { en: 'Follow-up priority', nl: 'Follow-up-prioriteit', sql: 'r.follow_up' },
  status: { en: 'Status', nl: 'Status', sql: 'r.status' },
  year: { en: 'Year', nl: 'Jaar', sql: 'r.year' },
  uprSession: { en: 'UPR session', nl: 'UPR-sessie', sql: 'r.upr_session' },
  themes: { en: 'Themes', nl: "Thema's", sql: terms('uhri_theme') },
  groups: { en: 'Affected persons', nl: 'Betrokken groepen', sql: terms('uhri_group') },
  sdgs: { en: 'SDG targets', nl: 'SDG-subdoelen', sql: terms('sdg_target') },
} as const;
export type ExportColumn = keyof typeof EXPORT_COLUMNS;
export const DEFAULT_COLUMNS: ExportColumn[] = [
  'symbol',
  'paragraph',
  'text',
  'recommendingStates',
  'position',
  'year',
  'themes',
];
/** An export holds at most this many rows; narrow the search for more. */
export const EXPORT_LIMIT = 100_000;

function terms(scheme: string) {
  return `(select string_agg(case when t.scheme = 'sdg_target' then t.code else coalesce(t.label_nl, t.label_en) end, '; ' order by t.code)
             from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
            where rt.recommendation_id = r.id and t.scheme = '${scheme}')`;
}

export async function exportRows(
  q: Queryable,
  f: Omit<SearchFilters, 'page' | 'pageSize'>,
  columns: ExportColumn[],
) {
  const { w } = where({ ...f, page: 1, pageSize: 1 });
  const select = columns.map((c) => `${EXPORT_COLUMNS[c].sql} as "${c}"`).join(', ');
  const r = await q.query<Record<string, unknown>>(
    `select ${select} from recommendations r ${w.sql()} order by r.year desc nulls last, r.symbol, r.paragraph, r.id limit ${EXPORT_LIMIT}`,
    w.params,
  );
  return r.rows;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV in UTF-8 with a byte-order mark, so that Excel shows accents correctly. */
export function toCsv(rows: Record<string, unknown>[], columns: ExportColumn[], lang: 'nl' | 'en'): string {
  const lines = [columns.map((c) => csvCell(EXPORT_COLUMNS[c][lang])).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx(
  rows: Record<string, unknown>[],
  columns: ExportColumn[],
  lang: 'nl' | 'en',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  const ws = wb.addWorksheet(lang === 'nl' ? 'Aanbevelingen' : 'Recommendations');
  ws.columns = columns.map((c) => ({
    header: EXPORT_COLUMNS[c][lang],
    key: c,
    width: c === 'text' || c === 'textNl' ? 80 : c === 'themes' || c === 'groups' ? 40 : 18,
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(row);
  if (columns.includes('text')) ws.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
