import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { UPR_INFO_COLUMNS } from '../recommendations/import-upr-info.ts';

/**
 * The audit matrix, next to the access matrix: every mutating route of the API is performed once,
 * successfully, and must leave an audit row that names the entity it changed (type and id). A new
 * mutating route fails the first test until a recipe for it is added here.
 */

type Method = 'POST' | 'PATCH' | 'DELETE';
type Role = 'contributor' | 'coordinator' | 'admin';

interface Performed {
  status: number;
  body: unknown;
}

interface Recipe {
  /** Which role performs it (default: admin). */
  as?: Role;
  /** Performs the request; returns the response. */
  run(call: Caller): Promise<Performed>;
  /** The entity the audit row must name: its type and id (from the answer or the context). */
  entity(res: Performed): { type: string; id: string };
}

type Caller = (method: Method, url: string, body?: unknown) => Promise<Performed>;

let t: TestApp;
const ctx: Record<string, string> = {};
const sessions: Partial<Record<Role, Session>> = {};

interface CycleWithDerived {
  id: string;
  abilities: { edit: boolean };
  derivedPhases: { kind: string; override: { id: string; version: number } | null }[];
}

/** The phase of a kind in a cycle answer. */
const phaseOf = (res: Performed, kind: string) =>
  (res.body as { phases: { kind: string }[] }).phases.find((p) => p.kind === kind);

const idOf = (res: Performed) => (res.body as { id: string }).id;
const versionOf = (res: Performed) => (res.body as { version: number }).version;
const mem: Record<string, Performed> = {};
const remember = (key: string) => (res: Performed) => {
  mem[key] = res;
  return res;
};

async function get<T>(url: string): Promise<T> {
  const res = await t.call(sessions.admin!, 'GET', url);
  expect(res.statusCode, `GET ${url}: ${res.body}`).toBe(200);
  return res.json() as T;
}

const CSV = [
  UPR_INFO_COLUMNS.join(','),
  '1,Netherlands,WEOG,EU,"Take measures to combat racial discrimination in the labour market.",Canada,WEOG,,Accepted,4,"Racial discrimination",1',
].join('\n');

function multipart(fields: Record<string, string>) {
  const boundary = `----rd${crypto.randomBytes(8).toString('hex')}`;
  const chunks = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: Buffer.from(`${chunks.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const stamp = Date.now().toString(36).toUpperCase();

/** One recipe per mutating route, performed in this order (later ones use what earlier ones made). */
const RECIPES: Record<string, Recipe> = {
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
      const token = (await t.call(null, 'GET', `/api/consultations/${id}/form-token`)).json() as {
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
      const res = await t.app.inject({
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
  'POST /api/notifications/scan': {
    run: (call) => call('POST', '/api/notifications/scan'),
    entity: () => ({ type: 'notification', id: ctx.notification ?? '' }),
  },
  'POST /api/notifications/:id/read': {
    as: 'coordinator',
    run: async (call) => {
      const list = (await t.call(sessions.coordinator!, 'GET', '/api/notifications')).json() as {
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
      const list = (await t.call(sessions.coordinator!, 'GET', '/api/notifications')).json() as {
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
      const res = await t.app.inject({
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
      const s = await t.as('observer', 'VWS');
      const res = await t.call(s, 'POST', '/api/auth/password', {
        currentPassword: 'correct horse battery staple',
        newPassword: 'a brand new passphrase here',
      });
      return { status: res.statusCode, body: res.body ? (res.json() as unknown) : null };
    },
    entity: () => ({ type: 'user', id: ctx.observerVws ?? '' }),
  },
  'POST /api/auth/login': {
    run: async () => {
      const res = await t.app.inject({
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
      const s = await t.as('contributor', 'VWS');
      const res = await t.call(s, 'POST', '/api/auth/logout');
      return { status: res.statusCode, body: null };
    },
    entity: () => ({ type: 'session', id: ctx.contributorVws ?? '' }),
  },
};

beforeAll(async () => {
  t = await testApp();
  for (const role of ['contributor', 'coordinator', 'admin'] as const) sessions[role] = await t.as(role);
  const org = await t.db.query<{ id: string }>("select id from organisations where code = 'BZK'");
  ctx.bzk = org.rows[0]!.id;
});
afterAll(() => t?.close());

async function lastAuditId(): Promise<number> {
  const r = await t.db.query<{ id: string | null }>('select max(id)::text as id from audit_events');
  return Number(r.rows[0]?.id ?? 0);
}

describe('audit matrix', () => {
  it('has a recipe for every mutating API route', () => {
    const mutating = t.app.routeList
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(Object.keys(RECIPES).sort()).toEqual(mutating);
  });

  for (const [route, recipe] of Object.entries(RECIPES)) {
    it(`${route} leaves an audit row naming what it changed`, async () => {
      const session = sessions[recipe.as ?? 'admin']!;
      const call: Caller = async (method, url, body) => {
        const res = await t.call(session, method, url, body);
        return { status: res.statusCode, body: res.body ? (res.json() as unknown) : null };
      };
      const since = await lastAuditId();
      const res = await recipe.run(call);
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      // Some entities are known only after the request (the tasks a process made, the scan's notifications).
      if (route === 'POST /api/cycles/:id/process') {
        const r = await t.db.query<{ id: string }>(
          'select id from tasks where cycle_id = $1 order by created_at limit 1',
          [idOf(mem.cycle!)],
        );
        ctx.firstTask = r.rows[0]?.id ?? '';
      }
      if (route.includes('calendar-feeds')) {
        const r = await t.db.query<{ id: string; user_id: string | null }>(
          'select id, user_id from calendar_feeds order by created_at desc',
        );
        if (route === 'POST /api/calendar-feeds/me') ctx.userFeed = r.rows.find((x) => x.user_id)?.id ?? '';
        if (route === 'POST /api/calendar-feeds/organisations/:id')
          ctx.orgFeed = r.rows.find((x) => !x.user_id)?.id ?? '';
      }
      if (route === 'POST /api/notifications/scan') {
        const r = await t.db.query<{ id: string }>(
          'select id from notifications order by created_at desc limit 1',
        );
        ctx.notification = r.rows[0]?.id ?? '';
      }
      if (route === 'POST /api/auth/password' || route === 'POST /api/auth/logout') {
        const email = route === 'POST /api/auth/password' ? 'observer.vws' : 'contributor.vws';
        const r = await t.db.query<{ id: string }>('select id from users where email like $1', [
          `${email}@%`,
        ]);
        ctx[route === 'POST /api/auth/password' ? 'observerVws' : 'contributorVws'] = r.rows[0]!.id;
      }
      const { type, id } = recipe.entity(res);
      expect(id, `${route}: the changed entity's id`).not.toBe('');
      const rows = await t.db.query<{ entity_type: string; entity_id: string | null }>(
        'select entity_type, entity_id from audit_events where id > $1',
        [since],
      );
      expect(
        rows.rows.some((r) => r.entity_type === type && r.entity_id === id),
        `${route} left ${JSON.stringify(rows.rows)}; expected ${type} ${id}`,
      ).toBe(true);
    });
  }
});
