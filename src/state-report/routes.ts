import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { registerStateReportContributionRoutes } from './contribution-routes.ts';
import { createStateReport } from './create.ts';
import { stateReportErrors } from './errors.ts';
import { getStateReport, listStateReports } from './load.ts';
import { importListOfIssues } from './loi-import.ts';
import { wordLimits } from './reference.ts';
import {
  ListOfIssuesImported,
  ListOfIssuesQuery,
  StateReport,
  StateReportCreate,
  StateReportList,
  StateReportParams,
  StateReportQuery,
  StateReportSection,
  StateReportSectionParams,
  StateReportSectionUpdate,
  StateReportSubmission,
  WordLimitList,
} from './schema.ts';
import { getStateReportSection, updateStateReportSection } from './sections.ts';
import { recordStateReportSubmission } from './submission.ts';

const MAX_LOI_BYTES = 20 * 1024 * 1024;
const tags = ['State report'];

/** The bytes of an uploaded file sent as the raw request body. */
function fileOf(body: unknown): Uint8Array {
  if (Buffer.isBuffer(body) && body.length > 0) return new Uint8Array(body);
  if (typeof body === 'string' && body.length > 0) return new TextEncoder().encode(body);
  throw stateReportErrors.file_missing();
}

/** The report, its sections, the list of issues and the submission (their own context: the raw body parser). */
async function stateReportCoreRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The list of issues arrives as the raw request body (.txt, .docx or .pdf).
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_LOI_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'text/plain',
    { parseAs: 'buffer', bodyLimit: MAX_LOI_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/state-reports',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listStateReports',
        summary: 'List state reports with their words against the limit',
        tags,
        querystring: StateReportQuery,
        response: { 200: StateReportList },
      },
    },
    async (req) => ({ items: await listStateReports(app.db, req.query.cycleId) }),
  );
  app.get(
    '/state-reports/word-limits',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listWordLimits',
        summary: "The UN's word limits for documents of States parties, with their source",
        tags,
        response: { 200: WordLimitList },
      },
    },
    async () => ({ items: wordLimits() }),
  );
  app.post(
    '/state-reports',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createStateReport',
        summary: 'Make the state report of a cycle, its sections from the kind of report',
        tags,
        body: StateReportCreate,
        response: { 201: StateReport },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createStateReport(app.db, signedInActor(req), req.body)),
  );
  app.get(
    '/state-reports/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getStateReport',
        summary: 'Get a state report with its sections, words and word limit',
        tags,
        params: StateReportParams,
        response: { 200: StateReport },
      },
    },
    async (req) => getStateReport(app.db, req.actor, req.params.id),
  );
  app.post(
    '/state-reports/:id/list-of-issues',
    {
      config: { access: 'coordinator' },
      bodyLimit: MAX_LOI_BYTES,
      schema: {
        operationId: 'importListOfIssues',
        summary:
          'Import the list of issues (the raw .txt, .docx or .pdf as the body): a section per question',
        tags,
        params: StateReportParams,
        querystring: ListOfIssuesQuery,
        response: { 200: ListOfIssuesImported },
      },
    },
    async (req) =>
      importListOfIssues(
        app.db,
        signedInActor(req),
        req.params.id,
        req.query.fileName ?? 'list-of-issues.txt',
        fileOf(req.body),
      ),
  );
  app.get(
    '/state-reports/:id/sections/:sectionId',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getStateReportSection',
        summary: 'Get a section of a state report with what it must answer',
        tags,
        params: StateReportSectionParams,
        response: { 200: StateReportSection },
      },
    },
    async (req) => getStateReportSection(app.db, req.actor, req.params.id, req.params.sectionId),
  );
  app.patch(
    '/state-reports/:id/sections/:sectionId',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateStateReportSection',
        summary: 'Change the text of a section of a state report',
        tags,
        params: StateReportSectionParams,
        body: StateReportSectionUpdate,
        response: { 200: StateReportSection },
      },
    },
    async (req) =>
      updateStateReportSection(app.db, signedInActor(req), req.params.id, req.params.sectionId, req.body),
  );
  app.post(
    '/state-reports/:id/submission',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'recordStateReportSubmission',
        summary: "Record the report's submission: its date and symbol, as a phase of the cycle",
        tags,
        params: StateReportParams,
        body: StateReportSubmission,
        response: { 200: StateReport },
      },
    },
    async (req) => recordStateReportSubmission(app.db, signedInActor(req), req.params.id, req.body),
  );
}

/** The state report's routes: the core's, and the contributions and export (C2) in a context of their own. */
export async function registerStateReportRoutes(fastify: FastifyInstance) {
  await fastify.register(stateReportCoreRoutes);
  await registerStateReportContributionRoutes(fastify);
}
