import { copyImage, isNewDataDir, saveImage } from '../../core/db-image.ts';
import { openDb, type Db, type Engine, type Queryable } from '../../core/db.ts';
import { migrate } from '../../core/migrate.ts';
import type { RunningServer } from '../../server/app.ts';
import { config } from '../context.ts';
import { buildWebIfMissing } from '../serve-web.ts';

/**
 * The database as the application sees it while it is being built: each call waits until the
 * database is open, migrated and holds its reference data (`ready`), so that the routes are set up
 * while the database opens, and no request reaches a database that is not up to date.
 */
function whenReady(ready: Promise<Db>, engine: Engine): Db {
  return {
    engine,
    query: async <T>(sql: string, params?: unknown[]) => (await ready).query<T>(sql, params),
    exec: async (sql: string) => (await ready).exec(sql),
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => (await ready).transaction(fn),
    close: async () => (await ready).close(),
  };
}

/**
 * `rightsdesk serve`: migrates the database, loads the reference data and creates the first
 * administrator on a first start, then serves until SIGTERM or SIGINT (which close the server,
 * then the database). The server's modules load, the browser app is built if it is missing, and the
 * routes are set up while the database opens; it listens once the database is ready.
 *
 * A new embedded data directory starts as a copy of the image of the migrated database with its
 * reference data (src/core/db-image.ts); without an image for this code it is created the long way,
 * and then kept as the image before the first administrator is added.
 */
export async function serve(opts: { port: string; host: string }): Promise<void> {
  const settings = { ...config, port: Number(opts.port), host: opts.host };
  const ready = Promise.withResolvers<Db>();
  ready.promise.catch(() => undefined); // a failure is reported where the start fails, below
  const modules = Promise.all([
    import('../../server/app.ts'),
    import('../../reference/seed.ts'),
    import('../../users/service.ts'),
  ]);
  // `npm start` builds the browser app when it is missing, as its own step did before; `rightsdesk serve`
  // serves what is there.
  const web = process.env.npm_lifecycle_event === 'start' ? buildWebIfMissing() : undefined;
  const built = Promise.all([modules, web]).then(([[{ buildApp }]]) =>
    buildApp({
      db: whenReady(ready.promise, config.databaseUrl ? 'postgresql' : 'pglite'),
      config: settings,
      logger: process.env.LOG_REQUESTS === 'true',
    }),
  );
  built.catch(() => undefined); // as above
  const isNew = !config.databaseUrl && isNewDataDir(config.dataDir);
  let db: Db;
  let fromImage = false;
  try {
    fromImage = isNew && (await copyImage(config.dataDir));
    if (fromImage) console.log('Database created from the image (migrations and reference data).');
    db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    ready.reject(err);
    throw err;
  }
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
  try {
    const applied = await migrate(db, { ownerUrl: config.migrationDatabaseUrl });
    const [, { isSeeded, seedReferenceData }] = await modules;
    if (applied.length) console.log(`Database migrated: ${applied.join(', ')}`);
    if (!(await isSeeded(db))) {
      console.log('Loading the reference data of the Kingdom of the Netherlands…');
      const report = await seedReferenceData(db);
      console.log(`Reference data loaded: ${JSON.stringify(report)}`);
    }
    // Kept before anything of this installation is written; nothing else uses the database yet.
    if (isNew && !fromImage) await saveImage(db, config.dataDir);
  } catch (err) {
    ready.reject(err);
    throw err;
  }
  ready.resolve(db);
  const [{ startServer }, , { ensureFirstAdmin }] = await modules;
  const first = await ensureFirstAdmin(db, process.env.RIGHTSDESK_ADMIN_EMAIL);
  if (first) {
    console.log('');
    console.log('  First administrator created. This password is shown only once:');
    console.log(`    e-mail:   ${first.email}`);
    console.log(`    password: ${first.password}`);
    console.log('  You will be asked to choose a new password when you first log in.');
    console.log('');
  }
  const server = await startServer({ db, config: settings }, await built);
  running.server = server;
  console.log(
    `Rightsdesk is running at ${server.url} (database: ${db.engine}${db.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
}
