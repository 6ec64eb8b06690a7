import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams } from '../shared/schema.ts';
import { listImportSuggestions, tagImport } from './import-suggestions.ts';
import {
  ImportSuggestions,
  ImportSuggestionsQuery,
  ImportTagInput,
  ImportTagResult,
  RecommendationSuggestions,
  SuggestionDecision,
  SuggestionDecisionInput,
} from './schema.ts';
import { decideSuggestion, getSuggestions } from './service.ts';

export async function suggestionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['suggestions'];
  app.get(
    '/recommendations/:id/suggestions',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listRecommendationSuggestions',
        summary: "The tagging model's pending suggestions of taxonomy terms for a recommendation",
        tags,
        params: IdParams,
        response: { 200: RecommendationSuggestions },
      },
    },
    async (req) => getSuggestions(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/recommendations/:id/suggestions',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'decideRecommendationSuggestion',
        summary:
          'Accept a suggested term (it becomes a tag) or reject it (administrators and the coordinating ministry)',
        tags,
        params: IdParams,
        body: SuggestionDecisionInput,
        response: { 201: SuggestionDecision },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await decideSuggestion(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.get(
    '/imports/:id/suggestions',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listImportSuggestions',
        summary: 'The recommendations an import created, a page of them, each with its pending suggestions',
        tags,
        params: IdParams,
        querystring: ImportSuggestionsQuery,
        response: { 200: ImportSuggestions },
      },
    },
    async (req) => listImportSuggestions(app.db, signedInActor(req), req.params.id, req.query),
  );
  app.post(
    '/imports/:id/suggestions/accept',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'tagImportRecommendations',
        summary:
          "Tag the import's new recommendations that have no tags with their suggestions above the model's threshold",
        tags,
        params: IdParams,
        body: ImportTagInput,
        response: { 200: ImportTagResult },
      },
    },
    async (req) => tagImport(app.db, signedInActor(req), req.params.id, req.body),
  );
}
