import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../shared/schema.ts';
import {
  ImportKind,
  ImportSummary,
  Recommendation,
  RecommendationDetail,
  RecommendationQuery,
} from './schema.ts';
import { getRecommendation, listUnmappedTerms, searchRecommendations } from './service.ts';
import { importFile } from './importers.ts';
import { templateCsv, templateXlsx } from './import-spreadsheet.ts';
import { DEFAULT_COLUMNS, EXPORT_COLUMNS, exportRows, toCsv, toXlsx, type ExportColumn } from './export.ts';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches.ts';
import { Uuid } from '../shared/schema.ts';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const Facet = z.object({
  value: z.string(),
  count: z.number().int(),
  label: z.string().optional(),
  labelNl: z.string().optional(),
});

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
        tags,
        summary:
          'Search recommendations: full text (English and Dutch), exact symbols, filters and facet counts',
        querystring: RecommendationQuery,
        response: {
          200: z.object({
            items: z.array(Recommendation),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
            facets: z.record(z.string(), z.array(Facet)),
          }),
        },
      },
    },
    async (req) => searchRecommendations(app.db, req.query),
  );
  app.get(
    '/recommendations/export.:format',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Export the recommendations a search finds, with the columns you pick (csv, xlsx or json)',
        params: z.object({ format: z.enum(['csv', 'xlsx', 'json']) }),
        querystring: RecommendationQuery.omit({ page: true, pageSize: true }).extend({
          columns: z
            .string()
            .max(500)
            .optional()
            .refine((v) => !v || v.split(',').every((c) => c in EXPORT_COLUMNS), {
              message: `use a comma-separated list of ${Object.keys(EXPORT_COLUMNS).join(', ')}`,
            }),
          lang: z.enum(['nl', 'en']).default('nl'),
        }),
      },
    },
    async (req, reply) => {
      const { columns: cols, lang, ...filters } = req.query;
      const columns = cols ? (cols.split(',') as ExportColumn[]) : DEFAULT_COLUMNS;
      const rows = await exportRows(app.db, filters, columns);
      const name = `${lang === 'nl' ? 'aanbevelingen' : 'recommendations'}-${new Date().toISOString().slice(0, 10)}`;
      reply.header('content-disposition', `attachment; filename="${name}.${req.params.format}"`);
      if (req.params.format === 'csv')
        return reply.type('text/csv; charset=utf-8').send(toCsv(rows, columns, lang));
      if (req.params.format === 'json')
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(rows, null, 1));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await toXlsx(rows, columns, lang));
    },
  );
  const SavedSearch = z.object({ id: Uuid, name: z.string(), query: z.string(), createdAt: z.string() });
  app.get(
    '/saved-searches',
    {
      config: { access: 'signedIn' },
      schema: { tags, response: { 200: z.object({ items: z.array(SavedSearch) }) } },
    },
    async (req) => ({ items: await listSavedSearches(app.db, req.actor!) }),
  );
  app.post(
    '/saved-searches',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        body: z.object({
          name: z.string().trim().min(1, 'give the search a name').max(200),
          query: z.string().max(2000),
        }),
        response: { 201: SavedSearch },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await saveSearch(app.db, req.actor!, req.body.name, req.body.query)),
  );
  app.delete(
    '/saved-searches/:id',
    { config: { access: 'signedIn' }, schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteSavedSearch(app.db, req.actor!, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/recommendations/:id',
    {
      config: { access: 'public' },
      schema: { tags, params: IdParams, response: { 200: RecommendationDetail } },
    },
    async (req) => getRecommendation(app.db, req.params.id),
  );
  app.get(
    '/recommendations-unmapped-terms',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: 'Taxonomy spellings brought by imports that no term knows yet',
        response: {
          200: z.object({
            items: z.array(z.object({ scheme: z.string(), spelling: z.string(), count: z.number().int() })),
          }),
        },
      },
    },
    async () => ({ items: await listUnmappedTerms(app.db) }),
  );
  app.get(
    '/imports/template.:format',
    {
      config: { access: 'signedIn' },
      schema: {
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
        tags,
        summary:
          'Import a file (the raw file as the request body). preview=true shows the outcome without storing.',
        params: z.object({ kind: ImportKind }),
        querystring: z.object({
          fileName: z.string().min(1).max(300),
          preview: z.enum(['true', 'false']).default('false'),
          validRowsOnly: z.enum(['true', 'false']).default('false'),
          documentKind: z.enum(['auto', 'upr', 'treaty-body', 'advisory']).default('auto'),
        }),
        response: { 200: ImportSummary },
      },
    },
    async (req) => {
      const body = req.body as Buffer | undefined;
      if (!body || !Buffer.isBuffer(body) || body.length === 0) {
        throw Object.assign(new Error('Send the file as the request body.'), { statusCode: 400 });
      }
      return importFile(app.db, req.actor!, req.params.kind, req.query.fileName, new Uint8Array(body), {
        dryRun: req.query.preview === 'true',
        importValidRows: req.query.validRowsOnly === 'true',
        documentKind: req.query.documentKind,
      });
    },
  );
}
