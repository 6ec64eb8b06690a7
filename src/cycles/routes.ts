import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { listCycles, showCycle } from './load.ts';
import { removeOverride, setOverride } from './overrides.ts';
import {
  Cycle,
  CycleCreate,
  CycleQuery,
  CycleUpdate,
  OverrideInput,
  OverrideParams,
  PhaseCreate,
  PhaseUpdate,
  VersionQuery,
} from './schema.ts';
import { addPhase, createCycle, deleteCycle, deletePhase, updateCycle, updatePhase } from './service.ts';

export async function cycleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['cycles'];
  app.get(
    '/cycles',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listCycles',
        summary: 'List reporting cycles',
        tags,
        querystring: CycleQuery,
        response: { 200: paged(Cycle) },
      },
    },
    async (req) => listCycles(app.db, req.query, req.actor),
  );
  app.get(
    '/cycles/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getCycle',
        summary: 'Get a reporting cycle with its phases and deadlines',
        tags,
        params: IdParams,
        response: { 200: Cycle },
      },
    },
    async (req) => showCycle(app.db, req.params.id, req.actor),
  );
  app.post(
    '/cycles',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createCycle',
        summary: 'Start a reporting cycle',
        tags,
        body: CycleCreate,
        response: { 201: Cycle },
      },
    },
    async (req, reply) => reply.status(201).send(await createCycle(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/cycles/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateCycle',
        summary: 'Change a reporting cycle',
        tags,
        params: IdParams,
        body: CycleUpdate,
        response: { 200: Cycle },
      },
    },
    async (req) => updateCycle(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/cycles/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteCycle',
        tags,
        summary: 'Delete a cycle with its phases and overrides (?version= the version you saw)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteCycle(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/cycles/:id/phases',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createPhase',
        summary: 'Add a phase to a cycle',
        tags,
        params: IdParams,
        body: PhaseCreate,
        response: { 201: Cycle },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPhase(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/phases/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updatePhase',
        summary: 'Change a phase',
        tags,
        params: IdParams,
        body: PhaseUpdate,
        response: { 200: Cycle },
      },
    },
    async (req) => updatePhase(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/phases/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deletePhase',
        tags,
        summary: 'Delete a phase (?version= the version you saw)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePhase(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/cycles/:id/overrides',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createDeadlineOverride',
        tags,
        summary: 'Override a derived due date of the cycle, with a reason (audited)',
        params: IdParams,
        body: OverrideInput,
        response: { 200: Cycle },
      },
    },
    async (req) => setOverride(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/cycles/:id/overrides/:kind',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteDeadlineOverride',
        tags,
        summary: 'Remove the override (?version= the version you saw): the derived due date applies again',
        params: OverrideParams,
        querystring: VersionQuery,
        response: { 200: Cycle },
      },
    },
    async (req) =>
      removeOverride(app.db, signedInActor(req), req.params.id, req.params.kind, req.query.version),
  );
}
