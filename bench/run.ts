/**
 * `npm run bench`: import and search figures on both database engines.
 * - seconds to import the UPR Info extract (../shared/data/upr-info/...csv) through the importer,
 *   and the same rows loaded with a plain PostgreSQL COPY into a bare table, for comparison;
 * - p50/p95 latency of typical searches (full text plus two facets) at 250,000 recommendations
 *   built from the real rows (each real row repeated under other states under review).
 * PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throw-away database is
 * created on that server). Goals: import within 3x of COPY; search p95 < 100 ms (PostgreSQL),
 * < 300 ms (PGlite). Figures are printed, never asserted.
 * `npm run bench -- import` runs only the import: a first import and an identical second one, with
 * the audit rows they write, beside the times recorded before per-recommendation auditing.
 * The browser app's bundle sizes (bench/bundle.ts) and the start-up times (bench/startup.ts) come last;
 * `npm run bench -- web` runs only these.
 * Then the exports of 250,000 rows (bench/export.ts) and 50 clients searching a server for 30 s
 * (bench/load.ts) on both engines; `npm run bench -- load` runs only the latter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDb, pgliteCopyFrom, type Db } from '../src/core/db.ts';
import { migrate } from '../src/core/migrate.ts';
import { systemActor } from '../src/core/actor.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { readUprInfo } from '../src/recommendations/import-upr-info.ts';
import { storeRecords } from '../src/recommendations/store.ts';
import { fingerprint } from '../src/recommendations/fingerprint.ts';
import { searchRecommendations } from '../src/recommendations/service.ts';
import type { ImportRecord } from '../src/recommendations/schema.ts';
import { createTempDatabase } from '../src/test/db.ts';
import { bundleFigures } from './bundle.ts';
import { startupFigures } from './startup.ts';
import { exportFigures } from './export.ts';
import { loadFigures } from './load.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const TARGET = Number(process.env.BENCH_RECOMMENDATIONS ?? 250_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const ONLY_IMPORT = process.argv.slice(2).includes('import');
const ONLY_LOAD = process.argv.slice(2).includes('load');
const ONLY_WEB = process.argv.slice(2).includes('web');
if (ONLY_WEB) {
  bundleFigures();
  await startupFigures();
  process.exit(0);
}
if (!fs.existsSync(FILE)) {
  console.error(`The benchmark needs ${FILE} (the shared data folder beside the project).`);
  process.exit(1);
}
const bytes = new Uint8Array(fs.readFileSync(FILE));
const actor = systemActor('bench');
const secs = (ms: number) => (ms / 1000).toFixed(2);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const COPY_TABLE = `create table bench_copy (id text, state_under_review text, sur_regional_group text,
  sur_organisations text, text text, recommending_state text, rs_regional_group text, rs_organisations text,
  response text, action_category text, issues text, session text)`;

/**
 * The same recommendations loaded with COPY into a table like `recommendations` (its generated
 * search vector, unique fingerprint and indexes included): what the database itself needs to
 * store them, without any of the importer's work.
 */
async function copyIntoRecommendationsTable(
  db: Db,
  url: string | undefined,
  records: ImportRecord[],
): Promise<number> {
  const seen = new Set<string>();
  const q = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  const lines: string[] = [];
  for (const r of records) {
    const fp = fingerprint(r);
    if (seen.has(fp)) continue;
    seen.add(fp);
    const states = `{${r.recommendingStates.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
    lines.push(
      [
        fp,
        r.mechanism,
        r.bodyCode,
        r.stateUnderReview,
        r.text,
        states,
        r.position,
        r.year,
        r.uprSession,
        r.actionCategory,
      ]
        .map(q)
        .join(','),
    );
  }
  const file = path.join(os.tmpdir(), `rd-bench-${process.pid}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const cols =
    'fingerprint, mechanism, body_code, state_under_review, text, recommending_states, position, year, upr_session, action_category';
  await db.exec(
    'drop table if exists bench_rec; create table bench_rec (like recommendations including all)',
  );
  const t = performance.now();
  if (url) {
    const r = spawnSync(
      'psql',
      [url, '-q', '-c', `\\copy bench_rec (${cols}) from '${file}' with (format csv)`],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  } else {
    await pgliteCopyFrom(
      db,
      `copy bench_rec (${cols}) from '/dev/blob' with (format csv)`,
      new Blob([fs.readFileSync(file)]),
    );
  }
  const ms = performance.now() - t;
  await db.exec('drop table bench_rec');
  fs.rmSync(file);
  return ms;
}

async function copyPlain(db: Db, url: string | undefined): Promise<number> {
  await db.exec(`drop table if exists bench_copy; ${COPY_TABLE}`);
  const t = performance.now();
  if (url) {
    const r = spawnSync(
      'psql',
      [url, '-q', '-c', `\\copy bench_copy from '${FILE}' with (format csv, header)`],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr}`);
  } else {
    await pgliteCopyFrom(db, `copy bench_copy from '/dev/blob' with (format csv, header)`, new Blob([bytes]));
  }
  const ms = performance.now() - t;
  await db.exec('drop table bench_copy');
  return ms;
}

/** More rows from the real ones: the same texts addressed to other states under review. */
function scaled(records: ImportRecord[], target: number, round: number): ImportRecord[] {
  const out: ImportRecord[] = [];
  for (let copy = 1; out.length < target; copy++) {
    for (const r of records) {
      if (out.length >= target) break;
      const tag = `${round}.${copy}`;
      out.push({
        ...r,
        sourceKey: `${r.sourceKey}-x${tag}`,
        stateUnderReview: `${r.stateUnderReview} (copy ${tag})`,
      });
    }
  }
  return out;
}

const QUERIES = [
  'discrimination',
  'torture prison',
  'women violence',
  'children education',
  'freedom of expression',
  'migrants',
  'human rights defenders',
  'death penalty',
];

/**
 * The import of the extract as measured on this machine (2 cores, shared) before each import
 * recorded an audit row per recommendation it created or changed: then only the summary event.
 */
const BEFORE_PER_RECOMMENDATION_AUDIT = {
  date: '2026-11-27',
  pglite: { store: 5.51, again: 4.38 },
  postgresql: { store: 4.3, again: 2.91 },
} as const;

const auditRows = async (db: Db) =>
  (
    await db.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity_type = 'recommendation'",
    )
  ).rows[0]!.n;

/** Imports the extract, then the same file again; prints the times beside the recorded baseline. */
async function importFigures(engine: 'pglite' | 'postgresql', db: Db) {
  const [, parseMs] = await timed(async () => readUprInfo(bytes));
  const store = (read: ReturnType<typeof readUprInfo>) =>
    storeRecords(db, actor, {
      kind: 'upr-info',
      fileName: path.basename(FILE),
      sha256: 'bench',
      records: read.records,
      rowErrors: [],
      totalRows: read.totalRows,
    });
  const read = readUprInfo(bytes);
  const [summary, importMs] = await timed(() => store(read));
  const firstAudit = await auditRows(db);
  const [, againMs] = await timed(() => store(readUprInfo(bytes)));
  const againAudit = (await auditRows(db)) - firstAudit;
  const before = BEFORE_PER_RECOMMENDATION_AUDIT[engine];
  const was = `before per-recommendation auditing, measured ${BEFORE_PER_RECOMMENDATION_AUDIT.date}`;
  console.log(
    `\n[${engine}] import of ${read.totalRows} UPR Info rows (${summary.created} recommendations):`,
  );
  console.log(
    `  parse ${secs(parseMs)} s, store ${secs(importMs)} s (${was}: ${before.store.toFixed(2)} s), ` +
      `together ${secs(parseMs + importMs)} s; audit rows written: ${firstAudit} (one per recommendation) + 1 summary`,
  );
  console.log(
    `  the same file again: store ${secs(againMs)} s (${was}: ${before.again.toFixed(2)} s); ` +
      `audit rows written: ${againAudit} + 1 summary`,
  );
  return { read, summary, parseMs, importMs };
}

async function bench(engine: 'pglite' | 'postgresql', db: Db, url?: string) {
  await migrate(db);
  await seedReferenceData(db);
  const { read, summary, parseMs, importMs } = await importFigures(engine, db);
  if (ONLY_IMPORT) return;
  const copyMs = await copyPlain(db, url);
  const copyTableMs = await copyIntoRecommendationsTable(db, url, read.records);
  console.log(
    `  plain COPY of the CSV into a bare table: ${secs(copyMs)} s  → import/COPY = ${((parseMs + importMs) / copyMs).toFixed(1)}x`,
  );
  console.log(
    `  COPY of the same recommendations into a table like recommendations (search vector, indexes): ${secs(copyTableMs)} s  → import/COPY = ${((parseMs + importMs) / copyTableMs).toFixed(1)}x (goal ≤ 3x)`,
  );

  // Real texts repeat within a state and session (one recommendation, several states), so each
  // round of copies adds fewer recommendations than rows: grow until the target is reached.
  const count = async () =>
    (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  let n = summary.created;
  let round = 0;
  const [, growMs] = await timed(async () => {
    while (n < TARGET) {
      const extra = scaled(read.records, Math.ceil((TARGET - n) * 1.04), ++round);
      for (let i = 0; i < extra.length; i += 50_000) {
        await storeRecords(db, actor, {
          kind: 'upr-info',
          fileName: 'bench-scaled',
          sha256: 'bench',
          records: extra.slice(i, i + 50_000),
          rowErrors: [],
          totalRows: 0,
        });
      }
      n = await count();
    }
  });
  await db.exec('analyze');
  console.log(`  grown to ${n} recommendations in ${secs(growMs)} s`);

  const times: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const q = QUERIES[i % QUERIES.length]!;
    const [, ms] = await timed(() =>
      searchRecommendations(db, {
        page: 1,
        pageSize: 25,
        q,
        mechanism: 'upr',
        position: i % 2 ? 'supported' : 'noted',
      }),
    );
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!.toFixed(0);
  const goal = engine === 'postgresql' ? 100 : 300;
  console.log(
    `  search (full text + 2 facet filters, with facet counts), ${SEARCHES} runs: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (goal p95 < ${goal} ms)`,
  );
  await exportFigures(engine, db);
}

if (!ONLY_LOAD) {
  const db = await openDb({ dataDir: 'memory://' });
  try {
    await bench('pglite', db);
  } finally {
    await db.close();
  }
}
const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (server && !ONLY_LOAD) {
  const tmp = await createTempDatabase(server, 'rd_bench');
  const db = await openDb({ databaseUrl: tmp.url });
  try {
    await bench('postgresql', db, tmp.url);
  } finally {
    await db.close();
    await tmp.drop();
  }
} else if (!server) {
  console.log(
    '\n[postgresql] skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL), e.g. postgres://127.0.0.1:5432/test',
  );
}
if (!ONLY_IMPORT) {
  await loadFigures('pglite');
  if (server) {
    const tmp = await createTempDatabase(server, 'rd_bench_load');
    try {
      await loadFigures('postgresql', tmp.url);
    } finally {
      await tmp.drop();
    }
  }
}

if (!ONLY_IMPORT && !ONLY_LOAD) {
  bundleFigures();
  await startupFigures();
}
