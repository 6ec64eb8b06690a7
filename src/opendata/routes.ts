/**
 * Open data, public, under /api/open-data/: the bulk downloads of everything published (.csv, .xlsx,
 * .json per dataset), one published recommendation at its stable URL, the data dictionary, the DCAT-AP
 * catalogue (JSON-LD) and an Atom feed of what was published last.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { followUpErrors } from '../followup/errors.ts';
import { exportLimiter } from '../server/limits.ts';
import { IdParams, Problem } from '../shared/schema.ts';
import { DATASETS, FORMATS, type DatasetName, type Format } from './datasets.ts';
import { catalog } from './dcat.ts';
import { MEDIA_TYPES, dictionary, dictionaryCsv, tableFile } from './format.ts';
import { Dictionary, OPEN_ROW_SCHEMAS, OpenRecommendation, type OpenRow } from './schema.ts';
import {
  modifiedPerDataset,
  publishedDocuments,
  publishedRecommendations,
  publisher,
  treaties,
} from './service.ts';

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const OPERATION: Record<DatasetName, string> = {
  recommendations: 'PublishedRecommendations',
  documents: 'PublishedDocuments',
  treaties: 'Treaties',
};
const FILE_DESCRIPTION: Record<Exclude<Format, 'json'>, string> = {
  csv: 'CSV (UTF-8 with a byte-order mark, comma, CRLF), a header row of the column names of the data dictionary',
  xlsx: 'An Excel workbook: one sheet, a header row of the column names of the data dictionary',
};

export async function openDataRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['open-data'];
  /** Absolute links: the configured public address (PUBLIC_BASE_URL), else the request's own. */
  const base = (req: FastifyRequest) => app.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
  const rows = (name: DatasetName, req: FastifyRequest): Promise<OpenRow[]> =>
    name === 'recommendations'
      ? publishedRecommendations(app.db, base(req))
      : name === 'documents'
        ? publishedDocuments(app.db, base(req))
        : treaties(app.db);

  for (const d of DATASETS) {
    for (const format of FORMATS) {
      app.get(
        `/open-data/${d.name}.${format}`,
        {
          config: { access: 'public' },
          schema: {
            operationId: `download${OPERATION[d.name]}${upper(format)}`,
            tags,
            summary: `Download the open dataset "${d.title.en}" as ${format.toUpperCase()}`,
            response: {
              200:
                format === 'json'
                  ? z.array(OPEN_ROW_SCHEMAS[d.name])
                  : z.string().describe(FILE_DESCRIPTION[format]),
              429: Problem,
            },
          },
        },
        async (req, reply) => {
          exportLimiter.admit(req, reply);
          const found = await rows(d.name, req);
          reply.header('content-disposition', `attachment; filename="${d.name}.${format}"`);
          reply.type(MEDIA_TYPES[format]);
          // JSON through the response schema: a column that is not in the dataset is never sent.
          if (format === 'json') return found;
          return (reply as FastifyReply).send(tableFile(d.name, found, format));
        },
      );
    }
  }

  app.get(
    '/open-data/recommendations/:id',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublishedRecommendation',
        tags,
        summary:
          'Get one published recommendation as in the open data (404 unless its follow-up is published)',
        params: IdParams,
        response: { 200: OpenRecommendation },
      },
    },
    async (req) => {
      const [row] = await publishedRecommendations(app.db, base(req), { id: req.params.id });
      if (!row) throw followUpErrors.not_published({ id: req.params.id });
      return row;
    },
  );

  app.get(
    '/open-data/dictionary.json',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getOpenDataDictionary',
        tags,
        summary: 'The data dictionary of the open data: per dataset each column, its type and its meaning',
        response: { 200: Dictionary },
      },
    },
    async () => dictionary(),
  );
  app.get(
    '/open-data/dictionary.csv',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'downloadOpenDataDictionaryCsv',
        tags,
        summary: 'The data dictionary of the open data as CSV, one row per dataset and column',
        response: {
          200: z.string().describe('CSV: dataset, name, type, required, description_nl, description_en'),
        },
      },
    },
    async (_req, reply) =>
      (reply as FastifyReply)
        .type(MEDIA_TYPES.csv)
        .header('content-disposition', 'attachment; filename="dictionary.csv"')
        .send(dictionaryCsv()),
  );

  app.get(
    '/open-data/catalog.jsonld',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getOpenDataCatalog',
        tags,
        summary:
          'The DCAT-AP description of the open data (JSON-LD), for the Dutch and European data portals',
        response: { 200: z.record(z.string(), z.unknown()).describe('A dcat:Catalog in JSON-LD') },
      },
    },
    async (req, reply) => {
      const body = catalog({
        base: base(req),
        publisher: await publisher(app.db),
        modified: await modifiedPerDataset(app.db),
      });
      return (reply as FastifyReply).type('application/ld+json; charset=utf-8').send(JSON.stringify(body));
    },
  );

  app.get(
    '/open-data/feed.atom',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getOpenDataFeed',
        tags,
        summary: 'An Atom feed of the documents and recommendations published last (50, newest first)',
        response: { 200: z.string().describe('An Atom 1.0 feed') },
      },
    },
    async (req, reply) => {
      const who = await publisher(app.db);
      const { atomFeed } = await import('./feed.ts'); // fast-xml-parser at the first feed, not at start-up
      const xml = await atomFeed(app.db, base(req), who.nl);
      return (reply as FastifyReply).type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
