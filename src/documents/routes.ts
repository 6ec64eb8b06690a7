import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, paged } from '../shared/schema.ts';
import { Document, DocumentCreate, DocumentQuery, DocumentUpdate } from './schema.ts';
import { createDocument, getDocument, listDocuments, updateDocument } from './service.ts';

export async function documentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  app.get(
    '/documents',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listDocuments',
        tags,
        summary: 'Documents; without signing in only public ones',
        querystring: DocumentQuery,
        response: { 200: paged(Document) },
      },
    },
    async (req) => listDocuments(app.db, req.actor, req.query),
  );
  app.get(
    '/documents/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getDocument',
        summary: 'Get a document',
        tags,
        params: IdParams,
        response: { 200: Document },
      },
    },
    async (req) => getDocument(app.db, req.actor, req.params.id),
  );
  app.post(
    '/documents',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'createDocument',
        tags,
        summary: 'File a document; contributors file internal drafts',
        body: DocumentCreate,
        response: { 201: Document },
      },
    },
    async (req, reply) => reply.status(201).send(await createDocument(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/documents/:id',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'updateDocument',
        tags,
        summary:
          'Change, move or publish a document (needs the right on its instrument now and on the one it moves to)',
        params: IdParams,
        body: DocumentUpdate,
        response: { 200: Document },
      },
    },
    async (req) => updateDocument(app.db, signedInActor(req), req.params.id, req.body),
  );
}
