import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../core/db.ts';
import { testDb } from '../test/db.ts';
import { csvStream, exportRows, jsonStream, xlsxStream, type ExportRow } from './export.ts';
import type { ExportColumn } from './schema.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
  // 11 recommendations: years with and without a value, symbols, a text that needs quoting.
  await db.exec(`
    insert into recommendations (mechanism, state_under_review, symbol, paragraph, text, year, fingerprint)
    select case when n % 4 = 0 then 'treaty_body' else 'upr' end, 'Netherlands',
           case when n % 3 = 0 then null else 'A/HRC/' || (n % 2) end, n::text,
           'Recommendation ' || n || case when n = 5 then ', with "quotes"; and a comma' else '' end,
           case when n % 5 = 0 then null else 2010 + (n % 3) end, 'fp-' || n
      from generate_series(1, 11) as n`);
});
afterAll(() => db?.close());

const columns: ExportColumn[] = ['symbol', 'paragraph', 'text', 'year'];

async function all(batches: AsyncIterable<ExportRow[]>) {
  const sizes: number[] = [];
  const rows: ExportRow[] = [];
  for await (const b of batches) {
    sizes.push(b.length);
    rows.push(...b);
  }
  return { sizes, rows };
}

async function text(stream: Readable) {
  let s = '';
  for await (const chunk of stream) s += String(chunk);
  return s;
}

/** What the export must hold: every matching row, in the export order, read in one query. */
async function expected(filter = '') {
  return (
    await db.query<ExportRow>(
      `select r.symbol as "symbol", r.paragraph as "paragraph", r.text as "text", r.year as "year"
         from recommendations r ${filter} order by r.year desc nulls last, r.symbol, r.paragraph, r.id`,
    )
  ).rows;
}

describe('streamed exports', () => {
  it('reads the rows in batches, every row once and in the export order', async () => {
    const { sizes, rows } = await all(await exportRows(db, {}, columns, { batch: 4 }));
    expect(sizes).toEqual([4, 4, 3]);
    expect(rows).toEqual(await expected());
    const upr = await all(await exportRows(db, { mechanism: 'upr' }, columns, { batch: 4 }));
    expect(upr.rows).toEqual(await expected("where r.mechanism = 'upr'"));
    expect(upr.rows).toHaveLength(9);
    expect((await all(await exportRows(db, {}, columns, { batch: 4, limit: 5 }))).rows).toHaveLength(5);
  });

  it('writes every row into the CSV, quoting what needs it', async () => {
    const csv = await text(csvStream(await exportRows(db, {}, columns, { batch: 2 }), columns, 'en'));
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(12);
    const cell = (v: unknown) => {
      const s = v === null ? '' : String(v);
      return /[",;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    expect(lines.slice(1)).toEqual((await expected()).map((r) => columns.map((c) => cell(r[c])).join(',')));
    expect(csv).toContain('"Recommendation 5, with ""quotes""; and a comma"');
  });

  it('writes every row into the JSON array', async () => {
    const json = JSON.parse(await text(jsonStream(await exportRows(db, {}, columns, { batch: 3 }))));
    expect(json).toEqual(await expected());
    expect(JSON.parse(await text(jsonStream(await exportRows(db, { mechanism: 'nhri' }, columns))))).toEqual(
      [],
    );
  });

  it('writes every row into the streamed workbook, with the header', async () => {
    const stream = xlsxStream(await exportRows(db, {}, columns, { batch: 3 }), columns, 'nl');
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Aanbevelingen');
    expect(ws.rowCount).toBe(12);
    expect(ws.getRow(1).getCell(3).value).toBe('Tekst');
    const rows = [];
    for (let i = 2; i <= 12; i++) {
      const r = ws.getRow(i);
      rows.push(Object.fromEntries(columns.map((c, j) => [c, r.getCell(j + 1).value ?? null])));
    }
    expect(rows).toEqual(await expected());
  });
});

describe('the export order across batches', () => {
  // 72 recommendations of one state: every mix of an unknown or known year, symbol (also an empty
  // one) and paragraph, each twice, so that batches end between rows that differ only in their id.
  beforeAll(async () => {
    await db.exec(`
      insert into recommendations (mechanism, state_under_review, symbol, paragraph, text, year, fingerprint)
      select 'upr', 'Testland', s, p, concat('Order ', y, s, p, n), y, 'order-' || coalesce(y::text, '-') || '-' ||
             coalesce(s, '-') || '-' || coalesce(p, '-') || '-' || n
        from unnest(array[null, 2010, 2012]::int[]) as y,
             unnest(array[null, '', 'A/HRC/1', 'A/HRC/2']::text[]) as s,
             unnest(array[null, '1', '2']::text[]) as p,
             generate_series(1, 2) as n`);
  });

  const idColumns: ExportColumn[] = ['id', 'year', 'symbol', 'paragraph'];
  const inOrder = async () =>
    (
      await db.query<ExportRow>(
        `select r.id as "id", r.year as "year", r.symbol as "symbol", r.paragraph as "paragraph"
           from recommendations r where r.state_under_review = 'Testland'
          order by r.year desc nulls last, r.symbol, r.paragraph, r.id`,
      )
    ).rows;

  it('hands out every row once and in order, unknown years, symbols and paragraphs included', async () => {
    const want = await inOrder();
    expect(want).toHaveLength(72);
    for (const batch of [1, 5, 7, 72, 100]) {
      const { sizes, rows } = await all(await exportRows(db, { state: 'Testland' }, idColumns, { batch }));
      expect(rows).toEqual(want);
      expect(new Set(rows.map((r) => r.id)).size).toBe(72);
      expect(sizes.every((n) => n > 0 && n <= batch)).toBe(true);
    }
    const nulls = want.filter((r) => r.year === null || r.symbol === null || r.paragraph === null);
    expect(nulls).toHaveLength(72 - 2 * 2 * 3 * 2);
  });

  it('stops at the limit, also within a batch', async () => {
    const want = await inOrder();
    const { sizes, rows } = await all(
      await exportRows(db, { state: 'Testland' }, idColumns, { batch: 10, limit: 25 }),
    );
    expect(sizes).toEqual([10, 10, 5]);
    expect(rows).toEqual(want.slice(0, 25));
  });

  it('writes a CSV of many batches with every row once', async () => {
    const csv = await text(
      csvStream(await exportRows(db, { state: 'Testland' }, idColumns, { batch: 4 }), idColumns, 'en'),
    );
    const ids = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[0]);
    expect(ids).toEqual((await inOrder()).map((r) => r.id));
  });
});
