import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam } from '../shared/schema.ts';
import {
  AccessToken,
  CreatedAccessToken,
  ServiceAccount,
  ServiceAccountCreate,
  ServiceAccountList,
  TokenCreate,
  TokenList,
} from './schema.ts';
import { createOwnToken, listOwnTokens, revokeToken } from './service.ts';
import { createServiceAccount, createServiceAccountToken, listServiceAccounts } from './service-accounts.ts';

/**
 * Personal access tokens and service accounts. Every route here is session-only: a token never
 * makes, lists or revokes tokens.
 */
export async function tokenRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Access tokens'];
  app.get(
    '/tokens',
    {
      config: { access: 'signedIn', sessionOnly: true },
      schema: {
        operationId: 'listAccessTokens',
        summary: 'List your own access tokens',
        tags,
        response: { 200: TokenList },
      },
    },
    async (req) => listOwnTokens(app.db, signedInActor(req)),
  );
  app.post(
    '/tokens',
    {
      config: { access: 'signedIn', sessionOnly: true },
      schema: {
        operationId: 'createAccessToken',
        summary: 'Make an access token for yourself; the token is shown only in this answer',
        tags,
        body: TokenCreate,
        response: { 201: CreatedAccessToken },
      },
    },
    async (req, reply) => reply.status(201).send(await createOwnToken(app.db, signedInActor(req), req.body)),
  );
  app.delete(
    '/tokens/:id',
    {
      config: { access: 'signedIn', sessionOnly: true },
      schema: {
        operationId: 'revokeAccessToken',
        summary: 'Revoke an access token (your own, or a service account’s as administrator)',
        tags,
        params: IdParams,
        querystring: z.object({ version: VersionParam }),
        response: { 200: AccessToken },
      },
    },
    async (req) => revokeToken(app.db, signedInActor(req), req.params.id, req.query.version),
  );
  app.get(
    '/service-accounts',
    {
      config: { access: 'admin', sessionOnly: true },
      schema: {
        operationId: 'listServiceAccounts',
        summary: 'List the service accounts with their access tokens',
        tags,
        response: { 200: ServiceAccountList },
      },
    },
    async (req) => listServiceAccounts(app.db, signedInActor(req)),
  );
  app.post(
    '/service-accounts',
    {
      config: { access: 'admin', sessionOnly: true },
      schema: {
        operationId: 'createServiceAccount',
        summary: 'Create a service account of an organisation (it never signs in with a password)',
        tags,
        body: ServiceAccountCreate,
        response: { 201: ServiceAccount },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createServiceAccount(app.db, signedInActor(req), req.body)),
  );
  app.post(
    '/service-accounts/:id/tokens',
    {
      config: { access: 'admin', sessionOnly: true },
      schema: {
        operationId: 'createServiceAccountToken',
        summary: 'Make an access token for a service account; the token is shown only in this answer',
        tags,
        params: IdParams,
        body: TokenCreate,
        response: { 201: CreatedAccessToken },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createServiceAccountToken(app.db, signedInActor(req), req.params.id, req.body)),
  );
}
