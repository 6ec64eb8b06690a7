import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { loadFramework } from './framework.ts';
import {
  copyFramework,
  createGoal,
  createIndicator,
  deleteGoal,
  deleteIndicator,
  updateArea,
  updateGoal,
  updateIndicator,
} from './framework-edit.ts';
import {
  AreaUpdate,
  CopyResult,
  Framework,
  Goal,
  GoalCreate,
  GoalUpdate,
  IdParams,
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
  VersionQuery,
  YearParams,
} from './framework-schema.ts';

const BASE = '/report/framework';

/** The results framework: read per year, edited by BZ's and BZK's coordinators (policy in the service). */
export async function frameworkRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['report'];
  app.get(
    `${BASE}/:year`,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getFramework',
        tags,
        summary: 'The results framework of a year',
        params: YearParams,
        response: { 200: Framework },
      },
    },
    async (req) => loadFramework(app.db, signedInActor(req), req.params.year),
  );
  app.post(
    `${BASE}/:year/copy`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'copyFramework',
        tags,
        summary: 'Copy the framework of a year to the next year',
        params: YearParams,
        response: { 201: CopyResult },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await copyFramework(app.db, signedInActor(req), req.params.year)),
  );
  app.patch(
    `${BASE}/areas/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateResultArea',
        tags,
        summary: "Change a result area's titles or order",
        params: IdParams,
        body: AreaUpdate,
        response: {
          200: z.object({ id: z.string(), version: z.number(), titleNl: z.string(), titleEn: z.string() }),
        },
      },
    },
    async (req) => updateArea(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    `${BASE}/:year/goals`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createFrameworkGoal',
        tags,
        summary: 'Add a goal to a result area or priority',
        params: YearParams,
        body: GoalCreate,
        response: { 201: Goal },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createGoal(app.db, signedInActor(req), req.params.year, req.body)),
  );
  app.patch(
    `${BASE}/goals/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateFrameworkGoal',
        tags,
        summary: 'Change a goal',
        params: IdParams,
        body: GoalUpdate,
        response: { 200: Goal },
      },
    },
    async (req) => updateGoal(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/goals/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteFrameworkGoal',
        tags,
        summary: 'Remove a goal with its indicators',
        params: IdParams,
        querystring: VersionQuery,
      },
    },
    async (req, reply) => {
      await deleteGoal(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    `${BASE}/goals/:id/indicators`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createFrameworkIndicator',
        tags,
        summary: 'Add an indicator to a goal',
        params: IdParams,
        body: IndicatorCreate,
        response: { 201: Indicator },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createIndicator(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.patch(
    `${BASE}/indicators/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateFrameworkIndicator',
        tags,
        summary: 'Change an indicator',
        params: IdParams,
        body: IndicatorUpdate,
        response: { 200: Indicator },
      },
    },
    async (req) => updateIndicator(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/indicators/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteFrameworkIndicator',
        tags,
        summary: 'Remove an indicator',
        params: IdParams,
        querystring: VersionQuery,
      },
    },
    async (req, reply) => {
      await deleteIndicator(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
