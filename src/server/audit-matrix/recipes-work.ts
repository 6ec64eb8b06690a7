import {
  state,
  ctx,
  sessions,
  mem,
  idOf,
  versionOf,
  remember,
  get,
  multipart,
  phaseOf,
  stamp,
  CSV,
  type Recipe,
} from './context.ts';

/** The recipes of the work: process, meetings, consultations, notifications, imports, saved searches, users, sessions. */
export const workRecipes: Record<string, Recipe> = {
  'POST /api/process-templates': {
    run: (call) =>
      call('POST', '/api/process-templates', {
        code: `G${stamp}`,
        nameNl: 'Testhandreiking',
        nameEn: 'Test guide',
      }).then(remember('template')),
    entity: (res) => ({ type: 'process_template', id: idOf(res) }),
  },
  'PATCH /api/process-templates/:id': {
    run: (call) =>
      call('PATCH', `/api/process-templates/${idOf(mem.template!)}`, {
        nameEn: 'Test guide (renamed)',
        version: versionOf(mem.template!),
      }).then(remember('template')),
    entity: () => ({ type: 'process_template', id: idOf(mem.template!) }),
  },
  'POST /api/process-templates/:id/steps': {
    run: async (call) => {
      const step = (n: number) => ({
        titleNl: `Stap ${n}`,
        titleEn: `Step ${n}`,
        ownerKind: 'coordinating_ministry',
        anchorPhase: 'concluding_observations',
        offsetAmount: n,
        offsetUnit: 'months',
      });
      await call('POST', `/api/process-templates/${idOf(mem.template!)}/steps`, step(2));
      const res = await call('POST', `/api/process-templates/${idOf(mem.template!)}/steps`, step(1));
      const steps = (res.body as { steps: { id: string; version: number; titleEn: string }[] }).steps;
      mem.step = { status: res.status, body: steps.find((x) => x.titleEn === 'Step 1') };
      mem.step2 = { status: res.status, body: steps.find((x) => x.titleEn === 'Step 2') };
      return res;
    },
    entity: () => ({ type: 'process_template_step', id: idOf(mem.step!) }),
  },
  'PATCH /api/process-steps/:id': {
    run: (call) =>
      call('PATCH', `/api/process-steps/${idOf(mem.step!)}`, {
        titleEn: 'Step one',
        version: versionOf(mem.step!),
      }),
    entity: () => ({ type: 'process_template_step', id: idOf(mem.step!) }),
  },
  'POST /api/process-templates/:id/order': {
    run: async (call) => {
      const tpl = await get<{ version: number }>(`/api/process-templates/${idOf(mem.template!)}`);
      return call('POST', `/api/process-templates/${idOf(mem.template!)}/order`, {
        version: tpl.version,
        stepIds: [idOf(mem.step!), idOf(mem.step2!)],
      });
    },
    entity: () => ({ type: 'process_template', id: idOf(mem.template!) }),
  },
  'POST /api/cycles/:id/process': {
    as: 'coordinator',
    run: (call) =>
      call('POST', `/api/cycles/${idOf(mem.cycle!)}/process`, { templateId: idOf(mem.template!) }).then(
        remember('process'),
      ),
    entity: () => ({ type: 'task', id: ctx.firstTask ?? '' }),
  },
  'PATCH /api/tasks/:id': {
    as: 'coordinator',
    run: async (call) => {
      const tasks = await get<{ items: { id: string; version: number }[] }>(
        `/api/tasks?cycleId=${idOf(mem.cycle!)}`,
      );
      const task = tasks.items[0]!;
      ctx.task = task.id;
      return call('PATCH', `/api/tasks/${task.id}`, { status: 'in_progress', version: task.version });
    },
    entity: () => ({ type: 'task', id: ctx.task! }),
  },
  'DELETE /api/process-steps/:id': {
    run: (call) => call('DELETE', `/api/process-steps/${idOf(mem.step2!)}?version=${versionOf(mem.step2!)}`),
    entity: () => ({ type: 'process_template_step', id: idOf(mem.step2!) }),
  },
  'POST /api/meetings': {
    as: 'coordinator',
    run: (call) =>
      call('POST', '/api/meetings', {
        title: 'Netwerkoverleg',
        date: '2030-03-01',
        participants: [{ organisationId: ctx.bzk }],
      }).then(remember('meeting')),
    entity: (res) => ({ type: 'meeting', id: idOf(res) }),
  },
  'PATCH /api/meetings/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/meetings/${idOf(mem.meeting!)}`, {
        location: 'Den Haag',
        version: versionOf(mem.meeting!),
      }).then(remember('meeting')),
    entity: () => ({ type: 'meeting', id: idOf(mem.meeting!) }),
  },
  'POST /api/meetings/:id/agenda': {
    as: 'coordinator',
    run: (call) =>
      call('POST', `/api/meetings/${idOf(mem.meeting!)}/agenda`, {
        version: versionOf(mem.meeting!),
        items: [{ title: 'Rapportages' }],
      }),
    entity: () => ({ type: 'meeting', id: idOf(mem.meeting!) }),
  },
  'POST /api/meetings/:id/decisions': {
    as: 'coordinator',
    run: (call) =>
      call('POST', `/api/meetings/${idOf(mem.meeting!)}/decisions`, {
        title: 'Besluit',
        ownerOrganisationId: ctx.bzk,
        dueDate: '2030-06-01',
      }),
    entity: (res) => ({ type: 'task', id: idOf(res) }),
  },
  'POST /api/consultations': {
    as: 'coordinator',
    run: (call) =>
      call('POST', '/api/consultations', {
        cycleId: idOf(mem.cycle!),
        titleNl: 'Consultatie',
        titleEn: 'Consultation',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }).then(remember('consultation')),
    entity: (res) => ({ type: 'consultation', id: idOf(res) }),
  },
  'PATCH /api/consultations/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/consultations/${idOf(mem.consultation!)}`, {
        titleEn: 'Consultation (renamed)',
        version: versionOf(mem.consultation!),
      }),
    entity: () => ({ type: 'consultation', id: idOf(mem.consultation!) }),
  },
  'POST /api/consultations/:id/submissions': {
    run: async () => {
      const id = idOf(mem.consultation!);
      const token = (await state.t.call(null, 'GET', `/api/consultations/${id}/form-token`)).json() as {
        token: string;
      };
      const form = multipart({
        formToken: token.token,
        organisationName: 'Stichting Test',
        contactName: 'A. Tester',
        contactEmail: 'tester@example.org',
        body: 'Onze inbreng.',
        consentToPublish: 'yes',
      });
      const res = await state.t.app.inject({
        method: 'POST',
        url: `/api/consultations/${id}/submissions`,
        headers: { 'content-type': form.contentType, origin: 'http://localhost' },
        payload: form.payload,
      });
      return remember('submission')({ status: res.statusCode, body: res.json() });
    },
    entity: (res) => ({ type: 'consultation_submission', id: idOf(res) }),
  },
  'PATCH /api/consultation-submissions/:id': {
    as: 'coordinator',
    run: async (call) => {
      const list = await get<{ items: { id: string; version: number }[] }>(
        `/api/consultations/${idOf(mem.consultation!)}/submissions`,
      );
      const seen = list.items.find((x) => x.id === idOf(mem.submission!))!;
      return call('PATCH', `/api/consultation-submissions/${seen.id}`, {
        status: 'accepted',
        version: seen.version,
      });
    },
    entity: () => ({ type: 'consultation_submission', id: idOf(mem.submission!) }),
  },
  'POST /api/consultation-submissions/:id/erase': {
    run: async (call) => {
      const list = await get<{ items: { id: string; version: number }[] }>(
        `/api/consultations/${idOf(mem.consultation!)}/submissions`,
      );
      const seen = list.items.find((x) => x.id === idOf(mem.submission!))!;
      return call('POST', `/api/consultation-submissions/${seen.id}/erase`, { version: seen.version });
    },
    entity: () => ({ type: 'consultation_submission', id: idOf(mem.submission!) }),
  },
  'POST /api/notifications/scan': {
    run: (call) => call('POST', '/api/notifications/scan'),
    entity: () => ({ type: 'notification', id: ctx.notification ?? '' }),
  },
  'POST /api/notifications/:id/read': {
    as: 'coordinator',
    run: async (call) => {
      const list = (await state.t.call(sessions.coordinator!, 'GET', '/api/notifications')).json() as {
        items: { id: string }[];
      };
      ctx.readNotification = list.items[0]?.id ?? '';
      return call('POST', `/api/notifications/${ctx.readNotification}/read`);
    },
    entity: () => ({ type: 'notification', id: ctx.readNotification! }),
  },
  'POST /api/notifications/read-all': {
    as: 'coordinator',
    run: async (call) => {
      const list = (await state.t.call(sessions.coordinator!, 'GET', '/api/notifications')).json() as {
        items: { id: string; readAt: string | null }[];
      };
      ctx.unread = list.items.find((n) => !n.readAt)?.id ?? '';
      return call('POST', '/api/notifications/read-all');
    },
    entity: () => ({ type: 'notification', id: ctx.unread! }),
  },
  'POST /api/imports/:kind': {
    as: 'coordinator',
    run: async () => {
      const s = sessions.coordinator!;
      const res = await state.t.app.inject({
        method: 'POST',
        url: '/api/imports/upr-info?fileName=audit.csv',
        headers: { 'content-type': 'text/csv', cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: CSV,
      });
      const rec = await get<{ items: { id: string }[] }>('/api/recommendations');
      ctx.recommendation = rec.items[0]?.id ?? '';
      return { status: res.statusCode, body: res.json() };
    },
    entity: () => ({ type: 'recommendation', id: ctx.recommendation! }),
  },
  'POST /api/saved-searches': {
    as: 'coordinator',
    run: (call) =>
      call('POST', '/api/saved-searches', { name: 'Mijn zoekopdracht', query: { q: 'racial' } }).then(
        remember('saved'),
      ),
    entity: (res) => ({ type: 'saved_search', id: idOf(res) }),
  },
  'DELETE /api/saved-searches/:id': {
    as: 'coordinator',
    run: (call) => call('DELETE', `/api/saved-searches/${idOf(mem.saved!)}?version=${versionOf(mem.saved!)}`),
    entity: () => ({ type: 'saved_search', id: idOf(mem.saved!) }),
  },
  'DELETE /api/phases/:id': {
    as: 'coordinator',
    run: async (call) => {
      const extra = await call('POST', `/api/cycles/${idOf(mem.cycle!)}/phases`, {
        kind: 'dialogue',
        date: '2024-05-01',
      });
      mem.extraPhase = { status: extra.status, body: phaseOf(extra, 'dialogue') };
      return call('DELETE', `/api/phases/${idOf(mem.extraPhase)}?version=${versionOf(mem.extraPhase)}`);
    },
    entity: () => ({ type: 'cycle_phase', id: idOf(mem.extraPhase!) }),
  },
  'DELETE /api/cycles/:id': {
    as: 'coordinator',
    run: async (call) => {
      const spare = await call('POST', '/api/cycles', {
        instrumentId: idOf(mem.instrument!),
        label: 'Reserve',
        sequence: 9,
      });
      mem.spareCycle = spare;
      return call('DELETE', `/api/cycles/${idOf(spare)}?version=${versionOf(spare)}`);
    },
    entity: () => ({ type: 'cycle', id: idOf(mem.spareCycle!) }),
  },
  'POST /api/users': {
    run: (call) =>
      call('POST', '/api/users', {
        email: `new.${stamp.toLowerCase()}@example.org`,
        name: 'Nieuwe gebruiker',
        role: 'observer',
        password: 'een lang genoeg wachtwoord',
      }).then(remember('user')),
    entity: (res) => ({ type: 'user', id: idOf(res) }),
  },
  'PATCH /api/users/:id': {
    run: (call) =>
      call('PATCH', `/api/users/${idOf(mem.user!)}`, { name: 'Andere naam', version: versionOf(mem.user!) }),
    entity: () => ({ type: 'user', id: idOf(mem.user!) }),
  },
  'POST /api/auth/password': {
    run: async () => {
      // A user of its own, so that the shared sessions stay valid.
      const s = await state.t.as('observer', 'VWS');
      const res = await state.t.call(s, 'POST', '/api/auth/password', {
        currentPassword: 'correct horse battery staple',
        newPassword: 'a brand new passphrase here',
      });
      return { status: res.statusCode, body: res.body ? (res.json() as unknown) : null };
    },
    entity: () => ({ type: 'user', id: ctx.observerVws ?? '' }),
  },
  'POST /api/auth/login': {
    run: async () => {
      const res = await state.t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin.bzk@example.org', password: 'correct horse battery staple' },
      });
      return { status: res.statusCode, body: res.json() };
    },
    entity: (res) => ({ type: 'session', id: idOf(res) }),
  },
  'POST /api/auth/logout': {
    run: async () => {
      const s = await state.t.as('contributor', 'VWS');
      const res = await state.t.call(s, 'POST', '/api/auth/logout');
      return { status: res.statusCode, body: null };
    },
    entity: () => ({ type: 'session', id: ctx.contributorVws ?? '' }),
  },
};
