import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../auth/service.ts';

/** The OpenAPI document at /api/openapi.json, made from the routes' zod schemas. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rightsdesk API',
        description:
          'Human rights reporting and follow-up. Sign in with POST /api/auth/login; send the csrfToken from ' +
          'the login answer as header x-csrf-token on every POST, PATCH and DELETE. Errors are application/problem+json.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
    transform: jsonSchemaTransform,
  });
}
