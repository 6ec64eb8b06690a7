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
import { processRoutes } from '../process/routes.ts';
import { meetingRoutes } from '../meetings/routes.ts';
import { consultationRoutes } from '../consultations/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { recommendationRoutes } from '../recommendations/routes.ts';
import { followUpRoutes } from '../followup/routes.ts';
import { actionRoutes } from '../actions/routes.ts';
import { clusterRoutes } from '../clusters/routes.ts';
import { dashboardRoutes } from '../dashboards/routes.ts';
import { commentRoutes } from '../comments/routes.ts';
import { letterRoutes } from '../letters/routes.ts';
import { wooRoutes } from '../woo/routes.ts';
import { senderRoutes } from '../letters/sender-routes.ts';
import { commitmentRoutes } from '../commitments/routes.ts';
import { responsePointRoutes } from '../commitments/from-response-routes.ts';
import { reportRoutes } from '../report/routes.ts';
import { hrcRoutes } from '../hrc/routes.ts';
import { contributionRoutes } from '../report/contributions-routes.ts';
import { exampleRoutes } from '../report/examples-routes.ts';
import { tokenRoutes } from '../tokens/routes.ts';

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
  await app.register(processRoutes);
  await app.register(meetingRoutes);
  await app.register(consultationRoutes);
  await app.register(notificationRoutes);
  await app.register(calendarRoutes);
  await app.register(recommendationRoutes);
  await app.register(followUpRoutes);
  await app.register(actionRoutes);
  await app.register(clusterRoutes);
  await app.register(dashboardRoutes);
  await app.register(commentRoutes);
  await app.register(letterRoutes);
  await app.register(wooRoutes);
  await app.register(senderRoutes);
  await app.register(commitmentRoutes);
  await app.register(responsePointRoutes);
  await app.register(reportRoutes);
  await app.register(hrcRoutes);
  await app.register(contributionRoutes);
  await app.register(exampleRoutes);
  await app.register(tokenRoutes);
}
