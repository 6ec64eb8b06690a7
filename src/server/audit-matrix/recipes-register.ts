import {
  ctx,
  mem,
  idOf,
  versionOf,
  remember,
  get,
  phaseOf,
  stamp,
  type CycleWithDerived,
  type Recipe,
} from './context.ts';

/** The recipes of the register: organisations, monitoring bodies, instruments, cycles, calendar feeds, documents, taxonomy. */
export const registerRecipes: Record<string, Recipe> = {
  'POST /api/organisations': {
    run: (call) =>
      call('POST', '/api/organisations', {
        code: `ORG${stamp}`,
        nameNl: 'Testorganisatie',
        nameEn: 'Test organisation',
        kind: 'other',
      }).then(remember('organisation')),
    entity: (res) => ({ type: 'organisation', id: idOf(res) }),
  },
  'PATCH /api/organisations/:id': {
    run: (call) =>
      call('PATCH', `/api/organisations/${idOf(mem.organisation!)}`, {
        nameEn: 'Test organisation (renamed)',
        version: versionOf(mem.organisation!),
      }),
    entity: () => ({ type: 'organisation', id: idOf(mem.organisation!) }),
  },
  'POST /api/monitoring-bodies': {
    run: (call) =>
      call('POST', '/api/monitoring-bodies', {
        code: `MB${stamp}`,
        nameEn: 'Test body',
        nameNl: 'Testorgaan',
        system: 'UN',
        kind: 'treaty_body',
      }).then(remember('body')),
    entity: (res) => ({ type: 'monitoring_body', id: idOf(res) }),
  },
  'PATCH /api/monitoring-bodies/:id': {
    run: (call) =>
      call('PATCH', `/api/monitoring-bodies/${idOf(mem.body!)}`, {
        nameEn: 'Test body (renamed)',
        version: versionOf(mem.body!),
      }),
    entity: () => ({ type: 'monitoring_body', id: idOf(mem.body!) }),
  },
  'POST /api/instruments': {
    run: (call) =>
      call('POST', '/api/instruments', {
        code: `INS${stamp}`,
        shortName: 'TEST',
        nameEn: 'Test convention',
        nameNl: 'Testverdrag',
        system: 'UN',
        kind: 'treaty',
        periodicityYears: 4,
        coordinatingOrganisationId: ctx.bzk,
      }).then(remember('instrument')),
    entity: (res) => ({ type: 'instrument', id: idOf(res) }),
  },
  'PATCH /api/instruments/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/instruments/${idOf(mem.instrument!)}`, {
        shortName: 'TEST2',
        version: versionOf(mem.instrument!),
      }),
    entity: () => ({ type: 'instrument', id: idOf(mem.instrument!) }),
  },
  'POST /api/instruments/:id/lead-confirmation': {
    run: async (call) => {
      const list = await get<{ items: { id: string; version: number; lead: unknown }[] }>(
        '/api/instruments?pageSize=100',
      );
      const inst = list.items.find((i) => i.lead)!;
      ctx.leadInstrument = inst.id;
      return call('POST', `/api/instruments/${inst.id}/lead-confirmation`, { version: inst.version });
    },
    entity: () => ({ type: 'instrument', id: ctx.leadInstrument! }),
  },
  'POST /api/cycles': {
    as: 'coordinator',
    run: (call) =>
      call('POST', '/api/cycles', {
        instrumentId: idOf(mem.instrument!),
        label: 'Eerste rapportage',
        sequence: 1,
      }).then(remember('cycle')),
    entity: (res) => ({ type: 'cycle', id: idOf(res) }),
  },
  'PATCH /api/cycles/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/cycles/${idOf(mem.cycle!)}`, {
        label: 'Eerste periodieke rapportage',
        version: versionOf(mem.cycle!),
      }).then(remember('cycle')),
    entity: () => ({ type: 'cycle', id: idOf(mem.cycle!) }),
  },
  'POST /api/cycles/:id/phases': {
    as: 'coordinator',
    run: (call) =>
      call('POST', `/api/cycles/${idOf(mem.cycle!)}/phases`, {
        kind: 'concluding_observations',
        date: '2024-06-01',
      }).then((res) => {
        mem.phase = { status: res.status, body: phaseOf(res, 'concluding_observations') };
        return res;
      }),
    entity: () => ({ type: 'cycle_phase', id: idOf(mem.phase!) }),
  },
  'PATCH /api/phases/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/phases/${idOf(mem.phase!)}`, {
        date: '2024-06-02',
        version: versionOf(mem.phase!),
      }),
    entity: () => ({ type: 'cycle_phase', id: idOf(mem.phase!) }),
  },
  'POST /api/cycles/:id/overrides': {
    as: 'coordinator',
    run: async (call) => {
      const cycles = await get<{ items: CycleWithDerived[] }>('/api/cycles?pageSize=500');
      const cycle = cycles.items.find((c) => c.abilities.edit && c.derivedPhases.length > 0)!;
      ctx.overrideCycle = cycle.id;
      ctx.overrideKind = cycle.derivedPhases[0]!.kind;
      const res = await call('POST', `/api/cycles/${cycle.id}/overrides`, {
        kind: ctx.overrideKind,
        date: '2031-06-01',
        reason: 'Brief van het comité',
      });
      const derived = (res.body as CycleWithDerived).derivedPhases.find((d) => d.kind === ctx.overrideKind);
      mem.override = { status: res.status, body: derived?.override ?? {} };
      return res;
    },
    entity: () => ({ type: 'deadline_override', id: idOf(mem.override!) }),
  },
  'DELETE /api/cycles/:id/overrides/:kind': {
    as: 'coordinator',
    run: (call) =>
      call(
        'DELETE',
        `/api/cycles/${ctx.overrideCycle}/overrides/${ctx.overrideKind}?version=${versionOf(mem.override!)}`,
      ),
    entity: () => ({ type: 'deadline_override', id: idOf(mem.override!) }),
  },
  'POST /api/calendar-feeds/me': {
    as: 'coordinator',
    run: (call) => call('POST', '/api/calendar-feeds/me'),
    entity: () => ({ type: 'calendar_feed', id: ctx.userFeed! }),
  },
  'DELETE /api/calendar-feeds/me': {
    as: 'coordinator',
    run: (call) => call('DELETE', '/api/calendar-feeds/me'),
    entity: () => ({ type: 'calendar_feed', id: ctx.userFeed! }),
  },
  'POST /api/calendar-feeds/organisations/:id': {
    as: 'coordinator',
    run: (call) => call('POST', `/api/calendar-feeds/organisations/${ctx.bzk}`),
    entity: () => ({ type: 'calendar_feed', id: ctx.orgFeed! }),
  },
  'DELETE /api/calendar-feeds/organisations/:id': {
    as: 'coordinator',
    run: (call) => call('DELETE', `/api/calendar-feeds/organisations/${ctx.bzk}`),
    entity: () => ({ type: 'calendar_feed', id: ctx.orgFeed! }),
  },
  'POST /api/documents': {
    as: 'contributor',
    run: (call) =>
      call('POST', '/api/documents', {
        title: 'Concept',
        kind: 'other',
        public: false,
        instrumentId: idOf(mem.instrument!),
      }).then(remember('document')),
    entity: (res) => ({ type: 'document', id: idOf(res) }),
  },
  'PATCH /api/documents/:id': {
    as: 'contributor',
    run: (call) =>
      call('PATCH', `/api/documents/${idOf(mem.document!)}`, {
        title: 'Concept 2',
        version: versionOf(mem.document!),
      }),
    entity: () => ({ type: 'document', id: idOf(mem.document!) }),
  },
  'POST /api/taxonomy/terms': {
    run: (call) =>
      call('POST', '/api/taxonomy/terms', {
        scheme: 'nl_priority',
        code: `T${stamp}`,
        labelEn: 'Test priority',
        labelNl: 'Testprioriteit',
      }).then(remember('term')),
    entity: (res) => ({ type: 'taxonomy_term', id: idOf(res) }),
  },
  'PATCH /api/taxonomy/terms/:id': {
    run: (call) =>
      call('PATCH', `/api/taxonomy/terms/${idOf(mem.term!)}`, {
        labelEn: 'Test priority (renamed)',
        version: versionOf(mem.term!),
      }),
    entity: () => ({ type: 'taxonomy_term', id: idOf(mem.term!) }),
  },
  'POST /api/taxonomy/terms/:id/aliases': {
    run: (call) => call('POST', `/api/taxonomy/terms/${idOf(mem.term!)}/aliases`, { alias: 'test alias' }),
    entity: () => ({ type: 'taxonomy_term', id: idOf(mem.term!) }),
  },
};
