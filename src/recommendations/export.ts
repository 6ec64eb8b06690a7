import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
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
export const EXPORT_LIMIT = 250_000;
/** Rows read per query while an export is written. */
export const EXPORT_BATCH = 1_000;

function terms(scheme: string) {
  return `(select string_agg(case when t.scheme = 'sdg_target' then t.code else coalesce(t.label_nl, t.label_en) end, '; ' order by t.code)
             from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
            where rt.recommendation_id = r.id and t.scheme = '${scheme}')`;
}

/**
 * The rows of an export, read in batches while they are written: first the ids in export order
 * (one query, awaited here, so that a refused search is an error answer and not a broken file),
 * then the chosen columns of each batch of ids by primary key. Other queries run between the
 * batches, and no more than one batch of rows is held at a time.
 */
export async function exportRows(
  q: Queryable,
  f: ExportFilters,
  columns: ExportColumn[],
  opts: { limit?: number; batch?: number } = {},
): Promise<AsyncIterable<ExportRow[]>> {
  const { w } = where(f);
  const limit = Math.min(opts.limit ?? EXPORT_LIMIT, EXPORT_LIMIT);
  const batch = opts.batch ?? EXPORT_BATCH;
  const ids = (
    await q.query<{ id: string }>(
      `select r.id from recommendations r ${w.sql()} order by r.year desc nulls last, r.symbol, r.paragraph, r.id limit ${limit}`,
      w.params,
    )
  ).rows.map((r) => r.id);
  const select = columns.map((c) => `${COLUMN_SQL[c]} as "${c}"`).join(', ');
  return (async function* () {
    for (let i = 0; i < ids.length; i += batch) {
      const r = await q.query<ExportRow>(
        `select ${select} from unnest($1::uuid[]) with ordinality as k(id, n)
           join recommendations r on r.id = k.id order by k.n`,
        [ids.slice(i, i + batch)],
      );
      yield r.rows;
    }
  })();
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV in UTF-8 with a byte-order mark (so that Excel shows accents correctly), one chunk per batch. */
export function csvStream(batches: AsyncIterable<ExportRow[]>, columns: ExportColumn[], lang: 'nl' | 'en') {
  return Readable.from(
    (async function* () {
      yield '\uFEFF' + columns.map((c) => csvCell(EXPORT_COLUMN_LABELS[c][lang])).join(',') + '\r\n';
      for await (const rows of batches) {
        let chunk = '';
        for (const row of rows) chunk += columns.map((c) => csvCell(row[c])).join(',') + '\r\n';
        if (chunk) yield chunk;
      }
    })(),
  );
}

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
export function xlsxStream(
  batches: AsyncIterable<ExportRow[]>,
  columns: ExportColumn[],
  lang: 'nl' | 'en',
): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Rightsdesk';
  const ws = wb.addWorksheet(lang === 'nl' ? 'Aanbevelingen' : 'Recommendations', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    header: EXPORT_COLUMN_LABELS[c][lang],
    key: c,
    width: c === 'text' || c === 'textNl' ? 80 : c === 'themes' || c === 'groups' ? 40 : 18,
    ...(c === 'text' ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  (async () => {
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
