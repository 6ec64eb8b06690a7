import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../core/dates.ts';
import { signedInActor } from '../server/access.ts';
import { dashboardCsv, dashboardXlsx } from './download.ts';
import { progressDashboard } from './progress.ts';
import { overdue } from './overdue.ts';
import { priorities } from './priorities.ts';
import { prioritiesCsv, prioritiesXlsx } from './priorities-download.ts';
import { DashboardFormat, DashboardQuery, Overdue, Priorities, ProgressDashboard } from './schema.ts';

const Lang = { lang: z.enum(['nl', 'en']).default('nl') };
const DownloadQuery = DashboardQuery.extend(Lang);
const PrioritiesQuery = DashboardQuery.omit({ groupBy: true });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['dashboards'];
  app.get(
    '/dashboards/progress',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getProgressDashboard',
        tags,
        summary:
          'Recommendations of a search counted by the status of their latest approved progress, per group',
        querystring: DashboardQuery,
        response: { 200: ProgressDashboard },
      },
    },
    async (req) => {
      signedInActor(req);
      return progressDashboard(app.db, req.query);
    },
  );
  app.get(
    '/dashboards/progress.:format',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'exportProgressDashboard',
        tags,
        summary: 'The numbers of the progress dashboard as .csv or .xlsx (?lang=nl|en)',
        params: DashboardFormat,
        querystring: DownloadQuery,
        response: { 200: z.any().describe('a .csv or .xlsx file') },
      },
    },
    async (req, reply) => {
      signedInActor(req);
      const { lang, ...query } = req.query;
      const d = await progressDashboard(app.db, query);
      const name = `${lang === 'nl' ? 'voortgang' : 'progress'}-${d.groupBy}-${today()}.${req.params.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (req.params.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(dashboardCsv(d, lang));
      return reply.type(XLSX).send(await dashboardXlsx(d, lang));
    },
  );
  app.get(
    '/dashboards/priorities',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getPrioritiesDashboard',
        tags,
        summary:
          "Treaty bodies' follow-up priority recommendations with the deadline of the follow-up report",
        querystring: PrioritiesQuery,
        response: { 200: Priorities },
      },
    },
    async (req) => {
      signedInActor(req);
      return priorities(app.db, req.query);
    },
  );
  app.get(
    '/dashboards/priorities.:format',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'exportPrioritiesDashboard',
        tags,
        summary: 'The follow-up priorities of the same search as .csv or .xlsx (?lang=nl|en)',
        params: DashboardFormat,
        querystring: PrioritiesQuery.extend(Lang),
        response: { 200: z.any().describe('a .csv or .xlsx file') },
      },
    },
    async (req, reply) => {
      signedInActor(req);
      const { lang, ...query } = req.query;
      const p = await priorities(app.db, query);
      const name = `${lang === 'nl' ? 'prioriteiten' : 'priorities'}-${today()}.${req.params.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (req.params.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(prioritiesCsv(p, lang));
      return reply.type(XLSX).send(await prioritiesXlsx(p, lang));
    },
  );
  app.get(
    '/dashboards/overdue',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getOverdueDashboard',
        tags,
        summary:
          'Overdue actions, recommendations without recent progress and drafts waiting, per organisation',
        response: { 200: Overdue },
      },
    },
    async (req) => {
      signedInActor(req);
      return overdue(app.db);
    },
  );
}
