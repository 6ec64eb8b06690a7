import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam, paged } from '../shared/schema.ts';
import { createAction, deleteAction, updateAction } from './actions.ts';
import { addMeasurement, createIndicator, updateIndicator } from './indicators.ts';
import { getAction, listActions } from './load.ts';
import {
  Action,
  ActionCreate,
  ActionQuery,
  ActionSummary,
  ActionUpdate,
  IndicatorCreate,
  IndicatorUpdate,
  MeasurementCreate,
} from './schema.ts';

export async function actionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['actions'];
  app.get(
    '/actions',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listActions',
        summary: 'List actions',
        tags,
        querystring: ActionQuery,
        response: { 200: paged(ActionSummary) },
      },
    },
    async (req) => listActions(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/actions/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getAction',
        summary: 'Get an action with its indicators and measurements',
        tags,
        params: IdParams,
        response: { 200: Action },
      },
    },
    async (req) => getAction(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/actions',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createAction',
        summary: 'Add an action (measure)',
        tags,
        body: ActionCreate,
        response: { 201: Action },
      },
    },
    async (req, reply) => reply.status(201).send(await createAction(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/actions/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateAction',
        summary: 'Change an action',
        tags,
        params: IdParams,
        body: ActionUpdate,
        response: { 200: Action },
      },
    },
    async (req) => updateAction(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/actions/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteAction',
        summary: 'Delete an action',
        tags,
        params: IdParams,
        querystring: z.object({ version: VersionParam }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteAction(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/actions/:id/indicators',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createIndicator',
        summary: 'Add an indicator to an action',
        tags,
        params: IdParams,
        body: IndicatorCreate,
        response: { 201: Action },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createIndicator(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.patch(
    '/indicators/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateIndicator',
        summary: 'Change an indicator of an action',
        tags,
        params: IdParams,
        body: IndicatorUpdate,
        response: { 200: Action },
      },
    },
    async (req) => updateIndicator(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/indicators/:id/measurements',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'createMeasurement',
        summary: 'Record a measurement of an indicator',
        tags,
        params: IdParams,
        body: MeasurementCreate,
        response: { 201: Action },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addMeasurement(app.db, signedInActor(req), req.params.id, req.body)),
  );
}
