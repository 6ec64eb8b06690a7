import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { User, UserCreate, UserQuery, UserUpdate } from './schema.ts';
import { createUser, getUser, listUsers, updateUser } from './service.ts';

export async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listUsers',
        summary: 'List the user accounts',
        tags,
        querystring: UserQuery,
        response: { 200: paged(User) },
      },
    },
    async (req) => listUsers(app.db, req.query),
  );
  app.get(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'getUser',
        summary: 'Get a user account',
        tags,
        params: IdParams,
        response: { 200: User },
      },
    },
    async (req) => getUser(app.db, req.params.id),
  );
  app.post(
    '/users',
    {
      config: { access: 'admin', sessionOnly: true },
      schema: {
        operationId: 'createUser',
        summary: 'Create a user account',
        tags,
        body: UserCreate,
        response: { 201: User },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: 'admin', sessionOnly: true },
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user account (name, role, organisation, active, password)',
        tags,
        params: IdParams,
        body: UserUpdate,
        response: { 200: User },
      },
    },
    async (req) => updateUser(app.db, signedInActor(req), req.params.id, req.body),
  );
}
