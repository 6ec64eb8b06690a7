import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../core/dates.ts';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import {
  Deadline,
  DeadlineQuery,
  ExportQuery,
  FeedCreated,
  FeedFileParams,
  FeedStatus,
  Timeline,
  TimelineQuery,
} from './schema.ts';
import { overviewCsv, overviewXlsx } from './export.ts';
import { listDeadlines } from './deadlines.ts';
import { feedCalendar } from './feed-calendar.ts';
import { createOrgFeed, createUserFeed, feedStatus, revokeOrgFeed, revokeUserFeed } from './feeds.ts';
import { overviewFileName } from './labels.ts';
import { timeline } from './timeline.ts';

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Deadlines, the timeline of all cycles, the overview exports and the iCalendar feeds. */
export async function calendarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['deadlines'];
  app.get(
    '/overview.xlsx',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'exportTreatyOverviewXlsx',
        tags,
        summary: 'The treaty overview as an Excel workbook (?lang=nl|en)',
        querystring: ExportQuery,
        response: {
          200: z
            .any()
            .describe(
              'an .xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)',
            ),
        },
      },
    },
    async (req, reply) => {
      const body = await overviewXlsx(app.db, req.query.lang);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="${overviewFileName(req.query.lang, today(), 'xlsx')}"`,
        )
        .send(body);
    },
  );
  app.get(
    '/overview.csv',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'exportTreatyOverviewCsv',
        tags,
        summary: 'The treaty overview as CSV for Dutch Excel: UTF-8 with BOM, ";"-separated (?lang=nl|en)',
        querystring: ExportQuery,
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const body = await overviewCsv(app.db, req.query.lang);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${overviewFileName(req.query.lang, today(), 'csv')}"`,
        )
        .send(body);
    },
  );
  app.get(
    '/deadlines',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listDeadlines',
        tags,
        summary: 'Deadlines not yet met: overdue first, then those due within `within` days',
        querystring: DeadlineQuery,
        response: { 200: paged(Deadline) },
      },
    },
    async (req) => listDeadlines(app.db, req.query),
  );
  app.get(
    '/timeline',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getTimeline',
        tags,
        summary: 'All cycles side by side: per instrument its phases and derived deadlines, from..to (years)',
        querystring: TimelineQuery,
        response: { 200: Timeline },
      },
    },
    async (req) => timeline(app.db, req.query),
  );
  app.get(
    '/calendar/:file',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getCalendarFeed',
        tags,
        summary: 'iCalendar feed of deadlines; the token in the URL is the secret (<token>.ics)',
        params: FeedFileParams,
        querystring: ExportQuery,
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const token = req.params.file.replace(/\.ics$/, '');
      const body = await feedCalendar(app.db, token, { lang: req.query.lang, origin: origin(req) });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="rightsdesk.ics"')
        .send(body);
    },
  );
  app.get(
    '/calendar-feeds',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getCalendarFeeds',
        tags,
        summary: 'Whether your feed and your organisation’s feed exist',
        response: { 200: FeedStatus },
      },
    },
    async (req) => feedStatus(app.db, signedInActor(req)),
  );
  app.post(
    '/calendar-feeds/me',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'rotateMyCalendarFeed',
        tags,
        summary: 'Create or rotate your own feed URL (the old one stops working)',
        response: { 201: FeedCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createUserFeed(app.db, signedInActor(req), origin(req))),
  );
  app.delete(
    '/calendar-feeds/me',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'revokeMyCalendarFeed',
        tags,
        summary: 'Revoke your own feed URL',
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeUserFeed(app.db, signedInActor(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/calendar-feeds/organisations/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'rotateOrganisationCalendarFeed',
        tags,
        summary: 'Create or rotate the feed URL of an organisation (its coordinators, or an administrator)',
        params: IdParams,
        response: { 201: FeedCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createOrgFeed(app.db, signedInActor(req), req.params.id, origin(req))),
  );
  app.delete(
    '/calendar-feeds/organisations/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'revokeOrganisationCalendarFeed',
        tags,
        summary: 'Revoke the feed URL of an organisation',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeOrgFeed(app.db, signedInActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
