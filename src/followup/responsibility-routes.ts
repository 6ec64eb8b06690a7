/** The routes of a recommendation's follow-up: reading it, recording the position, assigning responsibility. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams } from '../shared/schema.ts';
import { bulkAssign } from './bulk-assign.ts';
import { getFollowUp } from './followup-view.ts';
import { recordPosition } from './position.ts';
import { changeResponsibility } from './responsibility.ts';
import { BulkAssign, BulkAssignResult, FollowUp, PositionInput, ResponsibilityInput } from './schema.ts';

export async function responsibilityRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-up'];

  app.get(
    '/recommendations/:id/followup',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getFollowUp',
        tags,
        summary:
          "A recommendation's follow-up: who is responsible, the position recorded and its history, what the sources reported",
        params: IdParams,
        response: { 200: FollowUp },
      },
    },
    async (req) => getFollowUp(app.db, signedInActor(req), req.params.id),
  );
  app.patch(
    '/recommendations/:id/position',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updatePosition',
        tags,
        summary:
          "Record the government's position (or a free appreciation), at the position's version you saw (null: the first)",
        params: IdParams,
        body: PositionInput,
        response: { 200: FollowUp },
      },
    },
    async (req) => recordPosition(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.patch(
    '/recommendations/:id/responsibility',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateResponsibility',
        tags,
        summary:
          "Change the lead, the co-responsible organisations and the Kingdom countries, at the recommendation's version you saw",
        params: IdParams,
        body: ResponsibilityInput,
        response: { 200: FollowUp },
      },
    },
    async (req) => changeResponsibility(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/followup/assign',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'assignRecommendations',
        tags,
        summary:
          'Assign many recommendations at once (the ids given or every hit of a search, up to 10,000) to a lead organisation',
        body: BulkAssign,
        response: { 200: BulkAssignResult },
      },
    },
    async (req) => bulkAssign(app.db, signedInActor(req), req.body),
  );
}
