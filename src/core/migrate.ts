import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  id: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** The id of the newest migration this code knows: a backup records it. */
export function latestMigrationId(): string {
  const all = listMigrations();
  return all[all.length - 1]?.id ?? '';
}

/**
 * Applies the migrations not yet applied, each in its own transaction, in file-name order.
 * Returns the ids it applied. The same SQL runs on PGlite and PostgreSQL.
 */
export async function migrate(db: Db): Promise<string[]> {
  // Serialise concurrent starts against the same PostgreSQL database, from the very first statement.
  const lock = async (tx: Queryable) => {
    if (db.engine === 'postgresql') await tx.query('select pg_advisory_xact_lock(7245031)');
  };
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.query(`create table if not exists schema_migrations (
      id text primary key, applied_at timestamptz not null default now())`);
  });
  const applied = new Set(
    (await db.query<{ id: string }>('select id from schema_migrations')).rows.map((r) => r.id),
  );
  const done: string[] = [];
  for (const m of listMigrations()) {
    if (applied.has(m.id)) continue;
    await db.transaction(async (tx) => {
      await lock(tx);
      const again = await tx.query('select 1 from schema_migrations where id = $1', [m.id]);
      if (again.rowCount > 0) return;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (id) values ($1)', [m.id]);
      done.push(m.id);
    });
  }
  return done;
}
