import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { paged } from '../shared/schema.ts';
import { AuditEvent, AuditQuery } from './schema.ts';
import { listAudit } from './service.ts';

/** The audit trail is read-only through the app: there is no route that changes or removes it. */
export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'Audit trail, newest first',
        querystring: AuditQuery,
        response: { 200: paged(AuditEvent) },
      },
    },
    async (req) => listAudit(app.db, req.query),
  );
}
