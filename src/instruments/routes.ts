import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, PageQuery, paged } from '../shared/schema.ts';
import { createBody, listBodies, updateBody } from './bodies.ts';
import { confirmLead } from './lead-confirmation.ts';
import { treatyOverview } from './overview.ts';
import {
  Instrument,
  InstrumentCreate,
  InstrumentQuery,
  InstrumentUpdate,
  LeadConfirmation,
  MonitoringBody,
  MonitoringBodyCreate,
  MonitoringBodyUpdate,
  OverviewRow,
} from './schema.ts';
import { createInstrument, getInstrument, listInstruments, updateInstrument } from './service.ts';

export async function instrumentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['instruments'];
  app.get(
    '/overview',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getTreatyOverview',
        tags,
        summary:
          'Treaty overview: per instrument the last report, lead ministry, current phase and next due date',
        response: { 200: z.object({ items: z.array(OverviewRow) }) },
      },
    },
    async () => ({ items: await treatyOverview(app.db) }),
  );
  app.get(
    '/instruments',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listInstruments',
        summary: 'List human rights instruments',
        tags,
        querystring: InstrumentQuery,
        response: { 200: paged(Instrument) },
      },
    },
    async (req) => listInstruments(app.db, req.query, req.actor),
  );
  app.get(
    '/instruments/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getInstrument',
        summary: 'Get an instrument',
        tags,
        params: IdParams,
        response: { 200: Instrument },
      },
    },
    async (req) => getInstrument(app.db, req.params.id, req.actor),
  );
  app.post(
    '/instruments',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'createInstrument',
        summary: 'Add an instrument',
        tags,
        body: InstrumentCreate,
        response: { 201: Instrument },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createInstrument(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/instruments/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateInstrument',
        summary: 'Change an instrument',
        tags,
        params: IdParams,
        body: InstrumentUpdate,
        response: { 200: Instrument },
      },
    },
    async (req) => updateInstrument(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/instruments/:id/lead-confirmation',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'confirmInstrumentLead',
        tags,
        summary: "Confirm the instrument's lead ministry (verified, with who and when)",
        params: IdParams,
        body: LeadConfirmation,
        response: { 200: Instrument },
      },
    },
    async (req) => confirmLead(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.get(
    '/monitoring-bodies',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listMonitoringBodies',
        summary: 'List monitoring bodies',
        tags,
        querystring: PageQuery,
        response: { 200: paged(MonitoringBody) },
      },
    },
    async (req) => listBodies(app.db, req.query),
  );
  app.post(
    '/monitoring-bodies',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'createMonitoringBody',
        summary: 'Add a monitoring body',
        tags,
        body: MonitoringBodyCreate,
        response: { 201: MonitoringBody },
      },
    },
    async (req, reply) => reply.status(201).send(await createBody(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/monitoring-bodies/:id',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'updateMonitoringBody',
        summary: 'Change a monitoring body',
        tags,
        params: IdParams,
        body: MonitoringBodyUpdate,
        response: { 200: MonitoringBody },
      },
    },
    async (req) => updateBody(app.db, signedInActor(req), req.params.id, req.body),
  );
}
