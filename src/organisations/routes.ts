import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { Organisation, OrganisationCreate, OrganisationQuery, OrganisationUpdate } from './schema.ts';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './service.ts';

export async function organisationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];
  app.get(
    '/organisations',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listOrganisations',
        summary: 'List organisations',
        tags,
        querystring: OrganisationQuery,
        response: { 200: paged(Organisation) },
      },
    },
    async (req) => listOrganisations(app.db, req.query),
  );
  app.get(
    '/organisations/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getOrganisation',
        summary: 'Get an organisation',
        tags,
        params: IdParams,
        response: { 200: Organisation },
      },
    },
    async (req) => getOrganisation(app.db, req.params.id),
  );
  app.post(
    '/organisations',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'createOrganisation',
        summary: 'Add an organisation',
        tags,
        body: OrganisationCreate,
        response: { 201: Organisation },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createOrganisation(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/organisations/:id',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'updateOrganisation',
        summary: 'Change an organisation',
        tags,
        params: IdParams,
        body: OrganisationUpdate,
        response: { 200: Organisation },
      },
    },
    async (req) => updateOrganisation(app.db, signedInActor(req), req.params.id, req.body),
  );
}
