import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../core/dates.ts';
import { signedInActor } from '../server/access.ts';
import { IdParams } from '../shared/schema.ts';
import {
  ExportQuery,
  exportColumnsOf,
  ImportKind,
  ImportQuery,
  ImportSummary,
  MergeRequest,
  MergeResult,
  RecommendationDetail,
  RecommendationPage,
  RecommendationQuery,
  SavedSearch,
  SavedSearchCreate,
  SplitRequest,
  UnmappedTerm,
  VersionQuery,
} from './schema.ts';
import { listUnmappedTerms, searchRecommendations } from './service.ts';
import { publicPage, searchResponseBody } from './search-response.ts';
import { importFile } from './importers.ts';
import { templateCsv, templateXlsx } from './import-spreadsheet.ts';
import { csvStream, exportRows, jsonStream, xlsxStream } from './export.ts';
import { exportLimiter } from '../server/limits.ts';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches.ts';
import { recommendationErrors } from './errors.ts';
import { getRecommendationDetail } from './merge-detail.ts';
import { mergeRecommendations, splitRecommendation } from './merge.ts';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export async function recommendationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['recommendations'];
  // Import files arrive as the raw request body (any type), up to 50 MB.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/recommendations',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'searchRecommendations',
        tags,
        summary:
          'Search recommendations: full text (English and Dutch), exact symbols, filters and facet counts; without signing in only published ones',
        querystring: RecommendationQuery,
        response: { 200: RecommendationPage },
      },
    },
    // Written by searchResponseBody: what the schema lets through, written once per kept result
    // instead of being validated and stringified by zod on every request (see search-response.ts).
    async (req, reply) => {
      if (!req.actor && req.query.leadOrganisationId) throw recommendationErrors.lead_filter_signed_in();
      // Visitors who are not signed in find published recommendations only.
      const found = await searchRecommendations(app.db, req.query, { publishedOnly: !req.actor });
      const body = searchResponseBody(req.actor ? found : publicPage(found));
      // Sent as bytes: the reply's type (the schema's object) does not cover them.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );
  app.get(
    '/recommendations/export.:format',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'exportRecommendations',
        tags,
        summary:
          'Export the recommendations a search finds, with the columns you pick (csv, xlsx or json); without signing in only published ones',
        params: z.object({ format: z.enum(['csv', 'xlsx', 'json']) }),
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      if (!req.actor && req.query.leadOrganisationId) throw recommendationErrors.lead_filter_signed_in();
      exportLimiter.admit(req, reply);
      const { columns: cols, lang, ...filters } = req.query;
      const columns = exportColumnsOf(cols);
      const rows = await exportRows(app.db, filters, columns, { publishedOnly: !req.actor });
      const name = `${lang === 'nl' ? 'aanbevelingen' : 'recommendations'}-${today()}`;
      reply.header('content-disposition', `attachment; filename="${name}.${req.params.format}"`);
      if (req.params.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(csvStream(rows, columns, lang));
      if (req.params.format === 'json')
        return reply.type('application/json; charset=utf-8').send(jsonStream(rows));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(xlsxStream(rows, columns, lang));
    },
  );
  app.get(
    '/saved-searches',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listSavedSearches',
        summary: 'List your saved searches',
        tags,
        response: { 200: z.object({ items: z.array(SavedSearch) }) },
      },
    },
    async (req) => ({ items: await listSavedSearches(app.db, signedInActor(req)) }),
  );
  app.post(
    '/saved-searches',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'createSavedSearch',
        summary: 'Save a search',
        tags,
        body: SavedSearchCreate,
        response: { 201: SavedSearch },
      },
    },
    async (req, reply) => reply.status(201).send(await saveSearch(app.db, signedInActor(req), req.body)),
  );
  app.delete(
    '/saved-searches/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'deleteSavedSearch',
        tags,
        summary: 'Delete a saved search of yours, at the version you saw (a changed one is refused with 409)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteSavedSearch(app.db, signedInActor(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/recommendations/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getRecommendation',
        summary: 'Get a recommendation with its sources and tags (without signing in only a published one)',
        tags,
        params: IdParams,
        response: { 200: RecommendationDetail },
      },
    },
    async (req) => getRecommendationDetail(app.db, req.actor ?? null, req.params.id),
  );
  app.post(
    '/recommendations/:id/merge',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'mergeRecommendations',
        tags,
        summary:
          'Merge another recommendation into this one: one record with the sources, states and tags of both',
        params: IdParams,
        body: MergeRequest,
        response: { 200: MergeResult },
      },
    },
    async (req) => mergeRecommendations(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.post(
    '/recommendations/:id/split',
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'splitRecommendation',
        tags,
        summary:
          'Take a source out of this recommendation: back into the recommendation it was merged from, or a new one',
        params: IdParams,
        body: SplitRequest,
        response: { 200: MergeResult },
      },
    },
    async (req) => splitRecommendation(app.db, signedInActor(req), req.params.id, req.body),
  );
  app.get(
    '/recommendations-unmapped-terms',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listUnmappedTerms',
        tags,
        summary: 'Taxonomy spellings brought by imports that no term knows yet',
        response: { 200: z.object({ items: z.array(UnmappedTerm) }) },
      },
    },
    async () => ({ items: await listUnmappedTerms(app.db) }),
  );
  app.get(
    '/imports/template.:format',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getImportTemplate',
        tags,
        summary: 'The spreadsheet template for recommendations from any source (.xlsx or .csv)',
        params: z.object({ format: z.enum(['xlsx', 'csv']) }),
        querystring: z.object({ lang: z.enum(['nl', 'en']).default('nl') }),
      },
    },
    async (req, reply) => {
      const name = req.query.lang === 'nl' ? 'aanbevelingen-sjabloon' : 'recommendations-template';
      reply.header('content-disposition', `attachment; filename="${name}.${req.params.format}"`);
      if (req.params.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(templateCsv(req.query.lang));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await templateXlsx(req.query.lang));
    },
  );
  app.post(
    '/imports/:kind',
    {
      config: { access: 'coordinator' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        operationId: 'importRecommendations',
        tags,
        summary:
          'Import a file (the raw file as the request body). preview=true shows the outcome without storing.',
        params: z.object({ kind: ImportKind }),
        querystring: ImportQuery,
        response: { 200: ImportSummary },
      },
    },
    async (req) => {
      const body = req.body as Buffer | undefined;
      if (!body || !Buffer.isBuffer(body) || body.length === 0) throw recommendationErrors.file_missing();
      return importFile(
        app.db,
        signedInActor(req),
        req.params.kind,
        req.query.fileName,
        new Uint8Array(body),
        {
          dryRun: req.query.preview === 'true',
          importValidRows: req.query.validRowsOnly === 'true',
          documentKind: req.query.documentKind,
        },
      );
    },
  );
}
