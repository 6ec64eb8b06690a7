import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { mailerFromEnv } from '../notifications/mailer.ts';
import { deliverInTurn } from '../notifications/service.ts';
import { signedInActor } from '../server/access.ts';
import { IdParams, Problem, paged } from '../shared/schema.ts';
import { getAttachment } from './attachments.ts';
import { eraseSubmission } from './erase.ts';
import { assertMultipart, assertSameOrigin, parseFields, readForm } from './form.ts';
import { checkFormToken, clientHash, issueFormToken } from './form-token.ts';
import { noteRefusedUpload } from './refusals.ts';
import { listSubmissions, moderateSubmission } from './moderation.ts';
import {
  createConsultation,
  getConsultation,
  getPublicConsultation,
  listConsultations,
  updateConsultation,
} from './rounds.ts';
import {
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  ConsultationUpdate,
  FormToken,
  PublicConsultation,
  SUBMISSION_LIMITS,
  Submission,
  SubmissionErase,
  SubmissionErased,
  SubmissionModeration,
  SubmissionQuery,
  SubmissionReceipt,
} from './schema.ts';
import { assertOpen } from './status.ts';
import { checkSubmissionLimit, createSubmission, publicActor, retryAfterOf } from './submissions.ts';

export async function consultationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Uploads only here: this plugin's routes, with limits.
  await app.register(multipart, {
    limits: {
      fileSize: SUBMISSION_LIMITS.maxFileBytes,
      files: SUBMISSION_LIMITS.maxFiles,
      fields: 20,
      fieldSize: SUBMISSION_LIMITS.maxBodyChars * 4,
      parts: 30,
      headerPairs: 100,
    },
  });
  const tags = ['consultations'];

  app.get(
    '/consultations',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listConsultations',
        summary: 'List consultations',
        tags,
        querystring: ConsultationQuery,
        response: { 200: paged(Consultation) },
      },
    },
    async (req) => listConsultations(app.db, req.actor, req.query),
  );
  app.get(
    '/consultations/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getConsultation',
        tags,
        summary: 'A consultation with its published submissions (the public page)',
        params: IdParams,
        response: { 200: PublicConsultation },
      },
    },
    async (req) => getPublicConsultation(app.db, req.actor, req.params.id),
  );
  app.post(
    '/consultations',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createConsultation',
        summary: 'Open a consultation',
        tags,
        body: ConsultationCreate,
        response: { 201: Consultation },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createConsultation(app.db, signedInActor(req), req.body)),
  );
  app.patch(
    '/consultations/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateConsultation',
        summary: 'Change a consultation',
        tags,
        params: IdParams,
        body: ConsultationUpdate,
        response: { 200: Consultation },
      },
    },
    async (req) => updateConsultation(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.get(
    '/consultations/:id/form-token',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getConsultationFormToken',
        tags,
        summary: 'A token for the public submission form (send it as the field formToken)',
        params: IdParams,
        response: { 200: FormToken },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return issueFormToken(app.db, req.params.id);
    },
  );
  app.post(
    '/consultations/:id/submissions',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'createConsultationSubmission',
        tags,
        summary:
          'Submit input (multipart/form-data: formToken, organisationName, contactName, contactEmail, body, ' +
          'consentToPublish yes|no, up to 3 files of PDF, .docx, .odt or .txt, 10 MB each)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: SubmissionReceipt, 400: Problem },
      },
    },
    async (req, reply) => {
      try {
        assertMultipart(req);
        assertSameOrigin(req);
        assertOpen(await getConsultation(app.db, null, req.params.id));
        const hash = await clientHash(app.db, req.ip);
        await checkSubmissionLimit(app.db, hash);
        const { fields, files } = await readForm(req).catch((err: unknown) => {
          noteRefusedUpload(hash);
          throw err;
        });
        const form = parseFields(fields);
        await checkFormToken(app.db, req.params.id, form.formToken);
        const mailer = mailerFromEnv();
        const receipt = await createSubmission(app.db, req.params.id, hash, form.fields, files, {
          emailReceipt: mailer !== null,
        });
        if (mailer) {
          // Sent after the answer; a failure stays in the outbox and is retried with the reminders.
          void deliverInTurn(app.db, mailer, publicActor(hash))
            .catch((err: unknown) => req.log.warn({ err }, 'sending the receipt failed'))
            .finally(() => mailer.close());
        }
        return reply.status(201).send(receipt);
      } catch (err) {
        const wait = retryAfterOf(err);
        if (wait) reply.header('retry-after', String(wait));
        throw err;
      }
    },
  );
  app.get(
    '/consultations/:id/submissions',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'listConsultationSubmissions',
        summary: 'List all submissions of a consultation',
        tags,
        params: IdParams,
        querystring: SubmissionQuery,
        response: { 200: paged(Submission) },
      },
    },
    async (req) => listSubmissions(app.db, signedInActor(req), req.params.id, req.query),
  );
  app.patch(
    '/consultation-submissions/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateConsultationSubmission',
        tags,
        summary: 'Accept or reject a submission, publish it (only with consent), record how it was used',
        params: IdParams,
        body: SubmissionModeration,
        response: { 200: Submission },
      },
    },
    async (req) => moderateSubmission(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/consultation-submissions/:id/erase',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'eraseConsultationSubmission',
        tags,
        summary:
          "Erase a submission on its author's request: its personal data, files and receipt e-mail (the audit trail keeps only hashes)",
        params: IdParams,
        body: SubmissionErase,
        response: { 200: SubmissionErased },
      },
    },
    async (req) => eraseSubmission(app.db, signedInActor(req), req.params.id, req.body.version),
  );
  app.get(
    '/consultation-attachments/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'downloadConsultationAttachment',
        tags,
        summary: 'Download an attachment (public once its submission is published)',
        params: IdParams,
        response: { 200: z.any() },
      },
    },
    async (req, reply) => {
      const a = await getAttachment(app.db, req.actor, req.params.id);
      const ascii = a.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', a.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${a.sha256}"`)
        .send(a.content);
    },
  );
}
