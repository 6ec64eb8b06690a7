/** The follow-up routes: position and responsibility (responsibility-routes.ts), progress and the worklist (progress-routes.ts). */
import type { FastifyInstance } from 'fastify';
import { responsibilityRoutes } from './responsibility-routes.ts';
import { progressRoutes } from './progress-routes.ts';
import { overviewRoutes } from './overview-routes.ts';

export async function followUpRoutes(app: FastifyInstance) {
  await app.register(responsibilityRoutes);
  await app.register(progressRoutes);
  await app.register(overviewRoutes);
}
