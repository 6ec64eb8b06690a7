/**
 * `npm test`: every check there is, in order: type check, lint and format, unit and API tests
 * (vitest, against PGlite, or PostgreSQL when TEST_DATABASE_URL is set), then the browser tests
 * (Playwright in the system Chromium). With CI=true a missing browser is a failure, not a skip.
 * Ends with one line "Tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CI = process.env.CI === 'true';
const CHROMIUM = '/usr/bin/chromium';
const bin = (name: string) => path.join('node_modules', '.bin', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdesk-test-'));
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one step

let passed = 0;
let failed = 0;
let skipped = 0;
const failures: string[] = [];

function run(step: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${step}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(step);
  return r.status === 0;
}
const wanted = (step: string) => only.length === 0 || only.includes(step);

console.log(
  `Database for the tests: ${process.env.TEST_DATABASE_URL ? `PostgreSQL (${process.env.TEST_DATABASE_URL})` : 'PGlite (embedded)'}`,
);

if (wanted('static')) {
  if (!run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) failed++;
  if (!run('lint', bin('eslint'), ['.', '--max-warnings=0'])) failed++;
  if (!run('format', bin('prettier'), ['--check', '.', '--log-level=warn'])) failed++;
}

if (wanted('unit')) {
  const out = path.join(tmp, 'vitest.json');
  run('unit and API tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numFailedTestSuites: number;
    };
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
    skipped += r.numPendingTests;
  } else failed++;
}

if (wanted('e2e')) {
  if (!fs.existsSync(CHROMIUM)) {
    const msg = `Chromium is not installed at ${CHROMIUM}: the browser tests cannot run (apt-get install chromium).`;
    if (CI) {
      console.error(`FAIL: ${msg}`);
      failures.push('browser tests');
      failed++;
    } else {
      console.warn(`SKIPPED: ${msg}`);
    }
  } else if (run('web build', bin('vite'), ['build', '--logLevel', 'warn'])) {
    const out = path.join(tmp, 'playwright.json');
    run('browser tests', bin('playwright'), ['test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    if (fs.existsSync(out)) {
      const r = JSON.parse(fs.readFileSync(out, 'utf8')) as {
        stats: { expected: number; unexpected: number; skipped: number; flaky: number };
      };
      passed += r.stats.expected + r.stats.flaky;
      failed += r.stats.unexpected;
      skipped += r.stats.skipped;
      if (r.stats.unexpected === 0 && failures.includes('browser tests')) failed++;
    } else failed++;
  } else failed++;
}

fs.rmSync(tmp, { recursive: true, force: true });
if (failures.length) console.error(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
