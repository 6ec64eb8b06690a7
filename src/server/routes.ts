import type { FastifyInstance } from 'fastify';
import { healthRoutes } from '../core/health-routes.ts';
import { authRoutes } from '../auth/routes.ts';
import { userRoutes } from '../users/routes.ts';
import { auditRoutes } from '../audit/routes.ts';
import { organisationRoutes } from '../organisations/routes.ts';
import { instrumentRoutes } from '../instruments/routes.ts';
import { cycleRoutes } from '../cycles/routes.ts';
import { documentRoutes } from '../documents/routes.ts';
import { taxonomyRoutes } from '../taxonomy/routes.ts';

/** All API routes, mounted under /api. Each feature owns its routes file. */
export async function registerRoutes(app: FastifyInstance) {
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(organisationRoutes);
  await app.register(instrumentRoutes);
  await app.register(cycleRoutes);
  await app.register(documentRoutes);
  await app.register(taxonomyRoutes);
}
