/**
 * Export figures for `npm run bench`: time and memory of a 250,000-row export as .csv and .xlsx,
 * written through the same streams the export route sends (to a sink that reads at full speed).
 * Memory is the peak of the process's resident set size during the export minus its size before
 * (the database's memory included, on PGlite), and the peak growth of the JavaScript heap of the
 * thread that writes the export. Goal: memory that does not grow with the rows
 * (the exports before streaming held every row and the whole file: 1.5 GB for 8 exports of 100,000).
 */
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../src/core/db.ts';
import { systemActor } from '../src/core/actor.ts';
import { migrate } from '../src/core/migrate.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { csvStream, exportRows, xlsxStream, EXPORT_LIMIT } from '../src/recommendations/export.ts';
import { readUprInfo } from '../src/recommendations/import-upr-info.ts';
import { storeRecords } from '../src/recommendations/store.ts';
import { DEFAULT_EXPORT_COLUMNS, type ExportColumn } from '../src/recommendations/schema.ts';

const MB = 1024 * 1024;

/**
 * Sends the stream to a sink; returns seconds, bytes, the peak RSS growth and the peak growth of
 * this thread's JavaScript heap (what the export itself holds; RSS also counts the database's
 * memory on PGlite), both sampled every 10 ms.
 */
async function measure(stream: () => Promise<Readable>) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = before;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
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
  return {
    s: (performance.now() - t) / 1000,
    bytes,
    grew: (peak - before) / MB,
    heapGrew: (heapPeak - heapBefore) / MB,
  };
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
        `peak RSS +${r.grew.toFixed(0)} MB, peak JS heap +${r.heapGrew.toFixed(0)} MB`,
    );
  }
}

/**
 * A database of `target` recommendations for the export figures: the UPR Info extract imported
 * through the importer, then copied in SQL (each copy addressed to another state under review,
 * with the taxonomy tags of its original) until the target is reached. Faster than importing every
 * copy, and the exports read the same texts, tags and export order as the full benchmark's.
 */
export async function buildExportDb(db: Db, file: Uint8Array, target = EXPORT_LIMIT): Promise<number> {
  await migrate(db);
  await seedReferenceData(db);
  const read = readUprInfo(file);
  await storeRecords(db, systemActor('bench'), {
    kind: 'upr-info',
    fileName: 'bench-export',
    sha256: 'bench',
    records: read.records,
    rowErrors: [],
    totalRows: read.totalRows,
  });
  const count = async () =>
    (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  const real = await count();
  const missing = target - real;
  if (missing > 0) {
    await db.query(
      `insert into recommendations (mechanism, body_code, state_under_review, symbol, paragraph, text,
         recommending_states, position, year, upr_session, action_category, fingerprint)
       select r.mechanism, r.body_code, r.state_under_review || ' (copy ' || k || ')', r.symbol, r.paragraph,
              r.text, r.recommending_states, r.position, r.year, r.upr_session, r.action_category,
              r.fingerprint || '#copy' || k
         from recommendations r cross join generate_series(1, $1::int) as k
        order by k, r.id
        limit $2`,
      [Math.ceil(missing / real), missing],
    );
    await db.exec(`
      insert into recommendation_terms (recommendation_id, term_id)
      select c.id, rt.term_id
        from recommendations c
        join recommendations o on o.fingerprint = split_part(c.fingerprint, '#copy', 1)
        join recommendation_terms rt on rt.recommendation_id = o.id
       where c.fingerprint like '%#copy%'`);
  }
  await db.exec('analyze');
  return count();
}
