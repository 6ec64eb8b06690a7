import type { Queryable } from '../core/db.ts';
import { treatyOverview } from '../instruments/overview.ts';
import type { OverviewRow } from '../instruments/schema.ts';
import { phaseLabel, type Lang } from './labels.ts';

type Precision = 'day' | 'month' | 'year' | null;
interface Column {
  header: Record<Lang, string>;
  width: number;
  /** A date cell carries its precision; other cells are text. */
  value: (r: OverviewRow, lang: Lang) => string | { date: string; precision: Precision } | null;
}

const yesNo = (lang: Lang, b: boolean) => (lang === 'nl' ? (b ? 'ja' : 'nee') : b ? 'yes' : 'no');

/** The columns of the treaty overview of the annual letter to parliament. */
export const COLUMNS: Column[] = [
  { header: { nl: 'Code', en: 'Code' }, width: 12, value: (r) => r.code },
  {
    header: { nl: 'Verdrag', en: 'Instrument' },
    width: 60,
    value: (r, l) => (l === 'nl' ? r.nameNl : r.nameEn),
  },
  {
    header: { nl: 'Toezichtsorgaan', en: 'Monitoring body' },
    width: 16,
    value: (r) => r.monitoringBody?.code ?? null,
  },
  {
    header: { nl: 'Verantwoordelijk ministerie', en: 'Lead ministry' },
    width: 28,
    value: (r) => r.lead?.code ?? null,
  },
  {
    header: { nl: 'Laatste rapportage', en: 'Last state report' },
    width: 18,
    value: (r) =>
      r.lastReport?.date ? { date: r.lastReport.date, precision: r.lastReport.datePrecision } : null,
  },
  {
    header: { nl: 'Symbool laatste rapportage', en: 'Last report symbol' },
    width: 24,
    value: (r) => r.lastReport?.symbol ?? null,
  },
  {
    header: { nl: 'Huidige fase', en: 'Current phase' },
    width: 30,
    value: (r, l) => (r.currentPhase ? phaseLabel(l, r.currentPhase.kind) : null),
  },
  {
    header: { nl: 'Datum huidige fase', en: 'Current phase date' },
    width: 18,
    value: (r) =>
      r.currentPhase?.date ? { date: r.currentPhase.date, precision: r.currentPhase.datePrecision } : null,
  },
  {
    header: { nl: 'Volgende stap', en: 'Next step' },
    width: 32,
    value: (r, l) => (r.nextDue ? phaseLabel(l, r.nextDue.kind) : null),
  },
  {
    header: { nl: 'Volgende termijn', en: 'Next due date' },
    width: 18,
    value: (r) => (r.nextDue ? { date: r.nextDue.date, precision: r.nextDue.datePrecision } : null),
  },
  {
    header: { nl: 'Termijn verstreken', en: 'Overdue' },
    width: 12,
    value: (r, l) => (r.nextDue ? yesNo(l, r.nextDue.overdue) : null),
  },
  {
    header: { nl: 'Termijn afgeleid', en: 'Due date derived' },
    width: 14,
    value: (r, l) => (r.nextDue ? yesNo(l, r.nextDue.derived) : null),
  },
];

const EXCEL_FORMAT: Record<Lang, Record<'day' | 'month' | 'year', string>> = {
  nl: { day: 'dd-mm-yyyy', month: 'mm-yyyy', year: 'yyyy' },
  en: { day: 'yyyy-mm-dd', month: 'yyyy-mm', year: 'yyyy' },
};

/** The overview as an Excel workbook: bold header row, column widths, dates as real Excel dates. */
export async function overviewXlsx(q: Queryable, lang: Lang): Promise<Buffer> {
  const rows = await treatyOverview(q);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rightsdesk';
  wb.created = new Date();
  const ws = wb.addWorksheet(lang === 'nl' ? 'Verdragsrapportages' : 'Treaty reporting', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = COLUMNS.map((c) => ({ header: c.header[lang], width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for (const r of rows) {
    const row = ws.addRow(COLUMNS.map(() => null));
    COLUMNS.forEach((c, i) => {
      const v = c.value(r, lang);
      const cell = row.getCell(i + 1);
      if (v && typeof v === 'object') {
        cell.value = new Date(`${v.date}T00:00:00Z`);
        cell.numFmt = EXCEL_FORMAT[lang][v.precision ?? 'day'];
      } else {
        cell.value = v;
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The overview as CSV for Dutch Excel: UTF-8 with a byte order mark (so Excel reads the accents),
 * ";" as separator (the list separator of Dutch Windows; "," is the decimal comma there), CRLF line
 * ends, dates as YYYY-MM-DD (YYYY-MM or YYYY when only the month or year is known). Cells that
 * start with = + - @ get a leading apostrophe, so Excel never runs them as a formula.
 */
export async function overviewCsv(q: Queryable, lang: Lang): Promise<string> {
  const rows = await treatyOverview(q);
  const cell = (v: string | null) => {
    if (v === null) return '';
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [COLUMNS.map((c) => cell(c.header[lang])).join(';')];
  for (const r of rows) {
    lines.push(
      COLUMNS.map((c) => {
        const v = c.value(r, lang);
        if (v && typeof v === 'object')
          return v.precision === 'year'
            ? v.date.slice(0, 4)
            : v.precision === 'month'
              ? v.date.slice(0, 7)
              : v.date;
        return cell(v);
      }).join(';'),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
