import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, PageQuery, paged } from '../shared/schema.ts';
import { getCycleProcess } from './cycle-process.ts';
import {
  CycleProcess,
  Instantiate,
  ProcessStarted,
  StepCreate,
  StepDelete,
  StepOrder,
  StepUpdate,
  Task,
  TaskQuery,
  TaskUpdate,
  Template,
  TemplateCreate,
  TemplateUpdate,
} from './schema.ts';
import { startProcess } from './start.ts';
import { reorderSteps } from './step-order.ts';
import { addStep, deleteStep, updateStep } from './steps.ts';
import { getTask, listTasks } from './tasks.ts';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './templates.ts';
import { updateTask } from './update-task.ts';

export async function processRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['process'];
  app.get(
    '/process-templates',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listProcessTemplates',
        summary: 'List process templates',
        tags,
        querystring: PageQuery,
        response: { 200: paged(Template) },
      },
    },
    async (req) => listTemplates(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/process-templates/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getProcessTemplate',
        summary: 'Get a process template with its steps',
        tags,
        params: IdParams,
        response: { 200: Template },
      },
    },
    async (req) => getTemplate(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/process-templates',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createProcessTemplate',
        summary: 'Add a process template',
        tags,
        body: TemplateCreate,
        response: { 201: Template },
      },
    },
    async (req, reply) => reply.status(201).send(await createTemplate(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/process-templates/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateProcessTemplate',
        summary: 'Change a process template',
        tags,
        params: IdParams,
        body: TemplateUpdate,
        response: { 200: Template },
      },
    },
    async (req) => updateTemplate(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/process-templates/:id/steps',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createProcessStep',
        summary: 'Add a step to a process template',
        tags,
        params: IdParams,
        body: StepCreate,
        response: { 201: Template },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addStep(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.post(
    '/process-templates/:id/order',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'reorderProcessSteps',
        summary: 'Put the steps of a process template in a new order',
        tags,
        params: IdParams,
        body: StepOrder,
        response: { 200: Template },
      },
    },
    async (req) => reorderSteps(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.patch(
    '/process-steps/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateProcessStep',
        summary: 'Change a step of a process template',
        tags,
        params: IdParams,
        body: StepUpdate,
        response: { 200: Template },
      },
    },
    async (req) => updateStep(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/process-steps/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteProcessStep',
        summary: 'Remove a step from a process template',
        tags,
        params: IdParams,
        querystring: StepDelete,
        response: { 200: Template },
      },
    },
    async (req) => deleteStep(app.db, signedInActor(req), req.params.id, req.query.version),
  );
  app.get(
    '/cycles/:id/process',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getCycleProcess',
        summary: 'Get the process (tasks) of a cycle',
        tags,
        params: IdParams,
        response: { 200: CycleProcess },
      },
    },
    async (req) => getCycleProcess(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/cycles/:id/process',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'startCycleProcess',
        summary: 'Start a process on a cycle from a template',
        tags,
        params: IdParams,
        body: Instantiate,
        response: { 201: ProcessStarted },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await startProcess(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.get(
    '/tasks',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listTasks',
        summary: 'List tasks',
        tags,
        querystring: TaskQuery,
        response: { 200: paged(Task) },
      },
    },
    async (req) => listTasks(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/tasks/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getTask',
        summary: 'Get a task',
        tags,
        params: IdParams,
        response: { 200: Task },
      },
    },
    async (req) => getTask(app.db, signedInActor(req), req.params.id),
  );
  app.patch(
    '/tasks/:id',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'updateTask',
        summary: 'Change a task (title, description, owner, due date, status)',
        tags,
        params: IdParams,
        body: TaskUpdate,
        response: { 200: Task },
      },
    },
    async (req) => updateTask(app.db, signedInActor(req), req.params.id, req.body),
  );
}
