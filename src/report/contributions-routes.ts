import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInActor } from '../server/access.ts';
import { IdParams, Problem } from '../shared/schema.ts';
import { assertSameOrigin } from '../consultations/form.ts';
import { clientHash } from '../consultations/form-token.ts';
import { retryAfterOf } from '../consultations/submissions.ts';
import { contributionErrors } from './contributions-errors.ts';
import {
  CONTRIBUTION_LIMITS,
  ContributionInput,
  ContributionReceipt,
  ContributionRequest,
  ContributionRequestCreate,
  ContributionRequestDetail,
  ContributionRequestList,
  ContributionRequestUpdate,
  ContributionRequestWithLink,
  PublicContributionForm,
  SecretParams,
  VersionBody,
  YearQuery,
} from './contributions-schema.ts';
import {
  closeRequest,
  createRequest,
  getRequest,
  listRequests,
  renewLink,
  updateRequest,
} from './contributions-service.ts';
import { publicForm, submitByLink, submitSignedIn } from './contributions-submit.ts';

const BASE = '/report/contributions';
/** The public form of a request, reached by the secret of its link. */
const FORM = '/contribution-forms/:secret';

/**
 * Requests for contributions to the annual report (managed by BZ's and BZK's coordinators, policy
 * in the service), contributions sent signed in, and the public form reached by a request's link.
 */
export async function contributionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['report'];
  app.get(
    BASE,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listContributionRequests',
        tags,
        summary: 'The requests for contributions of a year, with their numbers of contributions',
        querystring: YearQuery,
        response: { 200: ContributionRequestList },
      },
    },
    async (req) => listRequests(app.db, signedInActor(req), req.query.year),
  );
  app.post(
    BASE,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createContributionRequest',
        tags,
        summary: 'Make a request for contributions; the answer carries its link, shown this once',
        body: ContributionRequestCreate,
        response: { 201: ContributionRequestWithLink },
      },
    },
    async (req, reply) => reply.status(201).send(await createRequest(app.db, signedInActor(req), req.body)),
  );
  app.get(
    `${BASE}/:id`,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getContributionRequest',
        tags,
        summary: 'A request with its contributions (contact details only for those who manage)',
        params: IdParams,
        response: { 200: ContributionRequestDetail },
      },
    },
    async (req) => getRequest(app.db, signedInActor(req), req.params.id),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateContributionRequest',
        tags,
        summary: "Change a request's title, instructions, addressees or deadline",
        params: IdParams,
        body: ContributionRequestUpdate,
        response: { 200: ContributionRequest },
      },
    },
    async (req) => updateRequest(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/close`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'closeContributionRequest',
        tags,
        summary: 'Close a request: its link takes no more contributions',
        params: IdParams,
        body: VersionBody,
        response: { 200: ContributionRequest },
      },
    },
    async (req) => closeRequest(app.db, signedInActor(req), req.params.id, req.body.version),
  );
  app.post(
    `${BASE}/:id/link`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'replaceContributionLink',
        tags,
        summary: "Replace a request's link (the old one stops working); the new one is shown this once",
        params: IdParams,
        body: VersionBody,
        response: { 200: ContributionRequestWithLink },
      },
    },
    async (req) => renewLink(app.db, signedInActor(req), req.params.id, req.body.version),
  );
  app.post(
    `${BASE}/:id/contributions`,
    {
      config: { access: 'contributor' },
      bodyLimit: CONTRIBUTION_LIMITS.bodyBytes,
      schema: {
        operationId: 'createContribution',
        tags,
        summary: 'Send a contribution to a request, signed in',
        params: IdParams,
        body: ContributionInput,
        response: { 201: ContributionReceipt },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await submitSignedIn(app.db, signedInActor(req), req.params.id, req.body)),
  );
  app.get(
    FORM,
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getContributionForm',
        tags,
        summary: "The public contribution form of a request's link (404 for an unknown link)",
        params: SecretParams,
        response: { 200: PublicContributionForm },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return publicForm(app.db, req.params.secret);
    },
  );
  app.post(
    FORM,
    {
      config: { access: 'public' },
      bodyLimit: CONTRIBUTION_LIMITS.bodyBytes,
      schema: {
        operationId: 'submitContributionForm',
        tags,
        summary:
          "Send a contribution through a request's link, without an account (refused after the deadline or when closed)",
        params: SecretParams,
        body: ContributionInput,
        response: { 201: ContributionReceipt, 400: Problem },
      },
    },
    async (req, reply) => {
      try {
        assertSameOrigin(req, () => contributionErrors.contribution_cross_site());
        const hash = await clientHash(app.db, req.ip);
        return reply.status(201).send(await submitByLink(app.db, req.params.secret, hash, req.body));
      } catch (err) {
        const wait = retryAfterOf(err);
        if (wait) reply.header('retry-after', String(wait));
        throw err;
      }
    },
  );
}
