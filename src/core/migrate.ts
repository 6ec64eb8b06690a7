import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb, type Db, type Queryable } from './db.ts';

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

export interface MigrateOptions {
  /**
   * PostgreSQL: the connection of the role that owns the tables (MIGRATION_DATABASE_URL). When it
   * is another role than the application's, the migrations run as the owner and the application's
   * role gets only the rights it needs (see grantAppRole).
   */
  ownerUrl?: string | undefined;
}

/**
 * Applies the migrations not yet applied, each in its own transaction, in file-name order.
 * Returns the ids it applied. The same SQL runs on PGlite and PostgreSQL.
 */
export async function migrate(db: Db, opts: MigrateOptions = {}): Promise<string[]> {
  if (db.engine !== 'postgresql' || !opts.ownerUrl) return applyMigrations(db);
  const owner = await openDb({ databaseUrl: opts.ownerUrl });
  try {
    const [app, own] = await Promise.all([whoAndWhere(db), whoAndWhere(owner)]);
    if (app.database !== own.database) {
      throw new Error(
        `MIGRATION_DATABASE_URL names the database "${own.database}", DATABASE_URL "${app.database}": ` +
          'both must name the same database.',
      );
    }
    const done = await applyMigrations(owner);
    if (app.role !== own.role) await grantAppRole(owner, app.role);
    return done;
  } finally {
    await owner.close();
  }
}

async function whoAndWhere(q: Queryable): Promise<{ role: string; database: string }> {
  const r = await q.query<{ role: string; database: string }>(
    'select current_user as role, current_database() as database',
  );
  return r.rows[0]!;
}

/**
 * The rights of the application's role, given by the owner after each migration: read and write
 * the tables, but only insert into and read the audit trail (as a non-owner it can neither disable
 * its triggers nor change its rows), and only read the list of migrations.
 */
export async function grantAppRole(owner: Queryable, role: string): Promise<void> {
  const r = '"' + role.replace(/"/g, '""') + '"';
  await owner.exec(`
    grant usage on schema public to ${r};
    grant select, insert, update, delete on all tables in schema public to ${r};
    grant usage, select on all sequences in schema public to ${r};
    revoke update, delete, truncate, references, trigger on audit_events from ${r};
    revoke insert, update, delete, truncate on schema_migrations from ${r};`);
}

async function applyMigrations(db: Db): Promise<string[]> {
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
