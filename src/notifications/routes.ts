import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './inbox.ts';
import { mailerFromEnv } from './mailer.ts';
import {
  Notification,
  NotificationQuery,
  OutboxMessage,
  OutboxQuery,
  ScanResult,
  UnreadCount,
} from './schema.ts';
import { listOutbox } from './outbox.ts';
import { runReminderScan } from './service.ts';

export async function notificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listNotifications',
        tags,
        summary: 'My notifications',
        querystring: NotificationQuery,
        response: { 200: paged(Notification) },
      },
    },
    async (req) => listNotifications(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/notifications/count',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'countUnreadNotifications',
        tags,
        summary: 'My unread notifications',
        response: { 200: UnreadCount },
      },
    },
    async (req) => unreadCount(app.db, signedInActor(req)),
  );
  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'markNotificationRead',
        summary: 'Mark a notification as read',
        tags,
        params: IdParams,
        response: { 200: Notification },
      },
    },
    async (req) => markRead(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'markAllNotificationsRead',
        summary: 'Mark all your notifications as read',
        tags,
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (req) => markAllRead(app.db, signedInActor(req)),
  );
  app.post(
    '/notifications/scan',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'runReminderScan',
        tags,
        summary: 'Run the reminder scan now (near and overdue deadlines and tasks)',
        response: { 200: ScanResult },
      },
    },
    async (req) => {
      const actor = signedInActor(req);
      const mailer = mailerFromEnv();
      try {
        return await runReminderScan(app.db, { mailer, actor });
      } finally {
        mailer?.close();
      }
    },
  );
  app.get(
    '/outbox',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listOutboxMessages',
        tags,
        summary: 'E-mail messages: unsent (no SMTP), sent and failed',
        querystring: OutboxQuery,
        response: { 200: paged(OutboxMessage) },
      },
    },
    async (req) => listOutbox(app.db, req.query),
  );
}
