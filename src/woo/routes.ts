/**
 * Woo publication: the redaction review of a document of the workspace and its publication, and
 * the public versions the public reads (access public: only outgoing_publications is read there).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { exportLimiter } from '../server/limits.ts';
import { IdParams, PageQuery, paged } from '../shared/schema.ts';
import { getPublic, listPublic, publicDocx, publicPdf } from './public.ts';
import {
  getReview,
  publishDocument,
  searchDocument,
  unpublishDocument,
  updateReview,
} from './publication.ts';
import {
  PublicDocument,
  PublicDocumentSummary,
  PublishInput,
  RedactionReview,
  RedactionUpdate,
} from './publication-schema.ts';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export async function wooRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['woo'];
  const review = { params: IdParams, response: { 200: RedactionReview } };
  app.get(
    '/letters/:id/redactions',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getRedactionReview',
        tags,
        summary: 'The redaction review of a document: its text and the redaction list',
        ...review,
      },
    },
    async (req) => getReview(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/letters/:id/redactions/search',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'searchPersonalData',
        tags,
        summary: 'Search the document for personal data (again); decisions made stay',
        ...review,
      },
    },
    async (req) => searchDocument(app.db, signedInActor(req), req.params.id),
  );
  app.patch(
    '/letters/:id/redactions',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateRedactionReview',
        tags,
        summary: 'Decide on findings, add spans by hand, finish the review',
        body: RedactionUpdate,
        ...review,
      },
    },
    async (req) => updateReview(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/letters/:id/publish',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'publishLetter',
        tags,
        summary: 'Publish the public version (the review must be finished)',
        body: PublishInput,
        ...review,
      },
    },
    async (req) => publishDocument(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/letters/:id/unpublish',
    {
      config: { access: 'coordinator' },
      schema: { operationId: 'unpublishLetter', tags, summary: 'Withdraw the public version', ...review },
    },
    async (req) => unpublishDocument(app.db, signedInActor(req), req.params.id),
  );

  app.get(
    '/public/letters',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listPublicLetters',
        tags,
        summary: 'The published documents (their public versions)',
        querystring: PageQuery,
        response: { 200: paged(PublicDocumentSummary) },
      },
    },
    async (req) => listPublic(app.db, req.query),
  );
  app.get(
    '/public/letters/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublicLetter',
        summary: 'Get the public version of a published document',
        tags,
        params: IdParams,
        response: { 200: PublicDocument },
      },
    },
    async (req) => getPublic(app.db, req.params.id),
  );
  app.get(
    '/public/letters/:id/file.:format',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'downloadPublicLetter',
        tags,
        summary: 'The public version as .docx or as an accessible PDF',
        params: IdParams.extend({ format: z.enum(['docx', 'pdf']) }),
        response: { 200: z.any().describe('a .docx document or a PDF') },
      },
    },
    async (req, reply) => {
      const { id, format } = req.params;
      exportLimiter.admit(req, reply);
      const file = format === 'docx' ? await publicDocx(app.db, id) : await publicPdf(app.db, id);
      return reply
        .type(TYPES[format])
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
}
