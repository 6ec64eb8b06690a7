import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { DEFAULT_STEPS, seedProcessTemplates } from './seed.ts';
import type { Template } from './schema.ts';
import { defaultTemplate } from './test-helpers.ts';

let t: TestApp;
let bzk: Session;
let admin: Session;
let template: Template;

const extraStep = {
  titleNl: 'Nazorg',
  titleEn: 'Aftercare',
  ownerKind: 'coordinating_ministry',
  anchorPhase: 'report_due',
  offsetAmount: 14,
  offsetUnit: 'days',
};

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  admin = await t.as('admin');
  template = await defaultTemplate(t, bzk);
}, 60_000);
afterAll(() => t?.close());

describe('the default process template', () => {
  it('is seeded on first start with the steps of the handreiking, offsets marked unverified', () => {
    expect(template.nameNl).toBe('Handreiking statenrapportage');
    expect(template.steps.map((s) => s.titleNl)).toEqual(DEFAULT_STEPS.map((s) => s.titleNl));
    expect(template.steps.map((s) => s.position)).toEqual(DEFAULT_STEPS.map((_, i) => i + 1));
    const categories = template.steps.map((s) => s.category);
    for (const c of ['consultation', 'nhri', 'kingdom', 'approval', 'council', 'submission'])
      expect(categories).toContain(c);
    for (const s of template.steps) {
      expect(s.verified).toBe(false);
      expect(s.source).toMatch(/unverified suggestion/);
    }
    const request = template.steps.find((s) => s.category === 'contributions')!;
    expect(request).toMatchObject({ anchorPhase: 'report_due', offsetAmount: -6, offsetUnit: 'months' });
  });

  it('records the seed in the audit trail: the template and each step', async () => {
    const r = await t.db.query<{ entity_type: string; n: number }>(
      `select entity_type, count(*)::int as n from audit_events
        where action = 'create' and entity_type like 'process_template%' group by entity_type order by 1`,
    );
    expect(r.rows).toEqual([
      { entity_type: 'process_template', n: 1 },
      { entity_type: 'process_template_step', n: DEFAULT_STEPS.length },
    ]);
  });

  it('seeds nothing a second time and keeps what a coordinator changed', async () => {
    await t.db.query(`update process_template_steps set title_en = 'Edited' where position = 1`);
    const again = await t.db.transaction((tx) => seedProcessTemplates(tx));
    expect(again).toEqual({ process_templates: 0, process_template_steps: 0 });
    const r = await t.db.query<{ n: number }>(`select count(*)::int as n from process_template_steps`);
    expect(r.rows[0]!.n).toBe(DEFAULT_STEPS.length);
    const e = await t.db.query<{ title_en: string }>(
      `select title_en from process_template_steps where position = 1`,
    );
    expect(e.rows[0]!.title_en).toBe('Edited');
  });

  it('is readable by observers but not by anonymous visitors', async () => {
    const observer = await t.as('observer');
    expect((await t.call(observer, 'GET', `/api/process-templates/${template.id}`)).statusCode).toBe(200);
    expect((await t.call(null, 'GET', `/api/process-templates/${template.id}`)).statusCode).toBe(401);
  });

  it('tells each user whether they may edit it', async () => {
    expect(template.abilities).toEqual({ edit: true });
    for (const who of [await t.as('coordinator', 'VWS'), await t.as('observer'), await t.as('contributor')]) {
      const res = await t.call(who, 'GET', `/api/process-templates/${template.id}`);
      expect((res.json() as Template).abilities).toEqual({ edit: false });
    }
    const list = await t.call(admin, 'GET', '/api/process-templates');
    expect((list.json() as { items: Template[] }).items.every((x) => x.abilities.edit)).toBe(true);
  });
});

describe('editing templates', () => {
  it('only the coordinating ministry or an admin may edit; reorder checks the version', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const step = template.steps[0]!;
    const refused = await t.call(vws, 'PATCH', `/api/process-steps/${step.id}`, {
      version: step.version,
      titleEn: 'x',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('process.template_edit_forbidden');
    const created = await t.call(vws, 'POST', '/api/process-templates', {
      code: 'x',
      nameNl: 'x',
      nameEn: 'x',
    });
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('process.template_create_forbidden');
    const edited = await t.call(bzk, 'PATCH', `/api/process-steps/${step.id}`, {
      version: step.version,
      offsetAmount: -10,
      ownerKind: 'lead_ministry',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const tpl = edited.json() as Template;
    expect(tpl.steps[0]!).toMatchObject({ offsetAmount: -10, ownerKind: 'lead_ministry' });
    const reversed = [...tpl.steps].reverse().map((s) => s.id);
    const stale = await t.call(bzk, 'POST', `/api/process-templates/${tpl.id}/order`, {
      version: template.version,
      stepIds: reversed,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
    const partial = await t.call(admin, 'POST', `/api/process-templates/${tpl.id}/order`, {
      version: tpl.version,
      stepIds: reversed.slice(1),
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json()).toMatchObject({
      code: 'process.order_incomplete',
      params: { steps: tpl.steps.length },
    });
    const ok = await t.call(admin, 'POST', `/api/process-templates/${tpl.id}/order`, {
      version: tpl.version,
      stepIds: reversed,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Template).steps.map((s) => s.id)).toEqual(reversed);
    // The new order is one change of the template, with the order before and after.
    const a = await t.db.query<{ before: { steps: { id: string }[] }; after: { steps: { id: string }[] } }>(
      `select before, after from audit_events
        where entity_type = 'process_template' and entity_id = $1 and after ? 'steps'`,
      [tpl.id],
    );
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]!.before.steps.map((s) => s.id)).toEqual(tpl.steps.map((s) => s.id));
    expect(a.rows[0]!.after.steps.map((s) => s.id)).toEqual(reversed);
    template = ok.json() as Template;
    const bad = await t.call(bzk, 'POST', `/api/process-templates/${tpl.id}/steps`, {
      titleNl: 'x',
      titleEn: 'x',
      ownerKind: 'organisation',
      anchorPhase: 'report_due',
      offsetAmount: 0,
      offsetUnit: 'days',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/Choose the organisation/);
    expect(bad.json().code).toBe('process.step_owner_required');
  });

  it('deletes a step only at the version the user saw (409 when stale), audited with that step', async () => {
    const added = await t.call(bzk, 'POST', `/api/process-templates/${template.id}/steps`, extraStep);
    expect(added.statusCode, added.body).toBe(201);
    const withStep = added.json() as Template;
    const step = withStep.steps.find((s) => s.titleNl === 'Nazorg')!;
    expect(step.position).toBe(withStep.steps.length);
    const edited = await t.call(bzk, 'PATCH', `/api/process-steps/${step.id}`, {
      version: step.version,
      offsetAmount: 21,
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const noVersion = await t.call(bzk, 'DELETE', `/api/process-steps/${step.id}`);
    expect(noVersion.statusCode).toBe(400);
    const stale = await t.call(bzk, 'DELETE', `/api/process-steps/${step.id}?version=${step.version}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_edit', params: { current: step.version + 1 } });
    const still = await t.call(bzk, 'GET', `/api/process-templates/${template.id}`);
    expect((still.json() as Template).steps.map((s) => s.id)).toContain(step.id);
    const vws = await t.as('coordinator', 'VWS');
    expect(
      (await t.call(vws, 'DELETE', `/api/process-steps/${step.id}?version=${step.version + 1}`)).statusCode,
    ).toBe(403);

    const del = await t.call(bzk, 'DELETE', `/api/process-steps/${step.id}?version=${step.version + 1}`);
    expect(del.statusCode, del.body).toBe(200);
    const after = del.json() as Template;
    expect(after.steps.map((s) => s.id)).not.toContain(step.id);
    expect(after.steps.map((s) => s.position)).toEqual(after.steps.map((_, i) => i + 1));
    const a = await t.db.query<{ action: string }>(
      `select action from audit_events where entity_type = 'process_template_step' and entity_id = $1 order by id`,
      [step.id],
    );
    expect(a.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
  });

  it('changes a template at the version the user saw, audited', async () => {
    const stale = await t.call(bzk, 'PATCH', `/api/process-templates/${template.id}`, {
      version: template.version,
      description: 'Nieuw',
    });
    expect(stale.statusCode).toBe(409);
    const current = (await t.call(bzk, 'GET', `/api/process-templates/${template.id}`)).json() as Template;
    const ok = await t.call(bzk, 'PATCH', `/api/process-templates/${template.id}`, {
      version: current.version,
      description: 'Nieuw',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Template).description).toBe('Nieuw');
    const a = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events
        where entity_type = 'process_template' and entity_id = $1 and action = 'update' and after ? 'description'`,
      [template.id],
    );
    expect(a.rows[0]!.n).toBe(1);
  });
});
