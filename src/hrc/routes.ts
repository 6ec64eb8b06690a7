import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam } from '../shared/schema.ts';
import { getTerm, listTerms } from './load.ts';
import {
  PledgeCreate,
  PriorityCreate,
  PriorityUpdate,
  ResolutionCreate,
  ResolutionUpdate,
  ResultCreate,
  ResultUpdate,
  Term,
  TermCreate,
  TermList,
  TermUpdate,
} from './schema.ts';
import {
  addPledge,
  addPriority,
  addResolution,
  addResult,
  createTerm,
  deletePriority,
  deleteResolution,
  deleteResult,
  updatePriority,
  updateResolution,
  updateResult,
  updateTerm,
} from './service.ts';

export async function hrcRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['hrc'];
  const access = { access: 'coordinator' } as const;
  const versionQuery = z.object({ version: VersionParam });
  app.get(
    '/hrc/terms',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listHrcTerms',
        summary: 'List Human Rights Council membership terms',
        tags,
        response: { 200: TermList },
      },
    },
    async (req) => listTerms(app.db, signedInActor(req)),
  );
  app.get(
    '/hrc/terms/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getHrcTerm',
        summary: 'Get a Human Rights Council term with its priorities, pledges, resolutions and results',
        tags,
        params: IdParams,
        response: { 200: Term },
      },
    },
    async (req) => getTerm(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/hrc/terms',
    {
      config: access,
      schema: {
        operationId: 'createHrcTerm',
        summary: 'Add a Human Rights Council membership term',
        tags,
        body: TermCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) => reply.status(201).send(await createTerm(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/hrc/terms/:id',
    {
      config: access,
      schema: {
        operationId: 'updateHrcTerm',
        summary: 'Change a Human Rights Council term',
        tags,
        params: IdParams,
        body: TermUpdate,
        response: { 200: Term },
      },
    },
    async (req) => updateTerm(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/hrc/terms/:id/priorities',
    {
      config: access,
      schema: {
        operationId: 'createHrcPriority',
        summary: 'Add a priority to a Human Rights Council term',
        tags,
        params: IdParams,
        body: PriorityCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPriority(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/hrc/priorities/:id',
    {
      config: access,
      schema: {
        operationId: 'updateHrcPriority',
        summary: 'Change a priority of a Human Rights Council term',
        tags,
        params: IdParams,
        body: PriorityUpdate,
        response: { 200: Term },
      },
    },
    async (req) => updatePriority(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/hrc/priorities/:id',
    {
      config: access,
      schema: {
        operationId: 'deleteHrcPriority',
        summary: 'Remove a priority of a Human Rights Council term',
        tags,
        params: IdParams,
        querystring: versionQuery,
        response: { 200: Term },
      },
    },
    async (req) => deletePriority(app.db, signedInActor(req), req.params.id, req.query.version),
  );
  app.post(
    '/hrc/terms/:id/pledges',
    {
      config: access,
      schema: {
        operationId: 'createHrcPledge',
        summary: 'Add a voluntary pledge to a Human Rights Council term',
        tags,
        params: IdParams,
        body: PledgeCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPledge(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.post(
    '/hrc/terms/:id/resolutions',
    {
      config: access,
      schema: {
        operationId: 'createHrcResolution',
        summary: 'Add a resolution to a Human Rights Council term',
        tags,
        params: IdParams,
        body: ResolutionCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addResolution(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/hrc/resolutions/:id',
    {
      config: access,
      schema: {
        operationId: 'updateHrcResolution',
        summary: 'Change a resolution of a Human Rights Council term',
        tags,
        params: IdParams,
        body: ResolutionUpdate,
        response: { 200: Term },
      },
    },
    async (req) => updateResolution(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/hrc/resolutions/:id',
    {
      config: access,
      schema: {
        operationId: 'deleteHrcResolution',
        summary: 'Remove a resolution of a Human Rights Council term',
        tags,
        params: IdParams,
        querystring: versionQuery,
        response: { 200: Term },
      },
    },
    async (req) => deleteResolution(app.db, signedInActor(req), req.params.id, req.query.version),
  );
  app.post(
    '/hrc/terms/:id/results',
    {
      config: access,
      schema: {
        operationId: 'createHrcResult',
        summary: 'Add a result to a Human Rights Council term',
        tags,
        params: IdParams,
        body: ResultCreate,
        response: { 201: Term },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addResult(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/hrc/results/:id',
    {
      config: access,
      schema: {
        operationId: 'updateHrcResult',
        summary: 'Change a result of a Human Rights Council term',
        tags,
        params: IdParams,
        body: ResultUpdate,
        response: { 200: Term },
      },
    },
    async (req) => updateResult(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/hrc/results/:id',
    {
      config: access,
      schema: {
        operationId: 'deleteHrcResult',
        summary: 'Remove a result of a Human Rights Council term',
        tags,
        params: IdParams,
        querystring: versionQuery,
        response: { 200: Term },
      },
    },
    async (req) => deleteResult(app.db, signedInActor(req), req.params.id, req.query.version),
  );
}
