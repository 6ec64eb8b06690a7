import type { RedactionReview } from '../../woo/publication-schema.ts';
import { ctx, idOf, mem, state, type Performed, type Recipe } from './context.ts';

/**
 * The recipes of Woo publication, on the document the workspace's recipes made: its text searched,
 * every finding decided and the review finished, the public version published and withdrawn.
 */
const letterId = () => idOf(mem.letter!);
const review = (res: Performed) => res.body as RedactionReview;
const rowId = async (table: 'outgoing_redactions' | 'outgoing_publications') =>
  (await state.t.db.query<{ id: string }>(`select id from ${table} where document_id = $1`, [letterId()]))
    .rows[0]?.id ?? '';

export const wooRecipes: Record<string, Recipe> = {
  'POST /api/letters/:id/redactions/search': {
    run: async (call) => {
      const res = await call('POST', `/api/letters/${letterId()}/redactions/search`);
      ctx.redaction = await rowId('outgoing_redactions');
      ctx.redactionVersion = String(review(res).version);
      ctx.findings = JSON.stringify(review(res).findings.map((f) => f.id));
      return res;
    },
    entity: () => ({ type: 'outgoing_redaction', id: ctx.redaction! }),
  },
  'PATCH /api/letters/:id/redactions': {
    run: async (call) => {
      const res = await call('PATCH', `/api/letters/${letterId()}/redactions`, {
        version: Number(ctx.redactionVersion),
        decisions: (JSON.parse(ctx.findings!) as string[]).map((id) => ({ id, decision: 'redact' })),
        added: [{ start: 0, end: 3, ground: '5.1.2i' }],
        reviewed: true,
      });
      ctx.redactionVersion = String(review(res).version);
      return res;
    },
    entity: () => ({ type: 'outgoing_redaction', id: ctx.redaction! }),
  },
  'POST /api/letters/:id/publish': {
    run: async (call) => {
      const res = await call('POST', `/api/letters/${letterId()}/publish`, {
        version: Number(ctx.redactionVersion),
      });
      ctx.publication = await rowId('outgoing_publications');
      return res;
    },
    entity: () => ({ type: 'outgoing_publication', id: ctx.publication! }),
  },
  'POST /api/letters/:id/unpublish': {
    run: (call) => call('POST', `/api/letters/${letterId()}/unpublish`),
    entity: () => ({ type: 'outgoing_publication', id: ctx.publication! }),
  },
};
