/**
 * Export figures for `npm run bench`: time and memory of a 250,000-row export as .csv and .xlsx,
 * written through the same streams the export route sends (to a sink that reads at full speed).
 * Memory is the peak of the process's resident set size during the export minus its size before
 * (the database's memory included, on PGlite). Goal: memory that does not grow with the rows
 * (the exports before streaming held every row and the whole file: 1.5 GB for 8 exports of 100,000).
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../src/core/db.ts';
import { csvStream, exportRows, xlsxStream, EXPORT_LIMIT } from '../src/recommendations/export.ts';
import { DEFAULT_EXPORT_COLUMNS, type ExportColumn } from '../src/recommendations/schema.ts';

const MB = 1024 * 1024;

/** Sends the stream to a sink; returns seconds, bytes and the peak RSS growth (sampled every 10 ms). */
async function measure(stream: () => Promise<Readable>) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  let bytes = 0;
  const t = performance.now();
  try {
    await pipeline(
      await stream(),
      new Writable({
        write(chunk: Buffer | string, _enc, done) {
          bytes += Buffer.byteLength(chunk);
          done();
        },
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  return { s: (performance.now() - t) / 1000, bytes, grew: (peak - before) / MB };
}

export async function exportFigures(engine: 'pglite' | 'postgresql', db: Db) {
  const columns: ExportColumn[] = [...DEFAULT_EXPORT_COLUMNS];
  const n = (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  const rows = Math.min(n, EXPORT_LIMIT);
  console.log(
    `  exports of ${rows} recommendations, the ${columns.length} default columns (goal: memory flat, not per row):`,
  );
  for (const format of ['csv', 'xlsx'] as const) {
    const r = await measure(async () => {
      const rows = await exportRows(db, {}, columns);
      return format === 'csv' ? csvStream(rows, columns, 'nl') : xlsxStream(rows, columns, 'nl');
    });
    console.log(
      `    [${engine}] .${format}: ${r.s.toFixed(1)} s, ${(r.bytes / MB).toFixed(0)} MB written, ` +
        `peak RSS +${r.grew.toFixed(0)} MB`,
    );
  }
}
