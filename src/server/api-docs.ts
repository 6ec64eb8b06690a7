import type { FastifyInstance } from 'fastify';
import swaggerUi from '@fastify/swagger-ui';
import { docsContentSecurityPolicy } from './security.ts';

/** The API documentation page at /api/docs, rendered from the OpenAPI document. */
export async function registerApiDocs(app: FastifyInstance) {
  await app.register(swaggerUi, { routePrefix: '/api/docs', transformStaticCSP: docsContentSecurityPolicy });
}
