import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { AliasCreate, ResolveQuery, Term, TermCreate, TermQuery, TermUpdate } from './schema.ts';
import { createAlias, createTerm, getTerm, listTerms, resolveOrFail, updateTerm } from './service.ts';

export async function taxonomyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['taxonomy'];
  app.get(
    '/taxonomy/terms',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listTaxonomyTerms',
        summary: 'List taxonomy terms',
        tags,
        querystring: TermQuery,
        response: { 200: paged(Term) },
      },
    },
    async (req) => listTerms(app.db, req.query),
  );
  app.get(
    '/taxonomy/resolve',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'resolveTaxonomyTerm',
        tags,
        summary: 'The term a spelling stands for, through its aliases',
        querystring: ResolveQuery,
        response: { 200: Term },
      },
    },
    async (req) => resolveOrFail(app.db, req.query.scheme, req.query.term),
  );
  app.get(
    '/taxonomy/terms/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getTaxonomyTerm',
        summary: 'Get a taxonomy term with its aliases',
        tags,
        params: IdParams,
        response: { 200: Term },
      },
    },
    async (req) => getTerm(app.db, req.params.id),
  );
  app.post(
    '/taxonomy/terms',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createTaxonomyTerm',
        tags,
        summary: 'Add a term (administrators and the coordinating ministry)',
        body: TermCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) => reply.status(201).send(await createTerm(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/taxonomy/terms/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateTaxonomyTerm',
        tags,
        summary: 'Change a term (administrators and the coordinating ministry)',
        params: IdParams,
        body: TermUpdate,
        response: { 200: Term },
      },
    },
    async (req) => updateTerm(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/taxonomy/terms/:id/aliases',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createTaxonomyAlias',
        tags,
        summary:
          'Add a spelling that stands for the term; recommendations imported with it get the term (administrators and the coordinating ministry)',
        params: IdParams,
        body: AliasCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createAlias(app.db, signedInActor(req), req.params.id, req.body.alias)),
  );
}
