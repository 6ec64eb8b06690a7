/** The routes of progress updates (on a recommendation, cluster or action; change, delete, approve) and of an organisation's worklist. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam } from '../shared/schema.ts';
import { approveProgress } from './approve.ts';
import {
  createProgress,
  deleteProgress,
  editProgress,
  listProgress,
  type ProgressSubject,
} from './progress.ts';
import {
  ProgressCreate,
  ProgressEdit,
  ProgressUpdate,
  VersionBody,
  Worklist,
  WorklistQuery,
} from './schema.ts';
import { getWorklist } from './worklist.ts';

export async function progressRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-up'];
  // The progress of each kind of subject: its list and a new draft on it.
  const subjects: [ProgressSubject['kind'], string, string, string][] = [
    [
      'recommendation',
      'recommendations',
      'The progress updates of a recommendation, newest period first, drafts included',
      'Write a progress update (a draft) for your organisation, which must be responsible',
    ],
    [
      'cluster',
      'clusters',
      'The progress updates of a cluster (they count for each of its recommendations), newest period first',
      'Write a progress update (a draft) on a cluster, for your organisation, which must own it',
    ],
    [
      'action',
      'actions',
      "The progress updates of an action (the measure's own progress), newest period first",
      'Write a progress update (a draft) on an action, for your organisation, which must own it',
    ],
  ];
  for (const [kind, path, listSummary, createSummary] of subjects) {
    const name = kind[0]!.toUpperCase() + kind.slice(1);
    app.get(
      `/${path}/:id/progress`,
      {
        config: { access: 'signedIn' },
        schema: {
          operationId: `list${name}ProgressUpdates`,
          tags,
          summary: listSummary,
          params: IdParams,
          response: { 200: z.array(ProgressUpdate) },
        },
      },
      async (req) => listProgress(app.db, req.actor, { kind, id: req.params.id }),
    );
    app.post(
      `/${path}/:id/progress`,
      {
        config: { access: 'contributor' },
        schema: {
          operationId: `create${name}ProgressUpdate`,
          tags,
          summary: createSummary,
          params: IdParams,
          body: ProgressCreate,
          response: { 201: ProgressUpdate },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await createProgress(app.db, signedInActor(req), { kind, id: req.params.id }, req.body)),
    );
  }
  app.patch(
    '/progress-updates/:id',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'updateProgressUpdate',
        tags,
        summary: 'Change your draft progress update (with the version you saw)',
        params: IdParams,
        body: ProgressEdit,
        response: { 200: ProgressUpdate },
      },
    },
    async (req) => editProgress(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.delete(
    '/progress-updates/:id',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'deleteProgressUpdate',
        tags,
        summary: 'Delete your draft progress update (?version= the version you saw)',
        params: IdParams,
        querystring: z.object({ version: VersionParam }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteProgress(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/progress-updates/:id/approve',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'approveProgressUpdate',
        tags,
        summary: 'Approve a draft (a coordinator of a responsible organisation or of BZK, not its author)',
        params: IdParams,
        body: VersionBody,
        response: { 200: ProgressUpdate },
      },
    },
    async (req) => approveProgress(app.db, signedInActor(req), req.params.id, req.body.version),
  );
  app.get(
    '/followup/worklist',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getWorklist',
        tags,
        summary: "An organisation's worklist (default: your own): counts per view and one page of items",
        querystring: WorklistQuery,
        response: { 200: Worklist },
      },
    },
    async (req) => getWorklist(app.db, signedInActor(req), req.query),
  );
}
