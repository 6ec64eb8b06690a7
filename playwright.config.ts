import { defineConfig } from '@playwright/test';

// E2E_PORT lets two test runs on one machine use different ports.
const PORT = Number(process.env.E2E_PORT ?? 3105);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // The walk-throughs (every page in Dutch, the keyboard, the follow-up path, merging) add
  // recommendations of their own: they run after the other specs, whose counts start from an empty
  // database.
  projects: [
    {
      name: 'features',
      testIgnore:
        /(dutch|keyboard|followup[a-z-]*|dashboards|comments|merge-split|letters|commitments|hrc|report[a-z-]*|portal[a-z-]*)\.spec\.ts/,
    },
    {
      name: 'walk-throughs',
      testMatch:
        /(dutch|keyboard|followup[a-z-]*|dashboards|comments|merge-split|letters|commitments|hrc|report[a-z-]*|portal[a-z-]*)\.spec\.ts/,
      dependencies: ['features'],
    },
  ],
  webServer: {
    command: 'node e2e/serve.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // Let serve.ts close the database and remove its temporary data.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
