/**
 * `npm run bench`: import and search figures on both database engines.
 * - seconds to import the UPR Info extract (../shared/data/upr-info/...csv) through the importer,
 *   beside the fair lower bound: a COPY of the same recommendations into a table like
 *   `recommendations` (its generated search vector, GIN and other indexes); goal: within 2.5x of it.
 *   A plain COPY of the CSV into a bare table is the second line. Importing the unchanged file
 *   again: goal under a fifth of the first import;
 * - the search figures of bench/search.ts: the default page, text searches and filters at 30,000,
 *   100,000 and 250,000 recommendations grown from the real rows, through the service and HTTP,
 *   with the results cache off and on, beside their goals. `npm run bench -- search` runs only the
 *   import and these.
 * PGlite runs on disk (a temporary data directory), as users run it. PostgreSQL runs when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set (a throw-away database is created on that
 * server). Figures are printed, never asserted.
 * - the follow-up figures of bench/followup.ts at 250,000: a bulk assignment of 10,000 and a ministry's
 *   worklist; `npm run bench -- followup` runs only the import, the growth and these.
 * - similar recommendations at 250,000 (bench/similar.ts): 200 look-ups, goal under 100 ms, and the
 *   cluster proposals; `npm run bench -- similar` runs only the import, the growth and these.
 * - on PostgreSQL, the public load figures of bench/public.ts at 250,000: 100 visitors reading the
 *   portal's pages of 10,000 published recommendations; `npm run bench -- public` runs only the import,
 *   the growth and these.
 * `npm run bench -- import` runs only the import: a first import and an identical second one, with
 * the audit rows they write, beside the times recorded before per-recommendation auditing, and the
 * COPY bounds the first import is measured against; `npm run bench -- import-profile` where a first
 * import spends its time (bench/import-profile.ts). `-- postgresql` or `-- pglite` after any of
 * these measures on that engine only.
 * The tagging suggestions (bench/suggest.ts: training time, model file size, suggestions for 10,000
 * recommendations, goal under 10 s; `npm run bench -- suggest` runs only these), the browser app's
 * bundle sizes (bench/bundle.ts) and the start-up times (bench/startup.ts) come last;
 * `npm run bench -- web` runs only these.
 * Then the exports of 250,000 rows (bench/export.ts) and 50 clients searching a server for 30 s
 * (bench/load.ts) on both engines; `npm run bench -- load` runs only the latter, and
 * `npm run bench -- export` only the exports (the 250,000 rows copied in SQL from the imported extract).
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
import type { ImportRecord } from '../src/recommendations/schema.ts';
import { createTempDatabase } from '../src/test/db.ts';
import { bundleFigures } from './bundle.ts';
import { startupFigures } from './startup.ts';
import { buildExportDb, exportFigures } from './export.ts';
import { loadFigures } from './load.ts';
import { grow, searchFigures } from './search.ts';
import { followUpFigures } from './followup.ts';
import { publicFigures } from './public.ts';
import { importProfile } from './import-profile.ts';
import { similarFigures } from './similar.ts';
import { suggestionFigures } from './suggest.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const TARGET = Number(process.env.BENCH_RECOMMENDATIONS ?? 250_000);
const ONLY_IMPORT = process.argv.slice(2).includes('import');
const ONLY_LOAD = process.argv.slice(2).includes('load');
const ONLY_WEB = process.argv.slice(2).includes('web');
const ONLY_EXPORT = process.argv.slice(2).includes('export');
const ONLY_SEARCH = process.argv.slice(2).includes('search');
const ONLY_FOLLOWUP = process.argv.slice(2).includes('followup');
const ONLY_PUBLIC = process.argv.slice(2).includes('public');
const ONLY_IMPORT_PROFILE = process.argv.slice(2).includes('import-profile');
const ONLY_SIMILAR = process.argv.slice(2).includes('similar');
const ONLY_SUGGEST = process.argv.slice(2).includes('suggest');
/** `-- postgresql` or `-- pglite` measures on that engine only. */
const ENGINES = process.argv.slice(2).filter((a) => a === 'pglite' || a === 'postgresql');
const onEngine = (engine: 'pglite' | 'postgresql') => ENGINES.length === 0 || ENGINES.includes(engine);
if (ONLY_SUGGEST) {
  await suggestionFigures();
  process.exit(0);
}
if (ONLY_IMPORT_PROFILE) {
  await importProfile();
  process.exit(0);
}
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
if (ONLY_EXPORT) {
  const exportsOn = async (engine: 'pglite' | 'postgresql', db: Db) => {
    try {
      const t = performance.now();
      const n = await buildExportDb(db, bytes, TARGET);
      console.log(
        `\n[${engine}] ${n} recommendations built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      await exportFigures(engine, db);
    } finally {
      await db.close();
    }
  };
  await exportsOn('pglite', await openDb({ dataDir: 'memory://' }));
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    const tmp = await createTempDatabase(url, 'rd_bench_export');
    try {
      await exportsOn('postgresql', await openDb({ databaseUrl: tmp.url }));
    } finally {
      await tmp.drop();
    }
  }
  process.exit(0);
}
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
    // The search vector's index is on recommendation_search (migration 0024): the bound has it here.
    `drop table if exists bench_rec; create table bench_rec (like recommendations including all);
     create index bench_rec_search_idx on bench_rec using gin (search)`,
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
    `  the same file again: parse and store ${secs(againMs)} s (${was}: ${before.again.toFixed(2)} s) ` +
      `→ ${(againMs / (parseMs + importMs)).toFixed(2)} of the first import (goal < 0.20); ` +
      `audit rows written: ${againAudit} + 1 summary`,
  );
  return { read, summary, parseMs, importMs };
}

async function bench(engine: 'pglite' | 'postgresql', db: Db, url?: string) {
  await migrate(db);
  await seedReferenceData(db);
  const { read, parseMs, importMs } = await importFigures(engine, db);
  if (ONLY_SIMILAR) {
    await grow(db, TARGET);
    await similarFigures(engine, db);
    return;
  }
  if (ONLY_FOLLOWUP) {
    await grow(db, TARGET);
    await followUpFigures(engine, db);
    return;
  }
  if (ONLY_PUBLIC) {
    if (url) {
      await grow(db, TARGET);
      await publicFigures(db, url);
    }
    return;
  }
  const copyMs = await copyPlain(db, url);
  const copyTableMs = await copyIntoRecommendationsTable(db, url, read.records);
  console.log(
    `  COPY of the same recommendations into a table like recommendations (search vector, indexes): ${secs(copyTableMs)} s  → import/COPY = ${((parseMs + importMs) / copyTableMs).toFixed(1)}x (goal ≤ 2.5x)`,
  );
  console.log(
    `  plain COPY of the CSV into a bare table: ${secs(copyMs)} s  → import/COPY = ${((parseMs + importMs) / copyMs).toFixed(1)}x`,
  );
  if (ONLY_IMPORT) return;

  await searchFigures(engine, db, engine === 'pglite' ? 'pglite on disk' : engine);
  if (ONLY_SEARCH) return;
  await similarFigures(engine, db);
  await followUpFigures(engine, db);
  if (url) await publicFigures(db, url);
  await exportFigures(engine, db);
}

if (!ONLY_LOAD && !ONLY_PUBLIC && onEngine('pglite')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));
  const db = await openDb({ dataDir: dir });
  try {
    await bench('pglite', db);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (server && !ONLY_LOAD && onEngine('postgresql')) {
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
if (!ONLY_IMPORT && !ONLY_SEARCH && !ONLY_FOLLOWUP && !ONLY_PUBLIC && !ONLY_SIMILAR) {
  // With the facet cache as the application runs, then with it switched off (every search counted).
  for (const cache of [true, false]) {
    await loadFigures('pglite', undefined, cache);
    if (server) {
      const tmp = await createTempDatabase(server, 'rd_bench_load');
      try {
        await loadFigures('postgresql', tmp.url, cache);
      } finally {
        await tmp.drop();
      }
    }
  }
}

if (!ONLY_IMPORT && !ONLY_LOAD && !ONLY_SEARCH && !ONLY_FOLLOWUP && !ONLY_PUBLIC && !ONLY_SIMILAR) {
  await suggestionFigures();
  bundleFigures();
  await startupFigures();
}
