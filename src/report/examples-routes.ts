import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams } from '../shared/schema.ts';
import { YearQuery } from './contributions-schema.ts';
import { VersionQuery } from './framework-schema.ts';
import {
  createExample,
  deleteExample,
  listExamples,
  moveExample,
  selectExample,
  updateExample,
} from './examples-service.ts';
import {
  Example,
  ExampleCreate,
  ExampleList,
  ExampleMove,
  ExampleSelect,
  ExampleUpdate,
} from './examples-schema.ts';

const BASE = '/report/contributions/examples';

/** The examples of the annual report per result area: read by everyone signed in, edited by those who manage. */
export async function exampleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['report'];
  app.get(
    BASE,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listReportExamples',
        tags,
        summary: 'The examples of a year, per result area and (area 1) priority',
        querystring: YearQuery,
        response: { 200: ExampleList },
      },
    },
    async (req) => listExamples(app.db, signedInActor(req), req.query.year),
  );
  app.post(
    BASE,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createReportExample',
        tags,
        summary: 'Write an example by hand',
        body: ExampleCreate,
        response: { 201: Example },
      },
    },
    async (req, reply) => reply.status(201).send(await createExample(app.db, signedInActor(req), req.body)),
  );
  app.post(
    `${BASE}/selected`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'selectReportExample',
        tags,
        summary:
          'Select a contribution as an example of one of its result areas (its title and text are copied; once per area)',
        body: ExampleSelect,
        response: { 201: Example },
      },
    },
    async (req, reply) => reply.status(201).send(await selectExample(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateReportExample',
        tags,
        summary: "Edit an example's title and text",
        params: IdParams,
        body: ExampleUpdate,
        response: { 200: Example },
      },
    },
    async (req) => updateExample(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/move`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'moveReportExample',
        tags,
        summary: 'Move an example one place up or down within its group',
        params: IdParams,
        body: ExampleMove,
        response: { 200: Example },
      },
    },
    async (req) => moveExample(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteReportExample',
        tags,
        summary: 'Remove an example',
        params: IdParams,
        querystring: VersionQuery,
      },
    },
    async (req, reply) => {
      await deleteExample(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
