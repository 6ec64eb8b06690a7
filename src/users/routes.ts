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
    { config: { access: 'admin' }, schema: { tags, querystring: UserQuery, response: { 200: paged(User) } } },
    async (req) => listUsers(app.db, req.query),
  );
  app.get(
    '/users/:id',
    { config: { access: 'admin' }, schema: { tags, params: IdParams, response: { 200: User } } },
    async (req) => getUser(app.db, req.params.id),
  );
  app.post(
    '/users',
    { config: { access: 'admin' }, schema: { tags, body: UserCreate, response: { 201: User } } },
    async (req, reply) => reply.status(201).send(await createUser(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: { tags, params: IdParams, body: UserUpdate, response: { 200: User } },
    },
    async (req) => updateUser(app.db, signedInActor(req), req.params.id, req.body),
  );
}
