/**
 * The points of a cabinet response in the document workspace, registered as commitments:
 * GET /api/letters/:id/response-points and POST the same to register one.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { registerResponsePoint, responsePoints } from './from-response.ts';
import { ResponseIdParams, ResponsePointCreate, ResponsePoints } from './from-response-schema.ts';
import { Commitment } from './schema.ts';

export async function responsePointRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['commitments'];
  app.get(
    '/letters/:id/response-points',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listResponsePoints',
        summary: 'List the points of a cabinet response',
        tags,
        params: ResponseIdParams,
        response: { 200: ResponsePoints },
      },
    },
    async (req) => responsePoints(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/letters/:id/response-points',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createResponsePoint',
        summary: 'Record a point of a cabinet response as a commitment',
        tags,
        params: ResponseIdParams,
        body: ResponsePointCreate,
        response: { 201: Commitment },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await registerResponsePoint(app.db, signedInActor(req), req.params.id, req.body)),
  );
}
