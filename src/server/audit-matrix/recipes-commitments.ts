import fs from 'node:fs';
import path from 'node:path';
import { ctx, idOf, mem, remember, state, versionOf, type Recipe } from './context.ts';

/**
 * The recipes of the register of commitments: created, changed, closed with evidence, linked and
 * unlinked, and the Tweede Kamer's motions imported. Each leaves an audit row of the commitment.
 */
const commitment = () => ({ type: 'commitment', id: idOf(mem.commitment!) });
const current = async () =>
  (
    await state.t.db.query<{ version: number }>('select version from commitments where id = $1', [
      idOf(mem.commitment!),
    ])
  ).rows[0]!.version;

export const commitmentRecipes: Record<string, Recipe> = {
  'POST /api/commitments': {
    run: (call) =>
      call('POST', '/api/commitments', {
        kind: 'motie',
        text: 'Verzoekt de regering persvrijheid als speerpunt in de VN-Mensenrechtenraad te nemen',
        citation: 'Kamerstuk 35 300 V, nr. 33',
        organisationId: ctx.bzk,
      }).then(remember('commitment')),
    entity: commitment,
  },
  'PATCH /api/commitments/:id': {
    run: (call) =>
      call('PATCH', `/api/commitments/${idOf(mem.commitment!)}`, {
        dueOn: '2030-12-31',
        version: versionOf(mem.commitment!),
      }),
    entity: commitment,
  },
  'POST /api/commitments/:id/status': {
    run: async (call) =>
      call('POST', `/api/commitments/${idOf(mem.commitment!)}/status`, {
        status: 'done',
        evidenceCitation: 'Kamerstuk 32 735, nr. 300',
        version: await current(),
      }),
    entity: commitment,
  },
  'POST /api/commitments/:id/links': {
    run: async (call) => {
      ctx.commitmentDocument = (
        await state.t.db.query<{ id: string }>(
          `insert into documents (title, kind) values ('Kamerbrief Mensenrechtenraad', 'letter_to_parliament') returning id`,
        )
      ).rows[0]!.id;
      return call('POST', `/api/commitments/${idOf(mem.commitment!)}/links`, {
        kind: 'document',
        targetId: ctx.commitmentDocument,
        version: await current(),
      });
    },
    entity: commitment,
  },
  'DELETE /api/commitments/:id/links/:kind/:targetId': {
    run: async (call) =>
      call(
        'DELETE',
        `/api/commitments/${idOf(mem.commitment!)}/links/document/${ctx.commitmentDocument}?version=${await current()}`,
      ),
    entity: commitment,
  },
  'POST /api/letters/:id/response-points': {
    run: async (call) => {
      const doc = (
        await state.t.db.query<{ id: string }>(
          `insert into outgoing_documents (kind, title, params, frame, owner_organisation_id)
           values ('advisory_response', 'Kabinetsreactie audit', '{"kind":"advisory_response"}',
                   '{"kind":"letter","addressee":["Tweede Kamer"],"subject":"Kabinetsreactie"}', $1) returning id`,
          [ctx.bzk],
        )
      ).rows[0]!.id;
      await state.t.db.query(
        `insert into outgoing_sections (document_id, key, position, heading, blocks, origin, generated)
         values ($1, 'intro', 1, 'Inleiding', '[{"type":"paragraph","text":"Het kabinet zal jaarlijks rapporteren."}]',
                 'generated', '{}')`,
        [doc],
      );
      return call('POST', `/api/letters/${doc}/response-points`, {
        sectionKey: 'intro',
        text: 'Het kabinet zal jaarlijks rapporteren.',
        organisationId: ctx.bzk,
      }).then(remember('responsePoint'));
    },
    entity: () => ({ type: 'commitment', id: idOf(mem.responsePoint!) }),
  },
  'POST /api/commitments/import': {
    run: async (call) => {
      const file = path.resolve(
        import.meta.dirname,
        '../../../../shared/data/tweedekamer/zaak-moties-mensenrechten-2022-2023.json',
      );
      const res = await call('POST', '/api/commitments/import', JSON.parse(fs.readFileSync(file, 'utf8')));
      ctx.importedCommitment =
        (await state.t.db.query<{ id: string }>(`select id from commitments where tk_number = '2023Z15918'`))
          .rows[0]?.id ?? '';
      return res;
    },
    entity: () => ({ type: 'commitment', id: ctx.importedCommitment! }),
  },
};
