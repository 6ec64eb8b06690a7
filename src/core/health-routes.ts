import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nowIso } from './dates.ts';
import { serverVersion } from './db.ts';
import { latestMigrationId } from './migrate.ts';

export async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Whether the application and its database are up',
        response: {
          200: z.object({
            status: z.enum(['ok', 'degraded']),
            engine: z.enum(['pglite', 'postgresql']),
            version: z.string(),
            schema: z.string(),
            time: z.string(),
          }),
        },
      },
    },
    async () => {
      const version = await serverVersion(app.db);
      const m = await app.db.query<{ id: string | null }>('select max(id) as id from schema_migrations');
      const schema = m.rows[0]?.id ?? '';
      return {
        status: schema === latestMigrationId() ? ('ok' as const) : ('degraded' as const),
        engine: app.db.engine,
        version,
        schema,
        time: nowIso(),
      };
    },
  );
}
