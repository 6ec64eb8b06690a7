import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/app.ts';
import { ctx, idOf, mem, sessions, state, type Caller, type Recipe } from './audit-matrix/context.ts';
import { registerRecipes } from './audit-matrix/recipes-register.ts';
import { recommendationRecipes } from './audit-matrix/recipes-recommendations.ts';
import { workRecipes } from './audit-matrix/recipes-work.ts';
import { followUpRecipes } from './audit-matrix/recipes-followup.ts';
import { commentRecipes } from './audit-matrix/recipes-comments.ts';
import { letterRecipes } from './audit-matrix/recipes-letters.ts';
import { wooRecipes } from './audit-matrix/recipes-woo.ts';
import { publishRecipes } from './audit-matrix/recipes-publish.ts';
import { reportRecipes } from './audit-matrix/recipes-report.ts';
import { frameworkRecipes } from './audit-matrix/recipes-framework.ts';
import { contributionRecipes } from './audit-matrix/recipes-contributions.ts';
import { commitmentRecipes } from './audit-matrix/recipes-commitments.ts';
import { hrcRecipes } from './audit-matrix/recipes-hrc.ts';
import { tokenRecipes } from './audit-matrix/recipes-tokens.ts';
import { stateReportRecipes } from './audit-matrix/recipes-state-report.ts';
import { stateReportContributionRecipes } from './audit-matrix/recipes-state-report-contributions.ts';
import { suggestionRecipes } from './audit-matrix/recipes-suggestions.ts';

/**
 * The audit matrix, next to the access matrix: every mutating route of the API is performed once,
 * successfully, and must leave an audit row that names the entity it changed (type and id). A new
 * mutating route fails the first test until a recipe for it is added here.
 */

/** One recipe per mutating route, performed in this order (later ones use what earlier ones made). */
const RECIPES: Record<string, Recipe> = {
  ...registerRecipes,
  ...workRecipes,
  ...recommendationRecipes,
  ...suggestionRecipes,
  ...followUpRecipes,
  ...commentRecipes,
  ...letterRecipes,
  ...wooRecipes,
  ...publishRecipes,
  ...reportRecipes,
  ...frameworkRecipes,
  ...contributionRecipes,
  ...commitmentRecipes,
  ...hrcRecipes,
  ...tokenRecipes,
  ...stateReportRecipes,
  ...stateReportContributionRecipes,
};

beforeAll(async () => {
  state.t = await testApp();
  for (const role of ['contributor', 'coordinator', 'admin'] as const)
    sessions[role] = await state.t.as(role);
  const org = await state.t.db.query<{ id: string }>("select id from organisations where code = 'BZK'");
  ctx.bzk = org.rows[0]!.id;
});
afterAll(() => state.t?.close());

async function lastAuditId(): Promise<number> {
  const r = await state.t.db.query<{ id: string | null }>('select max(id)::text as id from audit_events');
  return Number(r.rows[0]?.id ?? 0);
}

describe('audit matrix', () => {
  it('has a recipe for every mutating API route', () => {
    const mutating = state.t.app.routeList
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(Object.keys(RECIPES).sort()).toEqual(mutating);
  });

  for (const [route, recipe] of Object.entries(RECIPES)) {
    it(`${route} leaves an audit row naming what it changed`, async () => {
      const session = sessions[recipe.as ?? 'admin']!;
      const call: Caller = async (method, url, body) => {
        const res = await state.t.call(session, method, url, body);
        return { status: res.statusCode, body: res.body ? (res.json() as unknown) : null };
      };
      const since = await lastAuditId();
      const res = await recipe.run(call);
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      // Some entities are known only after the request (the tasks a process made, the scan's notifications).
      if (route === 'POST /api/cycles/:id/process') {
        const r = await state.t.db.query<{ id: string }>(
          'select id from tasks where cycle_id = $1 order by created_at limit 1',
          [idOf(mem.cycle!)],
        );
        ctx.firstTask = r.rows[0]?.id ?? '';
      }
      if (route.includes('calendar-feeds')) {
        const r = await state.t.db.query<{ id: string; user_id: string | null }>(
          'select id, user_id from calendar_feeds order by created_at desc',
        );
        if (route === 'POST /api/calendar-feeds/me') ctx.userFeed = r.rows.find((x) => x.user_id)?.id ?? '';
        if (route === 'POST /api/calendar-feeds/organisations/:id')
          ctx.orgFeed = r.rows.find((x) => !x.user_id)?.id ?? '';
      }
      if (route === 'POST /api/notifications/scan') {
        const r = await state.t.db.query<{ id: string }>(
          'select id from notifications order by created_at desc limit 1',
        );
        ctx.notification = r.rows[0]?.id ?? '';
      }
      if (route === 'POST /api/auth/password' || route === 'POST /api/auth/logout') {
        const email = route === 'POST /api/auth/password' ? 'observer.vws' : 'contributor.vws';
        const r = await state.t.db.query<{ id: string }>('select id from users where email like $1', [
          `${email}@%`,
        ]);
        ctx[route === 'POST /api/auth/password' ? 'observerVws' : 'contributorVws'] = r.rows[0]!.id;
      }
      const { type, id } = recipe.entity(res);
      expect(id, `${route}: the changed entity's id`).not.toBe('');
      const rows = await state.t.db.query<{ entity_type: string; entity_id: string | null }>(
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
