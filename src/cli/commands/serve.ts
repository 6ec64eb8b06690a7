import { openDb } from '../../core/db.ts';
import { migrate } from '../../core/migrate.ts';
import type { RunningServer } from '../../server/app.ts';
import { config } from '../context.ts';

/**
 * `rightsdesk serve`: migrates the database, loads the reference data and creates the first
 * administrator on a first start, then serves until SIGTERM or SIGINT (which close the server,
 * then the database).
 */
export async function serve(opts: { port: string; host: string }): Promise<void> {
  // The server's modules load while the database opens, instead of before it.
  const modules = Promise.all([
    import('../../server/app.ts'),
    import('../../reference/seed.ts'),
    import('../../users/service.ts'),
  ]);
  modules.catch(() => undefined); // a failure is reported where they are awaited, below
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let closing = false;
  const running: { server?: RunningServer } = {};
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal} received: closing the server and the database…`);
    try {
      await running.server?.close();
    } finally {
      await db.close();
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  const applied = await migrate(db, { ownerUrl: config.migrationDatabaseUrl });
  const [{ startServer }, { isSeeded, seedReferenceData }, { ensureFirstAdmin }] = await modules;
  if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);
  if (!(await isSeeded(db))) {
    console.log('Loading the reference data of the Kingdom of the Netherlands…');
    const report = await seedReferenceData(db);
    console.log(`Reference data loaded: ${JSON.stringify(report)}`);
  }
  const first = await ensureFirstAdmin(db, process.env.RIGHTSDESK_ADMIN_EMAIL);
  if (first) {
    console.log('');
    console.log('  First administrator created. This password is shown only once:');
    console.log(`    e-mail:   ${first.email}`);
    console.log(`    password: ${first.password}`);
    console.log('  You will be asked to choose a new password when you first log in.');
    console.log('');
  }
  const server = await startServer({
    db,
    config: { ...config, port: Number(opts.port), host: opts.host },
    logger: process.env.LOG_REQUESTS === 'true',
  });
  running.server = server;
  console.log(
    `Rightsdesk is running at ${server.url} (database: ${db.engine}${db.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
}
