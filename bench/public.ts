/**
 * Public load figures for `npm run bench` (and `npm run bench -- public`): 100 visitors without an
 * account reading the public pages of published recommendations (/openbaar/aanbevelingen/<id>, the
 * server-rendered portal of src/portal) at once, on PostgreSQL with 250,000 recommendations (the
 * database the search and follow-up figures grew). 10,000 of them are published, every 25th, each with
 * an approved progress update. The server runs in a child process (this file with `serve`), so the
 * visitors do not share its event loop; on this machine they share its two cores. Printed:
 * - with the server's cache of public answers as it runs (src/server/public-cache.ts): first every page
 *   read once (each a miss, as after a publication a search engine's crawler reads them), then 20
 *   seconds of pages drawn at random by each visitor from its own seeded sequence (each read before,
 *   nothing published since: the steady state the cache is for);
 * - with the cache switched off: 20 seconds of random pages, each read from the database.
 * The limit of requests per client address is switched off: the 100 visitors share one address here.
 * Goal: p95 < 50 ms on PostgreSQL for the random reads. BENCH_PUBLIC_CLIENTS and BENCH_PUBLIC_SECONDS
 * change 100 and 20.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/core/db.ts';
import { user } from './followup.ts';

const CLIENTS = Number(process.env.BENCH_PUBLIC_CLIENTS ?? 100);
const SECONDS = Number(process.env.BENCH_PUBLIC_SECONDS ?? 20);
const PUBLISHED = 10_000;
const GOAL_P95 = 50;
const TIMEOUT_MS = 10_000;

/** Publishes every 25th recommendation (10,000), each with one approved progress update; done once. */
export async function publishForBench(db: Db): Promise<string[]> {
  const total = (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  const have = (await db.query<{ n: number }>('select count(*)::int as n from recommendation_publications'))
    .rows[0]!.n;
  if (have < PUBLISHED) {
    const [author, approver] = [await user(db, 'contributor', 'VWS'), await user(db, 'coordinator', 'VWS')];
    await db.query(
      `with picked as (
         select id from (select id, row_number() over (order by fingerprint) as n from recommendations) x
          where n % $1::int = 0 limit $2::int)
       , org as (select id from organisations where code = 'VWS')
       , progress as (
         insert into progress_updates (recommendation_id, status, text, period_start, period_end, state,
                                       organisation_id, created_by, approved_by, approved_at, created_at)
         select p.id, 'in_progress', 'Public progress of ' || p.id, date '2025-01-01', date '2025-12-31',
                'approved', org.id, $3::uuid, $4::uuid, now(), now()
           from picked p cross join org
          where not exists (select 1 from progress_updates u where u.recommendation_id = p.id and u.state = 'approved'))
       insert into recommendation_publications (recommendation_id)
       select id from picked on conflict (recommendation_id) do nothing`,
      [Math.max(1, Math.floor(total / PUBLISHED)), PUBLISHED, author, approver],
    );
    await db.exec('analyze recommendation_publications; analyze progress_updates');
  }
  return (
    await db.query<{ id: string }>(
      'select recommendation_id as id from recommendation_publications order by recommendation_id',
    )
  ).rows.map((r) => r.id);
}

/** The child process: a server on a free port over the database at the URL. */
async function serve(databaseUrl: string) {
  const { openDb } = await import('../src/core/db.ts');
  const { startServer } = await import('../src/server/app.ts');
  const { loadConfig } = await import('../src/core/config.ts');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-public-'));
  const db = await openDb({ databaseUrl, dataDir });
  const config = { ...loadConfig({ PORT: '0' }), host: '127.0.0.1', port: 0, dataDir };
  const server = await startServer({ db, config });
  process.stdout.write(`READY ${server.url}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
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
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;

/** A deterministic sequence of indexes below n, evenly spread (the high bits of a linear congruential generator). */
function sequence(seed: number, n: number) {
  let x = (seed * 2654435761) % 2147483648;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
}

interface Figures {
  times: number[];
  pages: Set<number>;
  failed: number;
  timeouts: number;
  seconds: number;
}

/** Timed reads of the pages the visitors' next() gives, by CLIENTS visitors at once, while more() says so. */
async function read(
  url: string,
  ids: string[],
  next: (visitor: number) => number | null,
  more: () => boolean,
): Promise<Figures> {
  const f: Figures = { times: [], pages: new Set(), failed: 0, timeouts: 0, seconds: 0 };
  const start = performance.now();
  const visitor = async (n: number) => {
    while (more()) {
      const i = next(n);
      if (i === null) return;
      f.pages.add(i);
      const t = performance.now();
      try {
        const res = await fetch(`${url}/openbaar/aanbevelingen/${ids[i]}`, {
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.arrayBuffer();
        if (res.status !== 200) f.failed++;
      } catch (err) {
        if ((err as Error).name === 'TimeoutError') f.timeouts++;
        else f.failed++;
      }
      f.times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => visitor(n)));
  f.seconds = (performance.now() - start) / 1000;
  f.times.sort((a, b) => a - b);
  return f;
}

function line(label: string, f: Figures, goal: boolean): string {
  const p95 = pct(f.times, 0.95);
  const verdict = goal ? ` (goal < ${GOAL_P95} ms${p95 < GOAL_P95 ? ', met' : ', NOT met'})` : '';
  return (
    `  ${label}: ${f.times.length} pages (${(f.times.length / f.seconds).toFixed(0)}/s, ${f.pages.size} different), ` +
    `p50 ${ms(pct(f.times, 0.5))}, p95 ${ms(p95)}${verdict}, p99 ${ms(pct(f.times, 0.99))}; ` +
    `timeouts: ${f.timeouts}, other failures: ${f.failed}`
  );
}

async function run(databaseUrl: string, ids: string[], cache: boolean): Promise<string[]> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    REMINDER_INTERVAL_MINUTES: '0',
    RIGHTSDESK_PUBLIC_CACHE: cache ? 'true' : 'false',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'serve', databaseUrl], {
    env,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /READY (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`the bench server stopped (exit ${code})`)));
    });
    // One page read first: the figures are of reads, not of the server's first request.
    const first = await fetch(`${url}/openbaar/aanbevelingen/${ids[0]}`);
    if (first.status !== 200) throw new Error(`the public page answered ${first.status}`);
    await first.arrayBuffer();
    const lines: string[] = [];
    if (cache) {
      // Every page once, as a search engine's crawler reads them after a publication: each one a miss.
      let k = 0;
      const once = await read(
        url,
        ids,
        () => (k < ids.length ? k++ : null),
        () => k < ids.length,
      );
      lines.push(line('cache on, each page read for the first time', once, false));
    }
    const until = performance.now() + SECONDS * 1000;
    const draws = Array.from({ length: CLIENTS }, (_, n) => sequence(n + 1, ids.length));
    const again = await read(
      url,
      ids,
      (n) => draws[n]!(),
      () => performance.now() < until,
    );
    lines.push(
      line(
        cache
          ? `cache on, ${SECONDS} s of pages drawn at random (read before, nothing published since)`
          : `cache off (RIGHTSDESK_PUBLIC_CACHE=false), ${SECONDS} s of pages drawn at random`,
        again,
        true,
      ),
    );
    return lines;
  } finally {
    child.stdin.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill();
  }
}

/** Publishes the recommendations, then reads their pages with the cache on and off; prints the figures. */
export async function publicFigures(db: Db, databaseUrl: string): Promise<void> {
  const total = (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  const ids = await publishForBench(db);
  const lines = [
    `\n[postgresql] public load: ${CLIENTS} visitors reading published recommendations' pages for ${SECONDS} s ` +
      `(${ids.length} published of ${total} recommendations)`,
  ];
  for (const cache of [true, false]) lines.push(...(await run(databaseUrl, ids, cache)));
  console.log(lines.join('\n'));
}

if (process.argv[2] === 'serve') await serve(process.argv[3]!);
