import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, VersionParam, paged } from '../shared/schema.ts';
import { importTweedeKamerFile } from './import-file.ts';
import { getCommitment, listCommitments, overdueSummary } from './load.ts';
import {
  Commitment,
  CommitmentCreate,
  CommitmentQuery,
  CommitmentSummary,
  CommitmentUpdate,
  ImportResult,
  LinkChange,
  LinkParams,
  OverdueSummary,
  StatusChange,
} from './schema.ts';
import { changeLink, createCommitment, setStatus, updateCommitment } from './service.ts';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export async function commitmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['commitments'];
  // A SyncFeed (XML) or any file other than JSON arrives as raw bytes; JSON is parsed as usual.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  app.get(
    '/commitments',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listCommitments',
        summary: 'List commitments to parliament',
        tags,
        querystring: CommitmentQuery,
        response: { 200: paged(CommitmentSummary) },
      },
    },
    async (req) => listCommitments(app.db, signedInActor(req), req.query),
  );
  app.get(
    '/commitments/overdue',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listOverdueCommitments',
        summary: 'List commitments that are due soon or overdue',
        tags,
        response: { 200: OverdueSummary },
      },
    },
    async () => overdueSummary(app.db),
  );
  app.get(
    '/commitments/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getCommitment',
        summary: 'Get a commitment with its links',
        tags,
        params: IdParams,
        response: { 200: Commitment },
      },
    },
    async (req) => getCommitment(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/commitments',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createCommitment',
        summary: 'Record a commitment to parliament',
        tags,
        body: CommitmentCreate,
        response: { 201: Commitment },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createCommitment(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/commitments/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateCommitment',
        summary: 'Change a commitment',
        tags,
        params: IdParams,
        body: CommitmentUpdate,
        response: { 200: Commitment },
      },
    },
    async (req) => updateCommitment(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/commitments/:id/status',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'changeCommitmentStatus',
        summary: 'Change the status of a commitment, with its evidence',
        tags,
        params: IdParams,
        body: StatusChange,
        response: { 200: Commitment },
      },
    },
    async (req) => setStatus(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/commitments/:id/links',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createCommitmentLink',
        summary: 'Link a commitment to a recommendation, action or document',
        tags,
        params: IdParams,
        body: LinkChange,
        response: { 200: Commitment },
      },
    },
    async (req) => changeLink(app.db, signedInActor(req), req.params.id, req.body, false),
  );
  app.delete(
    '/commitments/:id/links/:kind/:targetId',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteCommitmentLink',
        summary: 'Remove a link of a commitment',
        tags,
        params: LinkParams,
        querystring: z.object({ version: VersionParam }),
        response: { 200: Commitment },
      },
    },
    async (req) =>
      changeLink(
        app.db,
        signedInActor(req),
        req.params.id,
        { kind: req.params.kind, targetId: req.params.targetId, version: req.query.version },
        true,
      ),
  );
  app.post(
    '/commitments/import',
    {
      config: { access: 'coordinator' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        operationId: 'importCommitments',
        summary: "Import commitments from a file of the Tweede Kamer's open data",
        tags,
        response: { 200: ImportResult },
      },
    },
    async (req) => importTweedeKamerFile(app.db, signedInActor(req), req.body),
  );
}
