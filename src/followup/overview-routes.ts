/** The implementation overview of a cycle as .xlsx or .docx (overview.ts and its two writers). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportLimiter } from '../server/limits.ts';
import { Uuid } from '../shared/schema.ts';
import { overviewColumns, overviewCycle, overviewFileName, overviewRows } from './overview.ts';
import { overviewXlsx } from './overview-xlsx.ts';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export async function overviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/cycles/:id/implementation-overview.:format',
    {
      config: { access: 'signedIn' },
      schema: {
        operationId: 'exportImplementationOverview',
        tags: ['follow-up'],
        summary:
          'The implementation overview of a cycle: each recommendation with its position, who is responsible ' +
          'and the latest approved progress, as an Excel workbook or a Word table (?lang=nl|en)',
        params: z.object({ id: Uuid, format: z.enum(['xlsx', 'docx']) }),
        querystring: z.object({ lang: z.enum(['nl', 'en']).default('nl') }),
        response: { 200: z.any().describe('an .xlsx workbook or a .docx document') },
      },
    },
    async (req, reply) => {
      const { id, format } = req.params;
      const { lang } = req.query;
      const cycle = await overviewCycle(app.db, id, lang);
      exportLimiter.admit(req, reply);
      const rows = await overviewRows(app.db, id, lang);
      const columns = overviewColumns(cycle);
      const body =
        format === 'xlsx'
          ? await overviewXlsx(cycle, columns, rows, lang)
          : // The docx library loads at the first .docx, not at the server's start.
            await (await import('./overview-docx.ts')).overviewDocx(cycle, columns, rows, lang);
      return reply
        .type(TYPES[format])
        .header('content-disposition', `attachment; filename="${overviewFileName(cycle, lang, format)}"`)
        .send(body);
    },
  );
}
