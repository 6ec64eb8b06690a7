/**
 * The routes of the contributions to a state report and of its export (thin: the rules are in the
 * services). Registered by the state report's routes (routes.ts) through
 * registerStateReportContributionRoutes, in a plugin of their own so that the .docx upload's body
 * parser stays with these routes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { stateReportContributionErrors as E } from './contributions-errors.ts';
import { getStateReportProgress } from './contributions-progress.ts';
import {
  createContributionRequests,
  getContributionRequest,
  listMyContributionRequests,
} from './contributions-requests.ts';
import {
  CONTRIBUTION_DOCX_BYTES,
  ContributionDecision,
  ContributionMerge,
  ContributionMerged,
  ContributionParams,
  ContributionRequestsCreate,
  ContributionRequestsCreated,
  ContributionSave,
  ContributionSubmit,
  DocxQuery,
  RequestParams,
  StateReportContribution,
  StateReportExported,
  StateReportProgress,
  StateReportRequest,
  StateReportRequestList,
} from './contributions-schema.ts';
import {
  decideContribution,
  mergeContributions,
  saveContribution,
  submitContribution,
  uploadContributionDocx,
} from './contributions-write.ts';
import { exportStateReport } from './export.ts';
import { StateReportParams, StateReportSectionParams } from './schema.ts';

/** The content types a .docx upload may be sent as (the raw file as the request body). */
const DOCX_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream',
];

function fileOf(body: unknown): Uint8Array {
  if (Buffer.isBuffer(body) && body.length > 0) return new Uint8Array(body);
  throw E.contribution_file_missing();
}

async function contributionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const type of DOCX_TYPES)
    if (!fastify.hasContentTypeParser(type))
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: CONTRIBUTION_DOCX_BYTES },
        (_req, body, done) => done(null, body),
      );
  const tags = ['State report'];
  app.post(
    '/state-reports/:id/requests',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createContributionRequests',
        tags,
        summary:
          'Ask organisations for contributions to sections, with a deadline (every section × organisation)',
        params: StateReportParams,
        body: ContributionRequestsCreate,
        response: { 201: ContributionRequestsCreated },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createContributionRequests(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.get(
    '/state-reports/:id/progress',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getStateReportProgress',
        tags,
        summary: 'The contributions per section and organisation: requested, deadline, state, late',
        params: StateReportParams,
        response: { 200: StateReportProgress },
      },
    },
    async (req) => getStateReportProgress(app.db, signedInActor(req), req.params.id),
  );
  app.get(
    '/state-report-requests',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listMyContributionRequests',
        tags,
        summary: "The requests for contributions to the signed-in user's organisation",
        response: { 200: StateReportRequestList },
      },
    },
    async (req) => listMyContributionRequests(app.db, signedInActor(req)),
  );
  app.get(
    '/state-report-requests/:requestId',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getStateReportContributionRequest',
        tags,
        summary: 'A request for a contribution: the section, its question, the deadline and the contribution',
        params: RequestParams,
        response: { 200: StateReportRequest },
      },
    },
    async (req) => getContributionRequest(app.db, signedInActor(req), req.params.requestId),
  );
  app.put(
    '/state-report-requests/:requestId/contribution',
    {
      config: { access: 'contributor' },
      bodyLimit: CONTRIBUTION_DOCX_BYTES,
      schema: {
        operationId: 'saveStateReportContribution',
        tags,
        summary: "Save the organisation's contribution as a draft (its version after the first save)",
        params: RequestParams,
        body: ContributionSave,
        response: { 200: StateReportRequest },
      },
    },
    async (req) => saveContribution(app.db, signedInActor(req), req.params.requestId, req.body),
  );
  app.post(
    '/state-report-requests/:requestId/contribution.docx',
    {
      config: { access: 'contributor' },
      bodyLimit: CONTRIBUTION_DOCX_BYTES,
      schema: {
        operationId: 'uploadStateReportContributionDocx',
        tags,
        summary: 'Read an uploaded .docx (the raw file as the request body) into the draft contribution',
        params: RequestParams,
        querystring: DocxQuery,
        response: { 200: StateReportRequest },
      },
    },
    async (req) =>
      uploadContributionDocx(
        app.db,
        signedInActor(req),
        req.params.requestId,
        fileOf(req.body),
        req.query.fileName,
      ),
  );
  app.post(
    '/state-report-requests/:requestId/contribution/submit',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'submitStateReportContribution',
        tags,
        summary: 'Submit the contribution (after the deadline it is accepted and marked late)',
        params: RequestParams,
        body: ContributionSubmit,
        response: { 200: StateReportRequest },
      },
    },
    async (req) => submitContribution(app.db, signedInActor(req), req.params.requestId, req.body.version),
  );
  app.post(
    '/state-report-contributions/:id/decision',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'decideStateReportContribution',
        tags,
        summary: 'Accept or reject a submitted contribution',
        params: ContributionParams,
        body: ContributionDecision,
        response: { 200: StateReportContribution },
      },
    },
    async (req) => decideContribution(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/state-reports/:id/sections/:sectionId/merge',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'mergeStateReportContributions',
        tags,
        summary: "Append accepted contributions' texts to the section's text, as paragraphs",
        params: StateReportSectionParams,
        body: ContributionMerge,
        response: { 200: ContributionMerged },
      },
    },
    async (req) =>
      mergeContributions(app.db, signedInActor(req), req.params.id, req.params.sectionId, req.body),
  );
  app.post(
    '/state-reports/:id/export',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'exportStateReport',
        tags,
        summary:
          'Make (or regenerate) the report in the UN layout and its cover memo in the document workspace',
        params: StateReportParams,
        response: { 200: StateReportExported },
      },
    },
    async (req) => exportStateReport(app.db, signedInActor(req), req.params.id),
  );
}

/** Registers the contribution and export routes of the state report (called by its routes.ts). */
export async function registerStateReportContributionRoutes(app: FastifyInstance): Promise<void> {
  await app.register(contributionRoutes);
}
