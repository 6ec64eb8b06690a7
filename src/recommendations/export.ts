import ExcelJS from 'exceljs';
import type { Queryable } from '../core/db.ts';
import { where } from './service.ts';
import { EXPORT_COLUMN_LABELS, type ExportColumn, type ExportFilters } from './schema.ts';

/** One exported row: the chosen columns and their values. */
export type ExportRow = Partial<Record<ExportColumn, string | number | boolean | null>>;

const COLUMN_SQL: Record<ExportColumn, string> = {
  id: 'r.id',
  mechanism: 'r.mechanism',
  bodyCode: 'r.body_code',
  stateUnderReview: 'r.state_under_review',
  symbol: 'r.symbol',
  paragraph: 'r.paragraph',
  text: 'r.text',
  textNl: 'r.text_nl',
  recommendingStates: "array_to_string(r.recommending_states, '; ')",
  position: 'r.position',
  followUp: 'r.follow_up',
  status: 'r.status',
  year: 'r.year',
  uprSession: 'r.upr_session',
  themes: terms('uhri_theme'),
  groups: terms('uhri_group'),
  sdgs: terms('sdg_target'),
};
/** An export holds at most this many rows; narrow the search for more. */
export const EXPORT_LIMIT = 100_000;

function terms(scheme: string) {
  return `(select string_agg(case when t.scheme = 'sdg_target' then t.code else coalesce(t.label_nl, t.label_en) end, '; ' order by t.code)
             from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
            where rt.recommendation_id = r.id and t.scheme = '${scheme}')`;
}

export async function exportRows(
  q: Queryable,
  f: ExportFilters,
  columns: ExportColumn[],
): Promise<ExportRow[]> {
  const { w } = where(f);
  const select = columns.map((c) => `${COLUMN_SQL[c]} as "${c}"`).join(', ');
  const r = await q.query<ExportRow>(
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
export function toCsv(rows: ExportRow[], columns: ExportColumn[], lang: 'nl' | 'en'): string {
  const lines = [columns.map((c) => csvCell(EXPORT_COLUMN_LABELS[c][lang])).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function toXlsx(rows: ExportRow[], columns: ExportColumn[], lang: 'nl' | 'en'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  const ws = wb.addWorksheet(lang === 'nl' ? 'Aanbevelingen' : 'Recommendations');
  ws.columns = columns.map((c) => ({
    header: EXPORT_COLUMN_LABELS[c][lang],
    key: c,
    width: c === 'text' || c === 'textNl' ? 80 : c === 'themes' || c === 'groups' ? 40 : 18,
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(row);
  if (columns.includes('text')) ws.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
