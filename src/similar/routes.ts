import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams } from '../shared/schema.ts';
import { clusterProposals } from './proposals.ts';
import { ProposalList, ProposalQuery, SimilarList } from './schema.ts';
import { similarRecommendations } from './service.ts';

export async function similarRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['recommendations'];
  app.get(
    '/recommendations/:id/similar',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listSimilarRecommendations',
        summary:
          'The recommendations most similar to one, across bodies and cycles (without signing in only published ones)',
        tags,
        params: IdParams,
        response: { 200: SimilarList },
      },
    },
    async (req) => similarRecommendations(app.db, req.actor ?? null, req.params.id),
  );
  app.get(
    '/similar/cluster-proposals',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listClusterProposals',
        summary: "Groups of the Kingdom's similar recommendations that are in no cluster yet",
        tags: ['clusters'],
        querystring: ProposalQuery,
        response: { 200: ProposalList },
      },
    },
    async (req) => clusterProposals(app.db, signedInActor(req), req.query),
  );
}
