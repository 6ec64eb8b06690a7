import crypto from 'node:crypto';
import pg from 'pg';
import { openDb, withDefaultUser, type Db } from '../core/db.ts';
import { migrate } from '../core/migrate.ts';

/**
 * A fresh, migrated database for one test file: PGlite in memory, or, when TEST_DATABASE_URL is
 * set, a new database on that PostgreSQL server (dropped again by close()).
 */
export async function testDb(): Promise<Db> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDb({ dataDir: 'memory://' });
    await migrate(db);
    return db;
  }
  const { url: dbUrl, drop } = await createTempDatabase(url);
  const db = await openDb({ databaseUrl: dbUrl });
  await migrate(db);
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    await drop();
  };
  return db;
}

/** Creates an empty database next to the one in `url`; returns its URL and a function that drops it. */
export async function createTempDatabase(serverUrl: string, prefix = 'rd_test') {
  const url = withDefaultUser(serverUrl);
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const engineName = () => (process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');
