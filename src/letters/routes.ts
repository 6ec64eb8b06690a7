/**
 * The routes of the document workspace, under /api/letters: documents generated from the data,
 * their sections, frame, versions, consultations and state, and their .docx and PDF. Every
 * signed-in user reads; the policy (policy.ts) decides who changes what.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { exportLimiter } from '../server/limits.ts';
import { paged, VersionParam } from '../shared/schema.ts';
import './generators/all.ts';
import { createLetter } from './create.ts';
import { printable } from './export.ts';
import { OutgoingKind } from './kinds.ts';
import { creatableKinds } from './policy.ts';
import { regenerateLetter } from './regenerate.ts';
import { addSection, editFrame, editSection, removeSection, revertSection } from './sections.ts';
import {
  changeState,
  confirmConsultation,
  requestConsultation,
  setKamerstuk,
  withdrawConsultation,
} from './states.ts';
import { compareVersions, getVersion, listVersions } from './versions.ts';
import { getDocument, listDocuments } from './workspace.ts';
import {
  CompareQuery,
  Comparison,
  ConsultationConfirm,
  ConsultationParams,
  ConsultationRequest,
  FrameEdit,
  KamerstukEdit,
  LetterIdParams,
  RegenerateResult,
  SectionAdd,
  SectionEdit,
  SectionParams,
  StateChange,
  VersionBody,
  VersionDetail,
  VersionParams,
  VersionSummary,
  WorkspaceCreate,
  WorkspaceDocument,
  WorkspaceQuery,
  WorkspaceSummary,
} from './workspace-schema.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const VersionQuery = z.object({ version: VersionParam });

export async function letterRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['letters'];
  const one = { 200: WorkspaceDocument };
  app.get(
    '/letters',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listLetters',
        summary: 'List the documents of the workspace',
        tags,
        querystring: WorkspaceQuery,
        response: { 200: paged(WorkspaceSummary) },
      },
    },
    async (req) => listDocuments(app.db, req.query),
  );
  app.get(
    '/letters/kinds',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listLetterKinds',
        tags,
        summary: 'The kinds of document the user may create',
        response: { 200: z.object({ kinds: z.array(OutgoingKind) }) },
      },
    },
    async (req) => ({ kinds: creatableKinds(signedInActor(req)) }),
  );
  app.post(
    '/letters',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createLetter',
        tags,
        summary: 'Generate a document from the data (the annual letter, a memo, a cabinet response, …)',
        body: WorkspaceCreate,
        response: { 201: WorkspaceDocument },
      },
    },
    async (req, reply) => reply.status(201).send(await createLetter(app.db, signedInActor(req), req.body)),
  );
  app.get(
    '/letters/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getLetter',
        summary: 'Get a document of the workspace with its sections',
        tags,
        params: LetterIdParams,
        response: one,
      },
    },
    async (req) => getDocument(app.db, signedInActor(req), req.params.id),
  );
  app.post(
    '/letters/:id/regenerate',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'regenerateLetter',
        tags,
        summary:
          'Generate the document again: edited sections are kept, the answer says what changed in the data',
        params: LetterIdParams,
        body: VersionBody,
        response: { 200: RegenerateResult },
      },
    },
    async (req) => regenerateLetter(app.db, signedInActor(req), req.params.id, req.body.version),
  );
  app.patch(
    '/letters/:id/frame',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateLetterFrame',
        summary: 'Change the frame of a document (addressee, subject, memo fields)',
        tags,
        params: LetterIdParams,
        body: FrameEdit,
        response: one,
      },
    },
    async (req) => editFrame(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/letters/:id/sections',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'createLetterSection',
        tags,
        summary: 'Add a section written by hand',
        params: LetterIdParams,
        body: SectionAdd,
        response: one,
      },
    },
    async (req) => addSection(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.patch(
    '/letters/:id/sections/:key',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'updateLetterSection',
        summary: 'Edit a section of a document',
        tags,
        params: SectionParams,
        body: SectionEdit,
        response: one,
      },
    },
    async (req) => editSection(app.db, signedInActor(req), req.params.id, req.params.key, req.body),
  );
  app.post(
    '/letters/:id/sections/:key/revert',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'revertLetterSection',
        tags,
        summary: 'Put the generated text back in an edited section',
        params: SectionParams,
        body: VersionBody,
        response: one,
      },
    },
    async (req) => revertSection(app.db, signedInActor(req), req.params.id, req.params.key, req.body.version),
  );
  app.delete(
    '/letters/:id/sections/:key',
    {
      config: { access: 'contributor' },
      schema: {
        operationId: 'deleteLetterSection',
        tags,
        summary: 'Remove a section added by hand, or an edited one the data no longer produces',
        params: SectionParams,
        querystring: VersionQuery,
        response: one,
      },
    },
    async (req) =>
      removeSection(app.db, signedInActor(req), req.params.id, req.params.key, req.query.version),
  );
  app.post(
    '/letters/:id/state',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'changeLetterState',
        tags,
        summary: 'Move the document to another state',
        params: LetterIdParams,
        body: StateChange,
        response: one,
      },
    },
    async (req) => changeState(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.patch(
    '/letters/:id/kamerstuk',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'setLetterKamerstuk',
        tags,
        summary: 'Set the Kamerstuk number of a sent document',
        params: LetterIdParams,
        body: KamerstukEdit,
        response: one,
      },
    },
    async (req) => setKamerstuk(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/letters/:id/consultations',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'requestLetterConfirmation',
        tags,
        summary: 'Ask a ministry to confirm the document',
        params: LetterIdParams,
        body: ConsultationRequest,
        response: one,
      },
    },
    async (req) => requestConsultation(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/letters/:id/consultations/:consultationId/confirm',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'confirmLetter',
        tags,
        summary: 'Confirm the document on behalf of the ministry asked',
        params: ConsultationParams,
        body: ConsultationConfirm,
        response: one,
      },
    },
    async (req) =>
      confirmConsultation(app.db, signedInActor(req), req.params.id, req.params.consultationId, req.body),
  );
  app.delete(
    '/letters/:id/consultations/:consultationId',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'deleteLetterConsultation',
        summary: 'Withdraw the request to a ministry to confirm the document',
        tags,
        params: ConsultationParams,
        querystring: VersionQuery,
        response: one,
      },
    },
    async (req) =>
      withdrawConsultation(
        app.db,
        signedInActor(req),
        req.params.id,
        req.params.consultationId,
        req.query.version,
      ),
  );
  app.get(
    '/letters/:id/versions',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listLetterVersions',
        summary: 'List the versions of a document',
        tags,
        params: LetterIdParams,
        response: { 200: z.array(VersionSummary) },
      },
    },
    async (req) => listVersions(app.db, req.params.id),
  );
  app.get(
    '/letters/:id/versions/:number',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getLetterVersion',
        summary: 'Get one version of a document',
        tags,
        params: VersionParams,
        response: { 200: VersionDetail },
      },
    },
    async (req) => getVersion(app.db, req.params.id, req.params.number),
  );
  app.get(
    '/letters/:id/compare',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'compareLetterVersions',
        tags,
        summary: 'Two versions side by side, per section',
        params: LetterIdParams,
        querystring: CompareQuery,
        response: { 200: Comparison },
      },
    },
    async (req) => compareVersions(app.db, req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/letters/:id/docx',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'downloadLetterDocx',
        summary: 'Download the document as .docx',
        tags,
        params: LetterIdParams,
        response: { 200: z.any().describe('a .docx document') },
      },
    },
    async (req, reply) => {
      const p = await printable(app.db, req.params.id);
      exportLimiter.admit(req, reply);
      return (
        reply
          .type(DOCX)
          .header('content-disposition', `attachment; filename="${p.name}.docx"`)
          // The layout engines (docx; Chromium for the PDF) load at their first use, not at the server's start.
          .send(await (await import('./docx.ts')).renderDocx(p.document))
      );
    },
  );
  app.get(
    '/letters/:id/pdf',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'downloadLetterPdf',
        tags,
        summary:
          'The document as an accessible PDF (tagged, with bookmarks); 503 when the server has no Chromium',
        params: LetterIdParams,
        response: { 200: z.any().describe('a PDF document') },
      },
    },
    async (req, reply) => {
      const p = await printable(app.db, req.params.id);
      exportLimiter.admit(req, reply);
      const [{ renderPdf }, { renderHtml }] = await Promise.all([import('./pdf.ts'), import('./html.ts')]);
      const pdf = await renderPdf(renderHtml(p.document, p.language), p.language);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${p.name}.pdf"`)
        .send(pdf);
    },
  );
}
