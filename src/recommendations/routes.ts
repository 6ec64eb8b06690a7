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

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const Facet = z.object({ value: z.string(), count: z.number().int(), label: z.string().optional() });

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
      });
    },
  );
}
