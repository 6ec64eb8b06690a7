/** The routes of the files attached to a progress update as evidence: upload, download, remove. */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { Problem, Uuid } from '../shared/schema.ts';
import {
  UPLOAD_LIMITS,
  addProgressFiles,
  assertMayAttach,
  deleteProgressFile,
  getProgressFile,
  readFiles,
} from './progress-files.ts';
import { ProgressFile } from './schema.ts';

const FileParams = z.object({ id: Uuid, fileId: Uuid });

export async function progressFileRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Uploads only in this plugin's routes, with their limits.
  await app.register(multipart, { limits: UPLOAD_LIMITS });
  const tags = ['follow-up'];
  app.post(
    '/progress-updates/:id/files',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'attachProgressFiles',
        tags,
        summary:
          'Attach files as evidence to your draft progress update (multipart/form-data: one or more files ' +
          'of PDF, .docx, .odt or .txt, 10 MB each, 10 per update); answers all its files',
        consumes: ['multipart/form-data'],
        params: z.object({ id: Uuid }),
        response: { 201: z.array(ProgressFile), 400: Problem },
      },
    },
    async (req, reply) => {
      const actor = signedInActor(req);
      await assertMayAttach(app.db, actor, req.params.id);
      const files = await readFiles(req);
      return reply.status(201).send(await addProgressFiles(app.db, actor, req.params.id, files));
    },
  );
  app.get(
    '/progress-updates/:id/files/:fileId',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'downloadProgressFile',
        tags,
        summary: 'Download a file attached to a progress update',
        params: FileParams,
        response: { 200: z.any() },
      },
    },
    async (req, reply) => {
      const f = await getProgressFile(app.db, req.params.id, req.params.fileId);
      const ascii = f.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', f.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${f.sha256}"`)
        .send(f.content);
    },
  );
  app.delete(
    '/progress-updates/:id/files/:fileId',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'deleteProgressFile',
        tags,
        summary: 'Remove a file from your draft progress update (the files of an approved update stay)',
        params: FileParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteProgressFile(app.db, signedInActor(req), req.params.id, req.params.fileId);
      return reply.status(204).send(null);
    },
  );
}
