/**
 * The server for the browser tests: the real application on a fresh database, with three users.
 * - PGlite in a new temporary directory (default), or
 * - a new database rd_e2e_<random> on the PostgreSQL server of TEST_DATABASE_URL (dropped afterwards).
 * Listens on 127.0.0.1:$E2E_PORT, default 3105 (playwright.config.ts waits for /api/health). Stops on SIGTERM/SIGINT.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/core/config.ts';
import { openDb, type Db } from '../src/core/db.ts';
import { migrate } from '../src/core/migrate.ts';
import { seedReferenceData } from '../src/reference/seed.ts';
import { createUser } from '../src/users/service.ts';
import { systemActor } from '../src/core/actor.ts';
import { startServer } from '../src/server/app.ts';
import { createTempDatabase } from '../src/test/db.ts';

const E2E_PORT = process.env.E2E_PORT ?? '3105';
// Every browser of the suite is 127.0.0.1: the per-client limit of anonymous reads is off here
// (src/server/public-limit.test.ts tests it).
process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ??= '0';
const E2E_PASSWORD = 'correct horse battery staple';

const cleanups: (() => Promise<void>)[] = [];

async function createTestDatabase(serverUrl: string): Promise<string> {
  const { url, drop } = await createTempDatabase(serverUrl, 'rd_e2e');
  cleanups.push(drop);
  return url;
}

async function main() {
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    databaseUrl = await createTestDatabase(process.env.TEST_DATABASE_URL);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdesk-e2e-'));
    const dir = dataDir;
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  }

  const config = loadConfig({
    ...process.env,
    PORT: E2E_PORT,
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl ?? '',
    RIGHTSDESK_DATA_DIR: dataDir ?? path.join(os.tmpdir(), 'rightsdesk-e2e-unused'),
  });
  const db: Db = await openDb({ databaseUrl, dataDir });
  cleanups.unshift(() => db.close());

  await migrate(db);
  await seedReferenceData(db);
  const actor = systemActor('e2e');
  const bzk = await db.query<{ id: string }>("select id from organisations where code = 'BZK'");
  const bzkId = bzk.rows[0]?.id;
  if (!bzkId) throw new Error("The reference data has no organisation with code 'BZK'.");
  await createUser(db, actor, {
    email: 'admin@example.org',
    name: 'Ada Admin',
    role: 'admin',
    password: E2E_PASSWORD,
  });
  await createUser(db, actor, {
    email: 'coordinator@example.org',
    name: 'Cor Coördinator',
    role: 'coordinator',
    organisationId: bzkId,
    password: E2E_PASSWORD,
  });
  await createUser(db, actor, {
    email: 'observer@example.org',
    name: 'Olga Observer',
    role: 'observer',
    password: E2E_PASSWORD,
  });

  const server = await startServer({ db, config });
  cleanups.unshift(() => server.close());
  console.log(`e2e server at ${server.url} (${db.engine}${dataDir ? ` in ${dataDir}` : ''})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the e2e server`);
    for (const fn of cleanups) {
      try {
        await fn();
      } catch (err) {
        console.error('cleanup failed:', err);
      }
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch(async (err) => {
  console.error(err);
  for (const fn of cleanups) await fn().catch(() => undefined);
  process.exit(1);
});
