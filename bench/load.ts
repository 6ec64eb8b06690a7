/**
 * Load figures for `npm run bench`: 50 clients searching at once for 30 seconds against a server
 * on 127.0.0.1 with the UPR Info extract imported, on either engine. The server runs in a child
 * process (this file with `serve`), so the clients do not share its event loop. Meanwhile one probe
 * asks /api/health and the browser app's index.html every 250 ms: they must answer at once.
 * The searches vary: a word (or two) of a list of human-rights terms, with or without a filter, on
 * pages 1 to 3, the default page, a state's page; each client draws them from a seeded sequence.
 * The server keeps facet counts between searches (src/recommendations/search-cache.ts) and writes each kept answer once (search-response.ts): the figures
 * are printed with the share of searches that reused them, and once more with the cache switched off.
 * Goals: PGlite p99 < 1 s and no timeouts (> 10 s); PostgreSQL p99 < 300 ms.
 * BENCH_LOAD_CLIENTS and BENCH_LOAD_SECONDS change the 50 clients and 30 seconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const TIMEOUT_MS = 10_000;
const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');

const WORDS = [
  'discrimination',
  'torture',
  'women',
  'children',
  'education',
  'migrants',
  'refugees',
  'asylum',
  'police',
  'prison',
  'detention',
  'racism',
  'disability',
  'health',
  'housing',
  'poverty',
  'violence',
  'trafficking',
  'expression',
  'journalists',
  'defenders',
  'religion',
  'minorities',
  'roma',
  'indigenous',
  'gender',
  'lgbti',
  'marriage',
  'labour',
  'employment',
  'corruption',
  'elections',
  'death penalty',
  'juvenile justice',
  'birth registration',
  'hate speech',
  'domestic violence',
  'optional protocol',
  'national human rights institution',
  'climate',
  'water',
  'food',
  'privacy',
  'counter-terrorism',
  'statelessness',
  'caribbean',
  'aruba',
  'curaçao',
  'sint maarten',
  'ratify',
];
const FILTERS = ['', '&mechanism=upr', '&position=supported', '&position=noted', '&state=Netherlands'];
const STATES = ['Netherlands', 'Belgium', 'Germany', 'France', 'Canada', 'Brazil', 'India', 'Kenya'];

/** A deterministic sequence of varied searches (a small linear congruential generator). */
function searches(seed: number) {
  let x = seed * 2654435761 + 1;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  return () => {
    const kind = next(10);
    const page = `&page=${1 + next(3)}`;
    if (kind === 0) return '';
    if (kind === 1) return `state=${STATES[next(STATES.length)]}${page}`;
    if (kind === 2) return `recommendingState=${STATES[next(STATES.length)]}`;
    return `q=${encodeURIComponent(WORDS[next(WORDS.length)]!)}${FILTERS[next(FILTERS.length)]}${page}`;
  };
}

/** The child process: a database with the extract imported and a server on a free port. */
async function serve(databaseUrl: string | undefined) {
  const { openDb } = await import('../src/core/db.ts');
  const { migrate } = await import('../src/core/migrate.ts');
  const { seedReferenceData } = await import('../src/reference/seed.ts');
  const { readUprInfo } = await import('../src/recommendations/import-upr-info.ts');
  const { storeRecords } = await import('../src/recommendations/store.ts');
  const { systemActor } = await import('../src/core/actor.ts');
  const { startServer } = await import('../src/server/app.ts');
  const { loadConfig } = await import('../src/core/config.ts');
  const { facetCacheFigures } = await import('../src/recommendations/service.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-load-'));
  const db = await openDb({ databaseUrl, dataDir });
  await migrate(db);
  await seedReferenceData(db);
  const read = readUprInfo(new Uint8Array(fs.readFileSync(FILE)));
  const summary = await storeRecords(db, systemActor('bench'), {
    kind: 'upr-info',
    fileName: path.basename(FILE),
    sha256: 'bench',
    records: read.records,
    rowErrors: [],
    totalRows: read.totalRows,
  });
  await db.exec('analyze');
  const config = { ...loadConfig({ PORT: '0' }), host: '127.0.0.1', port: 0, dataDir };
  const server = await startServer({ db, config });
  process.stdout.write(`READY ${server.url} ${summary.created}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    const { hits, misses } = facetCacheFigures(db);
    process.stdout.write(`CACHE ${hits} ${misses}\n`);
    void server
      .close()
      .then(() => db.close())
      .finally(() => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** Timed GET; a request that takes longer than 10 s counts as a timeout. */
async function get(url: string): Promise<{ ms: number; ok: boolean; timeout: boolean }> {
  const t = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.arrayBuffer();
    return { ms: performance.now() - t, ok: res.ok, timeout: false };
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError';
    return { ms: performance.now() - t, ok: false, timeout };
  }
}

/** Starts the server in a child process, runs the clients and the probe, prints the figures. */
export async function loadFigures(engine: 'pglite' | 'postgresql', databaseUrl?: string, cache = true) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REMINDER_INTERVAL_MINUTES: '0',
    RIGHTSDESK_SEARCH_CACHE: cache ? 'true' : 'false',
    // 50 clients from one address, each search computed: the figures are the search's, not the
    // public answer cache's or the per-client limit's (src/server/public-cache.ts, public-limit.ts).
    RIGHTSDESK_PUBLIC_CACHE: 'false',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
  };
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), 'serve', ...(databaseUrl ? [databaseUrl] : [])],
    { env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise((r) => child.once('exit', r));
  let out = '';
  let report = '';
  try {
    const [url, imported] = await new Promise<[string, string]>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+) (\d+)/.exec(out);
        if (m) resolve([m[1]!, m[2]!]);
      });
      child.once('exit', (code) => reject(new Error(`the bench server stopped (exit ${code})`)));
    });
    const search: number[] = [];
    const probe = { health: [] as number[], static: [] as number[] };
    let timeouts = 0;
    let failed = 0;
    const until = performance.now() + SECONDS * 1000;
    const distinct = new Set<string>();
    const client = async (n: number) => {
      const nextSearch = searches(n + 1);
      while (performance.now() < until) {
        const query = nextSearch();
        distinct.add(query);
        const r = await get(`${url}/api/recommendations?${query}`);
        search.push(r.ms);
        if (r.timeout) timeouts++;
        else if (!r.ok) failed++;
      }
    };
    const prober = async () => {
      while (performance.now() < until) {
        probe.health.push((await get(`${url}/api/health`)).ms);
        probe.static.push((await get(`${url}/`)).ms);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), prober()]);
    search.sort((a, b) => a - b);
    probe.health.sort((a, b) => a - b);
    probe.static.sort((a, b) => a - b);
    const goal = engine === 'pglite' ? 1000 : 300;
    report +=
      `\n[${engine}] load: ${CLIENTS} clients searching for ${SECONDS} s against a server on 127.0.0.1 ` +
      `(${imported} UPR Info recommendations), ${distinct.size} different searches, facet cache ` +
      `${cache ? 'on' : 'off (RIGHTSDESK_SEARCH_CACHE=false)'}\n`;
    report += [
      `  ${search.length} searches (${(search.length / SECONDS).toFixed(1)}/s): p50 ${ms(pct(search, 0.5))}, ` +
        `p95 ${ms(pct(search, 0.95))}, p99 ${ms(pct(search, 0.99))} (goal p99 < ${goal} ms); ` +
        `timeouts (> 10 s): ${timeouts}${engine === 'pglite' ? ' (goal 0)' : ''}; other failures: ${failed}`,
      `  meanwhile /api/health p50 ${ms(pct(probe.health, 0.5))}, max ${ms(pct(probe.health, 1))}; ` +
        `index.html p50 ${ms(pct(probe.static, 0.5))}, max ${ms(pct(probe.static, 1))} (goal: at once, < 100 ms)`,
    ].join('\n');
  } finally {
    child.stdin.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill();
  }
  const cached = /CACHE (\d+) (\d+)/.exec(out);
  if (cached && cache) {
    const [hits, misses] = [Number(cached[1]), Number(cached[2])];
    report += `\n  facet counts reused for ${((100 * hits) / Math.max(1, hits + misses)).toFixed(0)}% of the searches (${hits} of ${hits + misses})`;
  }
  console.log(report);
}

if (process.argv[2] === 'serve') await serve(process.argv[3]);
