/**
 * Start-up figures: spawns the real commands and measures, on the wall clock,
 * - `npm start` until GET /api/health answers 200 (the browser app built beforehand):
 *   - a fresh data directory as the first start after `npm ci` meets it: no image of the migrated database
 *     yet (its own empty cache, RIGHTSDESK_DB_IMAGE_DIR), so initdb, migrations, reference data, keeping the
 *     image, first administrator;
 *   - fresh data directories after that: a copy of the image, first administrator;
 *   - the existing data directory of the first;
 * - `rightsdesk --help` (bin/rightsdesk.js and src/cli/main.ts), beside a bare `node -e 0`.
 * Goals: an existing data directory answers within 1 s, a fresh one within 3 s.
 * Run alone: `node bench/startup.ts`.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { buildForBench } from './bundle.ts';

export const EXISTING_GOAL_S = 1;
export const FRESH_GOAL_S = 3;
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Milliseconds from spawning `npm start` until /api/health answers 200; the server is stopped after. */
async function timeToHealth(dataDir: string, webDist: string, imageDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RIGHTSDESK_DATA_DIR: dataDir,
    RIGHTSDESK_WEB_DIST: webDist,
    RIGHTSDESK_DB_IMAGE_DIR: imageDir,
    PORT: String(port),
    REMINDER_INTERVAL_MINUTES: '0',
  };
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  try {
    for (;;) {
      if (done) throw new Error(`npm start ended before answering:\n${stderr}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 60_000) throw new Error(`no answer within 60 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    // npm, the shell and node form one process group: stop them together, and wait (the lock is released).
    if (!done) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

/** Wall-clock milliseconds of a command (median of runs). */
function timeCommand(cmd: string, args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function startupFigures(): Promise<{ firstMs: number; freshMs: number; existingMs: number }> {
  const webDist = buildForBench();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-startup-'));
  const dataDir = path.join(tmp, 'data');
  const imageDir = path.join(tmp, 'image');
  try {
    const firstMs = await timeToHealth(dataDir, webDist, imageDir);
    const fresh: number[] = [];
    for (let i = 0; i < RUNS; i++)
      fresh.push(await timeToHealth(path.join(tmp, `fresh-${i}`), webDist, imageDir));
    const freshMs = median(fresh);
    const existing: number[] = [];
    for (let i = 0; i < RUNS; i++) existing.push(await timeToHealth(dataDir, webDist, imageDir));
    const existingMs = median(existing);
    const node = process.execPath;
    const bare = timeCommand(node, ['-e', '0']);
    const main = timeCommand(node, ['src/cli/main.ts', '--help']);
    const bin = timeCommand(node, ['bin/rightsdesk.js', '--help']);
    const all = (xs: number[]) => `[${xs.map((x) => (x / 1000).toFixed(2)).join(', ')}]`;
    console.log('\n[start-up] wall clock, PGlite, browser app already built:');
    console.log(
      `  npm start → /api/health 200: fresh data directory ${secs(freshMs)}, median of ${RUNS} ${all(fresh)} ` +
        `(goal < ${FRESH_GOAL_S} s; from the image); the first one after npm ci, without an image yet ` +
        `(initdb, migrations, reference data, keeping the image) ${secs(firstMs)}; ` +
        `existing data directory ${secs(existingMs)}, median of ${RUNS} ${all(existing)} (goal < ${EXISTING_GOAL_S} s)`,
    );
    console.log(
      `  rightsdesk --help: bin/rightsdesk.js ${secs(bin)}, src/cli/main.ts ${secs(main)} (bare node ${secs(bare)}; ` +
        'before: 0.48 s, npx rightsdesk --help 1.27 s)',
    );
    return { firstMs, freshMs, existingMs };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(webDist, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await startupFigures();
