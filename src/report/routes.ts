import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInActor } from '../server/access.ts';
import { paged } from '../shared/schema.ts';
import { listActivities } from './activities.ts';
import { frameworkRoutes } from './framework-routes.ts';
import { reportErrors } from './errors.ts';
import { importIati, importSheet } from './imports.ts';
import {
  ActivityPriority,
  ActivityPriorityInput,
  ActivityPriorityParams,
  AnnexActivities,
  Expenditure,
  ExpenditureImport,
  ExpenditureQuery,
  ImportFileQuery,
  Sector,
  SectorCreate,
  Totals,
  TotalsQuery,
} from './schema.ts';
import {
  addSector,
  expenditureTotals,
  listExpenditures,
  listSectors,
  setActivityPriority,
} from './service.ts';

const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const BASE = '/report/expenditures';

/** The bytes of an uploaded file sent as the raw request body (any content type). */
function fileOf(body: unknown): Uint8Array {
  if (Buffer.isBuffer(body) && body.length > 0) return new Uint8Array(body);
  if (typeof body === 'string' && body.length > 0) return new TextEncoder().encode(body);
  throw reportErrors.file_missing();
}

export async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['report'];
  await fastify.register(frameworkRoutes);
  // Import files arrive as the raw request body (XML, CSV or .xlsx), up to 50 MB.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'text/plain',
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    BASE,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listExpenditures',
        tags,
        summary: 'Expenditures of the financial annex, by year, priority, source or activity',
        querystring: ExpenditureQuery,
        response: { 200: paged(Expenditure) },
      },
    },
    async (req) => listExpenditures(app.db, signedInActor(req), req.query),
  );
  app.get(
    `${BASE}/totals`,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'getExpenditureTotals',
        tags,
        summary: 'Per-priority totals per year (cash basis) with the notes of each year',
        querystring: TotalsQuery,
        response: { 200: Totals.extend({ abilities: z.object({ manage: z.boolean() }) }) },
      },
    },
    async (req) => expenditureTotals(app.db, signedInActor(req), req.query),
  );
  app.post(
    `${BASE}/imports/iati`,
    {
      config: { access: 'coordinator' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        operationId: 'importIatiActivities',
        tags,
        summary: 'Import an IATI 2.0x activity file (the raw file as the request body); all or nothing',
        querystring: ImportFileQuery,
        response: { 200: ExpenditureImport },
      },
    },
    async (req) => importIati(app.db, signedInActor(req), req.query.fileName, fileOf(req.body)),
  );
  app.post(
    `${BASE}/imports/sheet`,
    {
      config: { access: 'coordinator' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        operationId: 'importExpenditureSheet',
        tags,
        summary: 'Import expenditures from .xlsx or .csv (the raw file as the request body); all or nothing',
        querystring: ImportFileQuery,
        response: { 200: ExpenditureImport },
      },
    },
    async (req) => importSheet(app.db, signedInActor(req), req.query.fileName, fileOf(req.body)),
  );
  app.get(
    `${BASE}/activities`,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listIatiActivities',
        tags,
        summary: 'The IATI activities of the annex with the priority each counts for and its payments',
        response: { 200: AnnexActivities },
      },
    },
    async (req) => listActivities(app.db, signedInActor(req)),
  );
  app.patch(
    `${BASE}/activities/:identifier`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'updateIatiActivity',
        tags,
        summary: 'Set the priority an IATI activity counts for; its expenditures move with it',
        params: ActivityPriorityParams,
        body: ActivityPriorityInput,
        response: { 200: ActivityPriority },
      },
    },
    async (req) => setActivityPriority(app.db, signedInActor(req), req.params.identifier, req.body),
  );
  app.get(
    `${BASE}/sectors`,
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'listIatiSectors',
        tags,
        summary: 'The sectors an IATI import takes',
        response: { 200: z.array(Sector) },
      },
    },
    async (req) => listSectors(app.db, signedInActor(req)),
  );
  app.post(
    `${BASE}/sectors`,
    {
      config: { access: 'coordinator' },
      schema: {
        operationId: 'createIatiSector',
        tags,
        summary: 'Add a human rights sector to IATI imports',
        body: SectorCreate,
        response: { 201: Sector },
      },
    },
    async (req, reply) => reply.status(201).send(await addSector(app.db, signedInActor(req), req.body)),
  );
}
