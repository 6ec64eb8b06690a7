import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Access } from './access.ts';

/**
 * The role-by-route matrix: who may call which route. Every API route must be listed here,
 * and every role is tried on every route against the running application.
 */
const MATRIX: Record<string, Access> = {
  'GET /api/recommendations': 'public',
  'GET /api/recommendations/:id': 'public',
  'POST /api/recommendations/:id/merge': 'coordinator',
  'POST /api/recommendations/:id/split': 'coordinator',
  'GET /api/recommendations/export.:format': 'public',
  'GET /api/saved-searches': 'signedIn',
  'POST /api/saved-searches': 'signedIn',
  'DELETE /api/saved-searches/:id': 'signedIn',
  'GET /api/recommendations-unmapped-terms': 'signedIn',
  'POST /api/imports/:kind': 'coordinator',
  'GET /api/imports/template.:format': 'signedIn',
  'GET /api/actions': 'signedIn',
  'GET /api/actions/:id': 'signedIn',
  'POST /api/actions': 'coordinator',
  'PATCH /api/actions/:id': 'coordinator',
  'DELETE /api/actions/:id': 'coordinator',
  'POST /api/actions/:id/indicators': 'coordinator',
  'GET /api/commitments': 'signedIn',
  'GET /api/commitments/overdue': 'signedIn',
  'GET /api/commitments/:id': 'signedIn',
  'POST /api/commitments': 'coordinator',
  'PATCH /api/commitments/:id': 'coordinator',
  'POST /api/commitments/:id/status': 'coordinator',
  'POST /api/commitments/:id/links': 'coordinator',
  'DELETE /api/commitments/:id/links/:kind/:targetId': 'coordinator',
  'POST /api/commitments/import': 'coordinator',
  'GET /api/hrc/terms': 'signedIn',
  'GET /api/hrc/terms/:id': 'signedIn',
  'POST /api/hrc/terms': 'coordinator',
  'PATCH /api/hrc/terms/:id': 'coordinator',
  'POST /api/hrc/terms/:id/priorities': 'coordinator',
  'PATCH /api/hrc/priorities/:id': 'coordinator',
  'DELETE /api/hrc/priorities/:id': 'coordinator',
  'POST /api/hrc/terms/:id/pledges': 'coordinator',
  'POST /api/hrc/terms/:id/resolutions': 'coordinator',
  'PATCH /api/hrc/resolutions/:id': 'coordinator',
  'DELETE /api/hrc/resolutions/:id': 'coordinator',
  'POST /api/hrc/terms/:id/results': 'coordinator',
  'PATCH /api/hrc/results/:id': 'coordinator',
  'PATCH /api/indicators/:id': 'coordinator',
  'POST /api/indicators/:id/measurements': 'contributor',
  'GET /api/cycles/:id/implementation-overview.:format': 'signedIn',
  'GET /api/clusters': 'signedIn',
  'GET /api/clusters/:id': 'signedIn',
  'POST /api/clusters': 'coordinator',
  'PATCH /api/clusters/:id': 'coordinator',
  'POST /api/clusters/:id/members': 'coordinator',
  'DELETE /api/clusters/:id': 'coordinator',
  'GET /api/recommendations/:id/followup': 'signedIn',
  'PATCH /api/recommendations/:id/position': 'coordinator',
  'PATCH /api/recommendations/:id/responsibility': 'coordinator',
  'POST /api/followup/assign': 'coordinator',
  'POST /api/recommendations/:id/followup/publish': 'coordinator',
  'POST /api/recommendations/:id/followup/withdraw': 'coordinator',
  'POST /api/followup/publish': 'coordinator',
  'POST /api/followup/withdraw': 'coordinator',
  'GET /api/public/recommendations/:id/followup': 'public',
  'GET /api/dashboards/progress': 'signedIn',
  'GET /api/dashboards/progress.:format': 'signedIn',
  'GET /api/recommendations/:id/progress': 'signedIn',
  'POST /api/recommendations/:id/progress': 'contributor',
  'PATCH /api/progress-updates/:id': 'contributor',
  'DELETE /api/progress-updates/:id': 'contributor',
  'POST /api/progress-updates/:id/approve': 'coordinator',
  'POST /api/progress-updates/:id/files': 'contributor',
  'GET /api/progress-updates/:id/files/:fileId': 'signedIn',
  'DELETE /api/progress-updates/:id/files/:fileId': 'contributor',
  'GET /api/followup/worklist': 'signedIn',
  'GET /api/clusters/:id/progress': 'signedIn',
  'POST /api/clusters/:id/progress': 'contributor',
  'GET /api/actions/:id/progress': 'signedIn',
  'POST /api/actions/:id/progress': 'contributor',
  'GET /api/dashboards/priorities': 'signedIn',
  'GET /api/dashboards/priorities.:format': 'signedIn',
  'GET /api/dashboards/overdue': 'signedIn',
  'GET /api/comments': 'signedIn',
  'GET /api/comments/mentionable': 'signedIn',
  'POST /api/comments': 'contributor',
  'PATCH /api/comments/:id': 'contributor',
  'DELETE /api/comments/:id': 'contributor',
  'GET /api/letters': 'signedIn',
  'POST /api/letters': 'coordinator',
  'GET /api/letters/:id': 'signedIn',
  'POST /api/letters/:id/regenerate': 'coordinator',
  'PATCH /api/letters/:id/frame': 'coordinator',
  'POST /api/letters/:id/sections': 'contributor',
  'PATCH /api/letters/:id/sections/:key': 'contributor',
  'POST /api/letters/:id/sections/:key/revert': 'contributor',
  'DELETE /api/letters/:id/sections/:key': 'contributor',
  'POST /api/letters/:id/state': 'coordinator',
  'PATCH /api/letters/:id/kamerstuk': 'coordinator',
  'POST /api/letters/:id/consultations': 'coordinator',
  'POST /api/letters/:id/consultations/:consultationId/confirm': 'coordinator',
  'DELETE /api/letters/:id/consultations/:consultationId': 'coordinator',
  'GET /api/letters/:id/versions': 'signedIn',
  'GET /api/letters/:id/versions/:number': 'signedIn',
  'GET /api/letters/:id/compare': 'signedIn',
  'GET /api/letters/:id/docx': 'signedIn',
  'GET /api/letters/:id/pdf': 'signedIn',
  'GET /api/letters/:id/redactions': 'signedIn',
  'POST /api/letters/:id/redactions/search': 'coordinator',
  'PATCH /api/letters/:id/redactions': 'coordinator',
  'POST /api/letters/:id/publish': 'coordinator',
  'POST /api/letters/:id/unpublish': 'coordinator',
  'GET /api/public/letters': 'public',
  'GET /api/settings/letter-sender': 'signedIn',
  'PATCH /api/settings/letter-sender': 'admin',
  'GET /api/public/letters/:id': 'public',
  'GET /api/public/letters/:id/file.:format': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signedIn',
  'GET /api/auth/me': 'signedIn',
  'POST /api/auth/password': 'signedIn',
  'GET /api/users': 'admin',
  'GET /api/users/:id': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/organisations': 'public',
  'GET /api/organisations/:id': 'public',
  'POST /api/organisations': 'admin',
  'PATCH /api/organisations/:id': 'admin',
  'GET /api/overview': 'public',
  'GET /api/instruments': 'public',
  'GET /api/instruments/:id': 'public',
  'POST /api/instruments': 'admin',
  'PATCH /api/instruments/:id': 'coordinator',
  'POST /api/instruments/:id/lead-confirmation': 'coordinator',
  'GET /api/monitoring-bodies': 'public',
  'POST /api/monitoring-bodies': 'admin',
  'PATCH /api/monitoring-bodies/:id': 'admin',
  'GET /api/cycles': 'public',
  'GET /api/cycles/:id': 'public',
  'POST /api/cycles': 'coordinator',
  'PATCH /api/cycles/:id': 'coordinator',
  'DELETE /api/cycles/:id': 'coordinator',
  'POST /api/cycles/:id/phases': 'coordinator',
  'PATCH /api/phases/:id': 'coordinator',
  'DELETE /api/phases/:id': 'coordinator',
  'POST /api/cycles/:id/overrides': 'coordinator',
  'DELETE /api/cycles/:id/overrides/:kind': 'coordinator',
  'GET /api/overview.xlsx': 'public',
  'GET /api/overview.csv': 'public',
  'GET /api/deadlines': 'public',
  'GET /api/timeline': 'public',
  'GET /api/calendar/:file': 'public',
  'GET /api/calendar-feeds': 'signedIn',
  'POST /api/calendar-feeds/me': 'signedIn',
  'DELETE /api/calendar-feeds/me': 'signedIn',
  'POST /api/calendar-feeds/organisations/:id': 'coordinator',
  'DELETE /api/calendar-feeds/organisations/:id': 'coordinator',
  'GET /api/documents': 'public',
  'GET /api/documents/:id': 'public',
  'POST /api/documents': 'contributor',
  'PATCH /api/documents/:id': 'contributor',
  'GET /api/taxonomy/terms': 'public',
  'GET /api/taxonomy/resolve': 'public',
  'GET /api/taxonomy/terms/:id': 'public',
  'POST /api/taxonomy/terms': 'coordinator',
  'PATCH /api/taxonomy/terms/:id': 'coordinator',
  'POST /api/taxonomy/terms/:id/aliases': 'coordinator',
  'GET /api/process-templates': 'signedIn',
  'GET /api/process-templates/:id': 'signedIn',
  'POST /api/process-templates': 'coordinator',
  'PATCH /api/process-templates/:id': 'coordinator',
  'POST /api/process-templates/:id/steps': 'coordinator',
  'POST /api/process-templates/:id/order': 'coordinator',
  'PATCH /api/process-steps/:id': 'coordinator',
  'DELETE /api/process-steps/:id': 'coordinator',
  'GET /api/cycles/:id/process': 'signedIn',
  'POST /api/cycles/:id/process': 'coordinator',
  'GET /api/tasks': 'signedIn',
  'GET /api/tasks/:id': 'signedIn',
  'PATCH /api/tasks/:id': 'contributor',
  'GET /api/meetings': 'signedIn',
  'GET /api/meetings/:id': 'signedIn',
  'POST /api/meetings': 'coordinator',
  'PATCH /api/meetings/:id': 'coordinator',
  'GET /api/meetings/:id/agenda-proposal': 'signedIn',
  'POST /api/meetings/:id/agenda': 'coordinator',
  'POST /api/meetings/:id/decisions': 'coordinator',
  'GET /api/consultations': 'public',
  'GET /api/consultations/:id': 'public',
  'POST /api/consultations': 'coordinator',
  'PATCH /api/consultations/:id': 'coordinator',
  'GET /api/consultations/:id/form-token': 'public',
  'POST /api/consultations/:id/submissions': 'public',
  'GET /api/consultations/:id/submissions': 'coordinator',
  'PATCH /api/consultation-submissions/:id': 'coordinator',
  'POST /api/consultation-submissions/:id/erase': 'admin',
  'GET /api/consultation-attachments/:id': 'public',
  'GET /api/notifications': 'signedIn',
  'GET /api/notifications/count': 'signedIn',
  'POST /api/notifications/:id/read': 'signedIn',
  'POST /api/notifications/read-all': 'signedIn',
  'POST /api/notifications/scan': 'admin',
  'GET /api/outbox': 'admin',
  'GET /api/report/expenditures': 'signedIn',
  'GET /api/report/expenditures/totals': 'signedIn',
  'POST /api/report/expenditures/imports/iati': 'coordinator',
  'POST /api/report/expenditures/imports/sheet': 'coordinator',
  'PATCH /api/report/expenditures/activities/:identifier': 'coordinator',
  'GET /api/report/expenditures/sectors': 'signedIn',
  'POST /api/report/expenditures/sectors': 'coordinator',
  'GET /api/report/framework/:year': 'signedIn',
  'POST /api/report/framework/:year/copy': 'coordinator',
  'PATCH /api/report/framework/areas/:id': 'coordinator',
  'POST /api/report/framework/:year/goals': 'coordinator',
  'PATCH /api/report/framework/goals/:id': 'coordinator',
  'DELETE /api/report/framework/goals/:id': 'coordinator',
  'POST /api/report/framework/goals/:id/indicators': 'coordinator',
  'PATCH /api/report/framework/indicators/:id': 'coordinator',
  'DELETE /api/report/framework/indicators/:id': 'coordinator',
};

const ROLES = ['anonymous', 'observer', 'contributor', 'coordinator', 'admin'] as const;
const LEVEL = { anonymous: 0, observer: 1, contributor: 2, coordinator: 3, admin: 4 } as const;
const NEEDED = { public: 0, signedIn: 1, contributor: 2, coordinator: 3, admin: 4 } as const;

let t: TestApp;
const sessions: Partial<Record<(typeof ROLES)[number], Session>> = {};

beforeAll(async () => {
  t = await testApp();
  for (const role of ['observer', 'contributor', 'coordinator', 'admin'] as const)
    sessions[role] = await t.as(role);
});
afterAll(() => t?.close());

describe('authorisation matrix', () => {
  it('lists every API route, each with a declared access level', () => {
    const registered = t.app.routeList.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
    for (const r of t.app.routeList)
      expect(r.access, `${r.method} ${r.url}`).toBe(MATRIX[`${r.method} ${r.url}`]);
  });

  for (const [route, access] of Object.entries(MATRIX)) {
    it(`${route} is open to ${access}`, async () => {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
      // An id that exists nowhere: an allowed caller gets 404 or 400, never 401/403.
      const url = path.replace(':id', '00000000-0000-4000-8000-000000000000');
      for (const role of ROLES) {
        // Logging out would end the shared session: it is tested in the auth tests.
        if (route === 'POST /api/auth/logout' && role !== 'anonymous') continue;
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        const res = await t.call(role === 'anonymous' ? null : sessions[role]!, method, url, body);
        const allowed = LEVEL[role] >= NEEDED[access];
        if (allowed) {
          expect([401, 403], `${role} ${route} → ${res.statusCode} ${res.body}`).not.toContain(
            res.statusCode,
          );
        } else {
          expect(res.statusCode, `${role} ${route} → ${res.body}`).toBe(role === 'anonymous' ? 401 : 403);
          expect(res.headers['content-type']).toContain('application/problem+json');
        }
      }
    });
  }
});
