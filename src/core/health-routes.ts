import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serverVersion, type Db } from './db.ts';
import { nowIso } from './dates.ts';
import { latestMigrationId } from './migrate.ts';

/** A database check this recent is answered from memory; an older one is redone in the background. */
const FRESH_MS = 5_000;
/** With no successful check for this long, the application reports itself degraded. */
const STALE_MS = 30_000;

interface Check {
  version: string;
  schema: string;
  /** When the database last answered (ms since the epoch). */
  answeredAt: number;
}

/**
 * The database's state as last seen. The health check answers at once from it, so that a load
 * balancer's probe never waits behind queued searches (PGlite runs one statement at a time); a
 * check older than five seconds is renewed in the background, and one older than thirty seconds
 * makes the answer "degraded".
 */
function databaseWatch(db: Db) {
  let last: Check | undefined;
  let running: Promise<Check | undefined> | undefined;
  const refresh = () =>
    (running ??= (async () => {
      try {
        const version = await serverVersion(db);
        const m = await db.query<{ id: string | null }>('select max(id) as id from schema_migrations');
        last = { version, schema: m.rows[0]?.id ?? '', answeredAt: Date.now() };
      } catch {
        /* the database did not answer: `last` ages until it does */
      } finally {
        running = undefined;
      }
      return last;
    })());
  return async (): Promise<Check | undefined> => {
    if (!last) return refresh();
    if (Date.now() - last.answeredAt > FRESH_MS) void refresh();
    return last;
  };
}

export async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const database = databaseWatch(app.db);
  // The first check runs at start, so that the first probe does not wait for it.
  void database();
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getHealth',
        tags: ['system'],
        summary: 'Whether the application and its database are up',
        description:
          'Answers at once from the last check of the database (renewed in the background when older than ' +
          '5 seconds); "degraded" when the database schema is not the one this version expects or the ' +
          'database has not answered for 30 seconds.',
        response: {
          200: z.object({
            status: z.enum(['ok', 'degraded']),
            engine: z.enum(['pglite', 'postgresql']),
            version: z.string(),
            schema: z.string(),
            checkedAt: z.string().nullable(),
            time: z.string(),
          }),
        },
      },
    },
    async () => {
      const check = await database();
      const ok = !!check && check.schema === latestMigrationId() && Date.now() - check.answeredAt < STALE_MS;
      return {
        status: ok ? ('ok' as const) : ('degraded' as const),
        engine: app.db.engine,
        version: check?.version ?? '',
        schema: check?.schema ?? '',
        checkedAt: check ? new Date(check.answeredAt).toISOString() : null,
        time: nowIso(),
      };
    },
  );
}
