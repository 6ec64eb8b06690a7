/** The follow-up routes: position and responsibility (responsibility-routes.ts), progress and the worklist (progress-routes.ts), the files of progress updates (progress-files-routes.ts), publication (publish-routes.ts). */
import type { FastifyInstance } from 'fastify';
import { responsibilityRoutes } from './responsibility-routes.ts';
import { progressRoutes } from './progress-routes.ts';
import { progressFileRoutes } from './progress-files-routes.ts';
import { overviewRoutes } from './overview-routes.ts';
import { publishRoutes } from './publish-routes.ts';

export async function followUpRoutes(app: FastifyInstance) {
  await app.register(responsibilityRoutes);
  await app.register(progressRoutes);
  await app.register(progressFileRoutes);
  await app.register(overviewRoutes);
  await app.register(publishRoutes);
}
