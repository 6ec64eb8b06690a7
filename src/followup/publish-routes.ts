/** The routes of publishing the follow-up: publish and withdraw (one, a selection, a search's hits), and the public read. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams } from '../shared/schema.ts';
import { getPublicFollowUp } from './public-followup.ts';
import { publishMany, publishOne, withdrawMany, withdrawOne } from './publish.ts';
import { FollowUpPublication, PublicFollowUp, PublishResult, PublishSelection } from './publish-schema.ts';

export async function publishRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-up'];
  const one = { tags, params: IdParams, response: { 200: FollowUpPublication } };
  const many = { tags, body: PublishSelection, response: { 200: PublishResult } };

  const actions = [
    { verb: 'publish', one: publishOne, many: publishMany, what: 'Make public' },
    { verb: 'withdraw', one: withdrawOne, many: withdrawMany, what: 'Withdraw the publication of' },
  ] as const;
  for (const a of actions) {
    app.post(
      `/recommendations/:id/followup/${a.verb}`,
      {
        config: { access: 'coordinator' },
        schema: {
          ...one,
          operationId: `${a.verb}FollowUp`,
          summary: `${a.what} the follow-up of a recommendation (its position and approved progress)`,
        },
      },
      async (req) => a.one(app.db, signedInActor(req), req.params.id),
    );
    app.post(
      `/followup/${a.verb}`,
      {
        config: { access: 'coordinator' },
        schema: {
          ...many,
          operationId: `${a.verb}FollowUps`,
          summary: `${a.what} the follow-up of many recommendations (the ids given or a search's hits, up to 10,000)`,
        },
      },
      async (req) => a.many(app.db, signedInActor(req), req.body),
    );
  }
  app.get(
    '/public/recommendations/:id/followup',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublicFollowUp',
        tags,
        summary:
          "A recommendation's published follow-up: the government's position and the approved progress (404 unless published)",
        params: IdParams,
        response: { 200: PublicFollowUp },
      },
    },
    async (req) => getPublicFollowUp(app.db, req.params.id),
  );
}
