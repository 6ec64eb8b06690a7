import { useTestGenerator } from '../../letters/test-generator.ts';
import type { WorkspaceDocument } from '../../letters/workspace-schema.ts';
import { ctx, get, idOf, mem, remember, state, type Performed, type Recipe } from './context.ts';

/**
 * The recipes of the document workspace: a document drafted by VWS (the test generator stands in
 * for the annual letter's), edited, regenerated, confirmed by BZK's coordinator and sent.
 */
let generator: (() => void) | undefined;
const letterId = () => idOf(mem.letter!);
const load = () => get<WorkspaceDocument>(`/api/letters/${letterId()}`);
const body = (res: Performed) => res.body as WorkspaceDocument;
const keyUrl = (key: string) => `/api/letters/${letterId()}/sections/${encodeURIComponent(key)}`;
const documentEntity = () => ({ type: 'outgoing_document', id: letterId() });

export const letterRecipes: Record<string, Recipe> = {
  'POST /api/letters': {
    run: async (call) => {
      generator ??= useTestGenerator();
      const vws = await state.t.db.query<{ id: string }>("select id from organisations where code = 'VWS'");
      return call('POST', '/api/letters', {
        params: { kind: 'annual_letter', year: 2025 },
        ownerOrganisation: vws.rows[0]!.id,
      }).then(remember('letter'));
    },
    entity: documentEntity,
  },
  'PATCH /api/letters/:id/sections/:key': {
    run: async (call) => {
      const s = (await load()).sections[0]!;
      ctx.letterSection = s.id;
      return call('PATCH', keyUrl(s.key), { heading: 'Een eigen kop', version: s.version });
    },
    entity: () => ({ type: 'outgoing_section', id: ctx.letterSection! }),
  },
  'POST /api/letters/:id/sections/:key/revert': {
    run: async (call) => {
      const s = (await load()).sections[0]!;
      return call('POST', `${keyUrl(s.key)}/revert`, { version: s.version });
    },
    entity: () => ({ type: 'outgoing_section', id: ctx.letterSection! }),
  },
  'POST /api/letters/:id/sections': {
    run: (call) =>
      call('POST', `/api/letters/${letterId()}/sections`, {
        heading: 'Vooruitblik',
        blocks: [{ type: 'paragraph', text: 'Wat er komt.' }],
        position: 1,
      }).then(remember('letterAdded')),
    entity: (res) => ({
      type: 'outgoing_section',
      id: body(res).sections.find((s) => s.origin === 'added')?.id ?? '',
    }),
  },
  'DELETE /api/letters/:id/sections/:key': {
    run: (call) => {
      const s = body(mem.letterAdded!).sections.find((x) => x.origin === 'added')!;
      ctx.letterAdded = s.id;
      return call('DELETE', `${keyUrl(s.key)}?version=${s.version}`);
    },
    entity: () => ({ type: 'outgoing_section', id: ctx.letterAdded! }),
  },
  'PATCH /api/letters/:id/frame': {
    run: async (call) => {
      const d = await load();
      return call('PATCH', `/api/letters/${d.id}/frame`, {
        frame: { ...d.frame, subject: 'Een eigen onderwerp' },
        version: d.version,
      });
    },
    entity: documentEntity,
  },
  'POST /api/letters/:id/regenerate': {
    run: async (call) =>
      call('POST', `/api/letters/${letterId()}/regenerate`, { version: (await load()).version }),
    entity: documentEntity,
  },
  'POST /api/letters/:id/consultations': {
    run: (call) =>
      call('POST', `/api/letters/${letterId()}/consultations`, { organisation: ctx.bzk }).then(
        remember('letterConsulted'),
      ),
    entity: (res) => ({ type: 'outgoing_consultation', id: body(res).consultations[0]?.id ?? '' }),
  },
  'POST /api/letters/:id/consultations/:consultationId/confirm': {
    as: 'coordinator',
    run: (call) => {
      const c = body(mem.letterConsulted!).consultations[0]!;
      return call('POST', `/api/letters/${letterId()}/consultations/${c.id}/confirm`, { version: c.version });
    },
    entity: () => ({ type: 'outgoing_consultation', id: body(mem.letterConsulted!).consultations[0]!.id }),
  },
  'DELETE /api/letters/:id/consultations/:consultationId': {
    run: async (call) => {
      const c = (await load()).consultations[0]!;
      return call('DELETE', `/api/letters/${letterId()}/consultations/${c.id}?version=${c.version}`);
    },
    entity: () => ({ type: 'outgoing_consultation', id: body(mem.letterConsulted!).consultations[0]!.id }),
  },
  'POST /api/letters/:id/state': {
    run: async (call) => {
      const ready = await call('POST', `/api/letters/${letterId()}/state`, {
        to: 'ready',
        version: (await load()).version,
      });
      if (ready.status >= 300) return ready;
      return call('POST', `/api/letters/${letterId()}/state`, {
        to: 'sent',
        sentOn: '2026-02-13',
        version: body(ready).version,
      });
    },
    entity: documentEntity,
  },
  'PATCH /api/letters/:id/kamerstuk': {
    run: async (call) =>
      call('PATCH', `/api/letters/${letterId()}/kamerstuk`, {
        kamerstuk: '26150, nr. 214',
        version: (await load()).version,
      }),
    entity: documentEntity,
  },
  'PATCH /api/settings/letter-sender': {
    run: (call) =>
      call('PATCH', '/api/settings/letter-sender', {
        organisation: 'Ministerie van Volksgezondheid, Welzijn en Sport',
        version: 0,
      }),
    entity: () => ({ type: 'setting', id: 'letter_sender' }),
  },
};
