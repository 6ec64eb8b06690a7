/** What the commands share: the configuration, the acting "user" of the command line, the database. */
import { systemActor, type Actor } from '../core/actor.ts';
import { loadConfig } from '../core/config.ts';
import { openDb, type Db } from '../core/db.ts';
import { migrate } from '../core/migrate.ts';
import { cliErrors } from './errors.ts';

export const config = loadConfig();

/** The command line acts as the system, named after the operating-system user. */
export const cliActor = (): Actor => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

/** Opens the database, brings its schema up to date, runs fn, and closes the database again. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db, { ownerUrl: config.migrationDatabaseUrl });
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The id of an organisation by its code (case does not matter). */
export async function organisationId(db: Db, code: string): Promise<string> {
  const r = await db.query<{ id: string }>('select id from organisations where lower(code) = lower($1)', [
    code,
  ]);
  if (!r.rows[0]) throw cliErrors.unknown_organisation({ code });
  return r.rows[0].id;
}
