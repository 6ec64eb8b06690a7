import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
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
export const EXPORT_LIMIT = 250_000;
/** Rows read per query while an export is written. */
export const EXPORT_BATCH = 1_000;

function terms(scheme: string) {
  return `(select string_agg(case when t.scheme = 'sdg_target' then t.code else coalesce(t.label_nl, t.label_en) end, '; ' order by t.code)
             from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
            where rt.recommendation_id = r.id and t.scheme = '${scheme}')`;
}

/**
 * The export order (newest year first, then symbol, paragraph and id; an unknown year, symbol or
 * paragraph after the known ones) as a key of values that are never null, so that each batch can
 * start right after the last row of the one before with one row comparison. A year lies between
 * 1945 and 2100: -year orders the years newest first, and 0 puts the unknown ones after them.
 * Migration 0010 indexes these expressions.
 */
const ORDER_KEY: readonly { sql: string; type: string }[] = [
  { sql: 'coalesce(-r.year, 0)', type: 'int' },
  { sql: 'r.symbol is null', type: 'boolean' },
  { sql: "coalesce(r.symbol, '')", type: 'text' },
  { sql: 'r.paragraph is null', type: 'boolean' },
  { sql: "coalesce(r.paragraph, '')", type: 'text' },
  { sql: 'r.id', type: 'uuid' },
];
const ORDER_BY = ORDER_KEY.map((k) => k.sql).join(', ');
/** The key of each row travels along in this field (taken off before the rows are handed out). */
const KEY = '_key';

/**
 * The rows of an export, read in batches while they are written (keyset pagination over the export
 * order): only one batch is held at a time, and other queries run between the batches. The first
 * batch is read here, before the answer starts, so that a refused search is an error answer and
 * not a broken file. `publishedOnly` (visitors who are not signed in): only published recommendations.
 */
export async function exportRows(
  q: Queryable,
  f: ExportFilters,
  columns: ExportColumn[],
  opts: { limit?: number; batch?: number; publishedOnly?: boolean } = {},
): Promise<AsyncIterable<ExportRow[]>> {
  const { w } = where(f, { publishedOnly: opts.publishedOnly });
  const limit = Math.min(opts.limit ?? EXPORT_LIMIT, EXPORT_LIMIT);
  const batch = opts.batch ?? EXPORT_BATCH;
  const select = columns.map((c) => `${COLUMN_SQL[c]} as "${c}"`).join(', ');
  const read = async (after: unknown[] | null, size: number) => {
    const params = [...w.params];
    const conditions = [...w.parts];
    if (after) {
      const from = params.length + 1;
      params.push(...after);
      conditions.push(`(${ORDER_BY}) > (${ORDER_KEY.map((k, i) => `$${from + i}::${k.type}`).join(', ')})`);
    }
    const r = await q.query<ExportRow & { [KEY]?: unknown[] }>(
      `select ${select}, json_build_array(${ORDER_BY}) as "${KEY}" from recommendations r
         ${conditions.length ? `where ${conditions.join(' and ')}` : ''}
        order by ${ORDER_BY} limit ${size}`,
      params,
    );
    const key = r.rows.at(-1)?.[KEY] ?? null;
    return { rows: r.rows.map(({ [KEY]: _, ...row }) => row), key };
  };
  const first = await read(null, Math.min(batch, limit));
  return (async function* () {
    let { rows, key } = first;
    let left = limit;
    for (;;) {
      if (rows.length) yield rows;
      left -= rows.length;
      if (rows.length < batch || left <= 0 || !key) return;
      ({ rows, key } = await read(key, Math.min(batch, left)));
    }
  })();
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** A column of a table written as CSV or .xlsx: the key of its value in each row, its header, its layout. */
export interface TableColumn {
  key: string;
  header: string;
  /** Width in characters in the .xlsx (18 when not given). */
  width?: number;
  /** Wrap the text of the column's cells in the .xlsx. */
  wrap?: boolean;
}
/** One row of such a table: each column's value by its key. */
export type TableRow = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The columns of a recommendations export in the language of its headers. */
const exportTable = (columns: ExportColumn[], lang: 'nl' | 'en'): TableColumn[] =>
  columns.map((c) => ({
    key: c,
    header: EXPORT_COLUMN_LABELS[c][lang],
    width: c === 'text' || c === 'textNl' ? 80 : c === 'themes' || c === 'groups' ? 40 : 18,
    wrap: c === 'text',
  }));

/** CSV in UTF-8 with a byte-order mark (so that Excel shows accents correctly), one chunk per batch. */
export function csvTableStream(batches: AsyncIterable<readonly TableRow[]>, columns: readonly TableColumn[]) {
  return Readable.from(
    (async function* () {
      yield '\uFEFF' + columns.map((c) => csvCell(c.header)).join(',') + '\r\n';
      for await (const rows of batches) {
        let chunk = '';
        for (const row of rows) chunk += columns.map((c) => csvCell(row[c.key])).join(',') + '\r\n';
        if (chunk) yield chunk;
      }
    })(),
  );
}

/** A recommendations export as CSV, with the headers in the language asked for. */
export const csvStream = (batches: AsyncIterable<ExportRow[]>, columns: ExportColumn[], lang: 'nl' | 'en') =>
  csvTableStream(batches, exportTable(columns, lang));

/** A JSON array of the rows, one chunk per batch. */
export function jsonStream(batches: AsyncIterable<ExportRow[]>) {
  return Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const rows of batches) {
        if (!rows.length) continue;
        yield (first ? '\n' : ',\n') + rows.map((r) => JSON.stringify(r)).join(',\n');
        first = false;
      }
      yield '\n]';
    })(),
  );
}

/**
 * The .xlsx as a stream (exceljs' streaming WorkbookWriter): each row is committed as it is read,
 * and the next batch is read only when the client has taken what was written (back-pressure).
 */
export function xlsxTableStream(
  batches: AsyncIterable<readonly TableRow[]>,
  columns: readonly TableColumn[],
  sheetName: string,
): Readable {
  const out = new PassThrough();
  (async () => {
    const { default: ExcelJS } = await import('exceljs'); // at the first export, not when the server starts
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    wb.creator = 'Rightsdesk';
    const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? 18,
      ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for await (const rows of batches) {
      for (const row of rows) ws.addRow(row).commit();
      // Let the compressor catch up, and wait while the client is slower than the database.
      await new Promise((r) => setImmediate(r));
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) return;
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/** A recommendations export as .xlsx, with the headers in the language asked for. */
export const xlsxStream = (batches: AsyncIterable<ExportRow[]>, columns: ExportColumn[], lang: 'nl' | 'en') =>
  xlsxTableStream(batches, exportTable(columns, lang), lang === 'nl' ? 'Aanbevelingen' : 'Recommendations');
