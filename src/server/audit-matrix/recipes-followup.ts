import { multipart } from '../../test/multipart.ts';
import { ctx, get, idOf, mem, remember, sessions, state, versionOf, type Recipe } from './context.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The recipes of the follow-up: position, responsibility, progress, clusters, actions (after the recommendations' recipes). */
export const followUpRecipes: Record<string, Recipe> = {
  'PATCH /api/recommendations/:id/position': {
    run: (call) =>
      call('PATCH', `/api/recommendations/${ctx.mergeKeep}/position`, {
        position: 'supported',
        explanation: 'Past binnen het beleid',
        version: null,
      }),
    entity: () => ({ type: 'recommendation_position', id: ctx.mergeKeep! }),
  },
  'PATCH /api/recommendations/:id/responsibility': {
    run: async (call) => {
      const f = await get<{ version: number }>(`/api/recommendations/${ctx.mergeKeep}/followup`);
      return call('PATCH', `/api/recommendations/${ctx.mergeKeep}/responsibility`, {
        kingdomCountries: ['NL', 'AW'],
        version: f.version,
      });
    },
    entity: () => ({ type: 'recommendation', id: ctx.mergeKeep! }),
  },
  'POST /api/followup/assign': {
    run: (call) =>
      call('POST', '/api/followup/assign', { ids: [ctx.mergeKeep], leadOrganisationId: ctx.bzk }),
    entity: () => ({ type: 'recommendation', id: ctx.mergeKeep! }),
  },
  'POST /api/recommendations/:id/progress': {
    run: (call) =>
      call('POST', `/api/recommendations/${ctx.mergeKeep}/progress`, {
        status: 'in_progress',
        text: 'Wetsvoorstel in voorbereiding',
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
      }).then(remember('progress')),
    entity: (res) => ({ type: 'progress_update', id: idOf(res) }),
  },
  'PATCH /api/progress-updates/:id': {
    run: (call) =>
      call('PATCH', `/api/progress-updates/${idOf(mem.progress!)}`, {
        text: 'Wetsvoorstel naar de Raad van State',
        version: versionOf(mem.progress!),
      }).then(remember('progress')),
    entity: () => ({ type: 'progress_update', id: idOf(mem.progress!) }),
  },
  'POST /api/progress-updates/:id/approve': {
    // Written by the administrator above; a coordinator of the coordinating ministry approves it.
    as: 'coordinator',
    run: (call) =>
      call('POST', `/api/progress-updates/${idOf(mem.progress!)}/approve`, {
        version: versionOf(mem.progress!),
      }),
    entity: () => ({ type: 'progress_update', id: idOf(mem.progress!) }),
  },
  'POST /api/progress-updates/:id/files': {
    run: async () => {
      // A draft of the administrator (the one above is approved by now), with one PDF attached.
      const draft = await state.t.call(
        sessions.admin!,
        'POST',
        `/api/recommendations/${ctx.mergeKeep}/progress`,
        {
          status: 'in_progress',
          text: 'Met bewijs',
        },
      );
      ctx.progressWithFile = idOf({ status: draft.statusCode, body: draft.json() });
      const form = multipart({}, [{ name: 'bewijs.pdf', content: PDF, type: 'application/pdf' }]);
      const res = await state.t.app.inject({
        method: 'POST',
        url: `/api/progress-updates/${ctx.progressWithFile}/files`,
        headers: {
          'content-type': form.contentType,
          cookie: sessions.admin!.cookie,
          'x-csrf-token': sessions.admin!.csrf,
        },
        payload: form.payload,
      });
      const body = res.json() as { id: string }[];
      ctx.progressFile = body[0]?.id ?? '';
      return { status: res.statusCode, body };
    },
    entity: () => ({ type: 'progress_update_file', id: ctx.progressFile! }),
  },
  'DELETE /api/progress-updates/:id/files/:fileId': {
    run: (call) => call('DELETE', `/api/progress-updates/${ctx.progressWithFile}/files/${ctx.progressFile}`),
    entity: () => ({ type: 'progress_update_file', id: ctx.progressFile! }),
  },
  'DELETE /api/progress-updates/:id': {
    run: async (call) => {
      const draft = await call('POST', `/api/recommendations/${ctx.mergeKeep}/progress`, {
        status: 'not_started',
        text: 'Te verwijderen',
      });
      ctx.progress = idOf(draft);
      return call('DELETE', `/api/progress-updates/${ctx.progress}?version=${versionOf(draft)}`);
    },
    entity: () => ({ type: 'progress_update', id: ctx.progress! }),
  },
  'POST /api/clusters': {
    run: (call) =>
      call('POST', '/api/clusters', {
        title: 'Cluster',
        ownerOrganisationId: ctx.bzk,
        recommendationIds: [ctx.mergeKeep],
      }).then(remember('cluster')),
    entity: (res) => ({ type: 'cluster', id: idOf(res) }),
  },
  'PATCH /api/clusters/:id': {
    run: (call) =>
      call('PATCH', `/api/clusters/${idOf(mem.cluster!)}`, {
        description: 'Samen opgepakt',
        version: versionOf(mem.cluster!),
      }).then(remember('cluster')),
    entity: () => ({ type: 'cluster', id: idOf(mem.cluster!) }),
  },
  'POST /api/clusters/:id/members': {
    run: (call) =>
      call('POST', `/api/clusters/${idOf(mem.cluster!)}/members`, {
        removeIds: [ctx.mergeKeep],
        version: versionOf(mem.cluster!),
      }).then(remember('cluster')),
    entity: () => ({ type: 'cluster', id: idOf(mem.cluster!) }),
  },
  'POST /api/clusters/:id/progress': {
    run: (call) =>
      call('POST', `/api/clusters/${idOf(mem.cluster!)}/progress`, {
        status: 'in_progress',
        text: 'Samen verder',
      }),
    entity: (res) => ({ type: 'progress_update', id: idOf(res) }),
  },
  'DELETE /api/clusters/:id': {
    run: (call) => call('DELETE', `/api/clusters/${idOf(mem.cluster!)}?version=${versionOf(mem.cluster!)}`),
    entity: () => ({ type: 'cluster', id: idOf(mem.cluster!) }),
  },
  'POST /api/actions': {
    run: (call) =>
      call('POST', '/api/actions', {
        title: 'Actieplan',
        ownerOrganisationId: ctx.bzk,
        recommendationIds: [ctx.mergeKeep],
      }).then(remember('action')),
    entity: (res) => ({ type: 'action', id: idOf(res) }),
  },
  'POST /api/actions/:id/progress': {
    run: (call) =>
      call('POST', `/api/actions/${idOf(mem.action!)}/progress`, {
        status: 'in_progress',
        text: 'De maatregel loopt',
      }),
    entity: (res) => ({ type: 'progress_update', id: idOf(res) }),
  },
  'PATCH /api/actions/:id': {
    run: (call) =>
      call('PATCH', `/api/actions/${idOf(mem.action!)}`, {
        outcome: 'Uitgevoerd',
        version: versionOf(mem.action!),
      }).then(remember('action')),
    entity: () => ({ type: 'action', id: idOf(mem.action!) }),
  },
  'POST /api/actions/:id/indicators': {
    run: (call) =>
      call('POST', `/api/actions/${idOf(mem.action!)}/indicators`, {
        name: 'Deelnemers',
        valueType: 'count',
        unit: 'personen',
        target: 100,
      }).then(remember('action')),
    entity: (res) => ({
      type: 'indicator',
      id: (res.body as { indicators: { id: string }[] }).indicators[0]!.id,
    }),
  },
  'PATCH /api/indicators/:id': {
    run: (call) => {
      const indicator = (mem.action!.body as { indicators: { id: string; version: number }[] })
        .indicators[0]!;
      ctx.indicator = indicator.id;
      return call('PATCH', `/api/indicators/${indicator.id}`, { target: 120, version: indicator.version });
    },
    entity: () => ({ type: 'indicator', id: ctx.indicator! }),
  },
  'POST /api/indicators/:id/measurements': {
    run: (call) =>
      call('POST', `/api/indicators/${ctx.indicator}/measurements`, {
        measuredOn: '2025-06-30',
        value: 40,
        unit: 'personen',
      }),
    entity: (res) => ({
      type: 'indicator_measurement',
      id: (res.body as { indicators: { measurements: { id: string }[] }[] }).indicators[0]!.measurements[0]!
        .id,
    }),
  },
  'DELETE /api/actions/:id': {
    run: async (call) => {
      const res = await call('PATCH', `/api/actions/${idOf(mem.action!)}`, {
        title: 'Actieplan',
        version: versionOf(mem.action!),
      });
      ctx.action = idOf(res);
      return call('DELETE', `/api/actions/${ctx.action}?version=${versionOf(res)}`);
    },
    entity: () => ({ type: 'action', id: ctx.action! }),
  },
};
