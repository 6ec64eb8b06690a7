import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { AppError, notFound } from '../core/errors.ts';
import { IdParams, Problem, paged } from '../shared/schema.ts';
import { checkFile, type CheckedFile } from './files.ts';
import {
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  ConsultationUpdate,
  FormToken,
  PublicConsultation,
  SUBMISSION_LIMITS,
  Submission,
  SubmissionFields,
  SubmissionModeration,
  SubmissionQuery,
  SubmissionReceipt,
} from './schema.ts';
import {
  assertOpen,
  checkFormToken,
  checkSubmissionLimit,
  clientHash,
  createConsultation,
  createSubmission,
  getAttachment,
  getConsultation,
  getPublicConsultation,
  issueFormToken,
  listConsultations,
  listSubmissions,
  moderateSubmission,
  updateConsultation,
} from './service.ts';

const MB = SUBMISSION_LIMITS.maxFileBytes / 1024 / 1024;

/** Refuses a form posted from another site (the browser sends Origin with every cross-site POST). */
function assertSameOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  let own: string | null = null;
  try {
    own = new URL(`${req.protocol}://${req.headers.host ?? ''}`).host;
  } catch {
    own = null;
  }
  if (host === null || host !== own)
    throw new AppError(
      403,
      'cross_site',
      'Submissions are accepted only from the consultation page of this site. Open the page and submit the form there.',
    );
}

/** Reads the multipart form: fields as text, files checked by content. Nothing is saved here. */
async function readForm(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  const files: CheckedFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const buf = await part.toBuffer();
        if (!part.filename && buf.length === 0) continue; // an empty file input
        files.push(await checkFile(part.filename, buf));
      } else {
        if (part.valueTruncated)
          throw new AppError(413, 'too_large', `The field "${part.fieldname}" is too long.`);
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        413,
        'file_too_large',
        `A file is larger than ${MB} MB. Send smaller files. Nothing was saved.`,
      );
    if (code === 'FST_FILES_LIMIT')
      throw new AppError(
        413,
        'too_many_files',
        `Attach at most ${SUBMISSION_LIMITS.maxFiles} files. Nothing was saved.`,
      );
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError(413, 'too_large', 'The form has too many fields. Nothing was saved.');
    throw err;
  }
  return { fields, files };
}

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
      schema: { tags, querystring: ConsultationQuery, response: { 200: paged(Consultation) } },
    },
    async (req) => listConsultations(app.db, req.actor, req.query),
  );
  app.get(
    '/consultations/:id',
    {
      config: { access: 'public' },
      schema: {
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
      schema: { tags, body: ConsultationCreate, response: { 201: Consultation } },
    },
    async (req, reply) => reply.status(201).send(await createConsultation(app.db, req.actor!, req.body)),
  );
  app.patch(
    '/consultations/:id',
    {
      config: { access: 'coordinator' },
      schema: { tags, params: IdParams, body: ConsultationUpdate, response: { 200: Consultation } },
    },
    async (req) => updateConsultation(app.db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/consultations/:id/form-token',
    {
      config: { access: 'public' },
      schema: {
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
        if (!req.isMultipart())
          throw new AppError(
            415,
            'multipart_required',
            'Send the submission as multipart/form-data, from the consultation page.',
          );
        assertSameOrigin(req);
        const c = await getConsultation(app.db, null, req.params.id);
        assertOpen(c);
        const hash = await clientHash(app.db, req.ip);
        await checkSubmissionLimit(app.db, hash);
        const { fields, files } = await readForm(req);
        const parsed = SubmissionFields.safeParse(fields);
        if (!parsed.success) {
          const errors = parsed.error.issues.map((i) => ({
            path: `body.${i.path.join('.')}`,
            message: i.message,
          }));
          return reply
            .status(400)
            .type('application/problem+json')
            .send({
              type: 'https://rightsdesk.local/problems/validation',
              title: 'Bad request',
              status: 400,
              code: 'validation',
              detail: `The submission is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}. Nothing was saved.`,
              errors,
            });
        }
        await checkFormToken(app.db, req.params.id, parsed.data.formToken);
        const receipt = await createSubmission(
          app.db,
          req.params.id,
          hash,
          {
            organisationName: parsed.data.organisationName,
            contactName: parsed.data.contactName,
            contactEmail: parsed.data.contactEmail,
            body: parsed.data.body,
            consentToPublish: parsed.data.consentToPublish === 'yes',
          },
          files,
        );
        return reply.status(201).send(receipt);
      } catch (err) {
        const wait = (err as { retryAfter?: number }).retryAfter;
        if (wait) reply.header('retry-after', String(wait));
        throw err;
      }
    },
  );
  app.get(
    '/consultations/:id/submissions',
    {
      config: { access: 'coordinator' },
      schema: { tags, params: IdParams, querystring: SubmissionQuery, response: { 200: paged(Submission) } },
    },
    async (req) => listSubmissions(app.db, req.actor!, req.params.id, req.query),
  );
  app.patch(
    '/consultation-submissions/:id',
    {
      config: { access: 'coordinator' },
      schema: {
        tags,
        summary: 'Accept or reject a submission, publish it (only with consent), record how it was used',
        params: IdParams,
        body: SubmissionModeration,
        response: { 200: Submission },
      },
    },
    async (req) => moderateSubmission(app.db, req.actor!, req.params.id, req.body),
  );
  app.get(
    '/consultation-attachments/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Download an attachment (public once its submission is published)',
        params: IdParams,
        response: { 200: z.any() },
      },
    },
    async (req, reply) => {
      const a = await getAttachment(app.db, req.actor, req.params.id);
      if (!a) throw notFound('attachment', req.params.id);
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
