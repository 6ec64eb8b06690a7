import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // PGlite on the test's own thread (pglite-worker.test.ts tests the worker thread, and the browser
    // tests run the real server). Node 24's V8 can abort a process whose threads compile and free
    // WebAssembly code at once ("Check failed: jit_page.has_value()", nodejs/node#64500); a test
    // process opens dozens of databases, each of which would be a thread of its own.
    env: { NODE_ENV: 'test', RIGHTSDESK_PGLITE_WORKER: 'false' },
  },
});
