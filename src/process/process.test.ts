import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { today } from '../cycles/status.ts';
import { addDays, addMonths, dueDateOf } from './service.ts';
import { DEFAULT_STEPS, DEFAULT_TEMPLATE_CODE, seedProcessTemplates } from './seed.ts';
import type { CycleProcess, Task, Template } from './schema.ts';

let t: TestApp;
let bzk: Session;
let admin: Session;
let template: Template;
const now = today();
const reportDue = addMonths(now, 8);

async function orgId(code: string) {
  const r = await t.db.query<{ id: string }>('select id from organisations where code = $1', [code]);
  return r.rows[0]!.id;
}
async function instrumentId(code: string) {
  const r = await t.db.query<{ id: string }>('select id from instruments where code = $1', [code]);
  return r.rows[0]!.id;
}
async function newCycle(instrument: string, sequence: number, phases: { kind: string; date: string }[]) {
  const res = await t.call(bzk, 'POST', '/api/cycles', {
    instrumentId: await instrumentId(instrument),
    label: `Test cycle ${sequence}`,
    sequence,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  for (const p of phases) {
    const r = await t.call(bzk, 'POST', `/api/cycles/${id}/phases`, p);
    expect(r.statusCode, r.body).toBe(201);
  }
  return id;
}
const countTasks = async () =>
  (await t.db.query<{ n: number }>('select count(*)::int as n from tasks')).rows[0]!.n;

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  admin = await t.as('admin');
  const list = await t.call(bzk, 'GET', '/api/process-templates');
  expect(list.statusCode, list.body).toBe(200);
  template = (list.json() as { items: Template[] }).items.find((x) => x.code === DEFAULT_TEMPLATE_CODE)!;
}, 60_000);
afterAll(() => t?.close());

describe('due dates', () => {
  it('moves a phase date by months (clamped to the month end) or days', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 13)).toBe('2027-02-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    const phases = [{ kind: 'report_due', date: '2027-05-10' }];
    expect(dueDateOf({ anchorPhase: 'report_due', offsetAmount: -6, offsetUnit: 'months' }, phases)).toBe(
      '2026-11-10',
    );
    expect(dueDateOf({ anchorPhase: 'dialogue', offsetAmount: 0, offsetUnit: 'days' }, phases)).toBeNull();
  });
});

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
});

describe('instantiating the process for a cycle', () => {
  let cycleId: string;
  let tasks: Task[];

  it('creates one task per step, owned by the lead ministry, due at the offset from the report date', async () => {
    cycleId = await newCycle('CEDAW', 90, [{ kind: 'report_due', date: reportDue }]);
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: template.id });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { created: number; process: CycleProcess };
    expect(body.created).toBe(DEFAULT_STEPS.length);
    tasks = body.process.tasks;
    expect(tasks.map((x) => x.title)).toEqual(DEFAULT_STEPS.map((s) => s.titleNl));
    const ocw = await orgId('OCW');
    const bzkId = await orgId('BZK');
    const contributions = tasks.find((x) => x.stepCategory === 'contributions')!;
    expect(contributions.ownerOrganisationId).toBe(ocw);
    expect(contributions.dueDate).toBe(addMonths(reportDue, -6));
    expect(tasks.find((x) => x.stepCategory === 'planning')!.ownerOrganisationId).toBe(bzkId);
    expect(tasks.find((x) => x.stepCategory === 'submission')!.dueDate).toBe(reportDue);
    // Planning is due 12 months before a report due in 8 months: already overdue.
    expect(tasks.find((x) => x.stepCategory === 'planning')!.overdue).toBe(true);
    expect(body.process.progress).toMatchObject({ total: DEFAULT_STEPS.length, done: 0, overdue: 1 });
    const audits = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where entity_type = 'task' and action = 'create'`,
    );
    expect(audits.rows[0]!.n).toBe(DEFAULT_STEPS.length);
  });

  it('refuses a second run for the same cycle with 409 and saves nothing', async () => {
    const before = await countTasks();
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: template.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already started.*add missing steps/);
    expect(await countTasks()).toBe(before);
  });

  it('adds only the missing steps in "addMissing" mode', async () => {
    const added = await t.call(bzk, 'POST', `/api/process-templates/${template.id}/steps`, {
      titleNl: 'Nazorg',
      titleEn: 'Aftercare',
      ownerKind: 'coordinating_ministry',
      anchorPhase: 'report_due',
      offsetAmount: 14,
      offsetUnit: 'days',
    });
    expect(added.statusCode, added.body).toBe(201);
    template = added.json() as Template;
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, {
      templateId: template.id,
      mode: 'addMissing',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { created: number; process: CycleProcess };
    expect(body.created).toBe(1);
    expect(body.process.tasks.find((x) => x.title === 'Nazorg')!.dueDate).toBe(addDays(reportDue, 14));
    // Remove the extra step again for the other tests.
    const step = template.steps.find((s) => s.titleNl === 'Nazorg')!;
    const del = await t.call(bzk, 'DELETE', `/api/process-steps/${step.id}`);
    expect(del.statusCode, del.body).toBe(200);
    template = del.json() as Template;
    await t.db.query(`delete from tasks where title = 'Nazorg'`);
  });

  it('leaves the due date empty when the cycle has no date for the phase, and says which phase', async () => {
    const id = await newCycle('CRC', 91, [{ kind: 'dialogue', date: addMonths(now, 30) }]);
    const res = await t.call(bzk, 'POST', `/api/cycles/${id}/process`, { templateId: template.id });
    expect(res.statusCode, res.body).toBe(201);
    const p = (res.json() as { process: CycleProcess }).process;
    expect(p.tasks.every((x) => x.dueDate === null && x.missingPhase === 'report_due')).toBe(true);
    expect(p.progress.withoutDueDate).toBe(DEFAULT_STEPS.length);
  });

  it('is refused to a coordinator of a ministry that neither leads nor coordinates the instrument', async () => {
    const id = await newCycle('ICERD', 92, [{ kind: 'report_due', date: reportDue }]);
    const vws = await t.as('coordinator', 'VWS');
    const res = await t.call(vws, 'POST', `/api/cycles/${id}/process`, { templateId: template.id });
    expect(res.statusCode).toBe(403);
    const contributor = await t.as('contributor', 'BZK');
    expect(
      (await t.call(contributor, 'POST', `/api/cycles/${id}/process`, { templateId: template.id }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses (400, nothing saved) when a step is assigned to an organisation that no longer exists', async () => {
    const created = await t.call(admin, 'POST', '/api/organisations', {
      code: 'OLDMIN',
      nameNl: 'Oud ministerie',
      nameEn: 'Former ministry',
      kind: 'ministry',
    });
    expect(created.statusCode, created.body).toBe(201);
    const old = created.json() as { id: string; version: number };
    const tpl = await t.call(bzk, 'POST', '/api/process-templates', {
      code: 'test-old',
      nameNl: 'Test',
      nameEn: 'Test',
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const tplId = (tpl.json() as Template).id;
    const step = await t.call(bzk, 'POST', `/api/process-templates/${tplId}/steps`, {
      titleNl: 'Stap',
      titleEn: 'Step',
      ownerKind: 'organisation',
      ownerOrganisationId: old.id,
      anchorPhase: 'report_due',
      offsetAmount: -1,
      offsetUnit: 'months',
    });
    expect(step.statusCode, step.body).toBe(201);
    // The ministry is dissolved afterwards.
    const ended = await t.call(admin, 'PATCH', `/api/organisations/${old.id}`, {
      version: old.version,
      validTo: '2020-12-31',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const before = await countTasks();
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: tplId });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/Former ministry \(OLDMIN\) no longer exists/);
    expect(await countTasks()).toBe(before);
    // Nor can a new step or a task be given to it.
    const step2 = await t.call(bzk, 'POST', `/api/process-templates/${tplId}/steps`, {
      titleNl: 'Stap 2',
      titleEn: 'Step 2',
      ownerKind: 'organisation',
      ownerOrganisationId: old.id,
      anchorPhase: 'report_due',
      offsetAmount: 0,
      offsetUnit: 'days',
    });
    expect(step2.statusCode).toBe(400);
    const task = tasks[0]!;
    const moved = await t.call(admin, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      ownerOrganisationId: old.id,
    });
    expect(moved.statusCode).toBe(400);
  });

  it('lets the owner coordinator, its contributors (in progress/done only) and admins change the status', async () => {
    const ocwCoordinator = await t.as('coordinator', 'OCW');
    const ocwContributor = await t.as('contributor', 'OCW');
    const vwsContributor = await t.as('contributor', 'VWS');
    const task = tasks.find((x) => x.stepCategory === 'consultation')!;
    const other = await t.call(vwsContributor, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      status: 'in_progress',
    });
    expect(other.statusCode).toBe(403);
    // The coordinating ministry does not own this task: only its owner changes it.
    expect(
      (await t.call(bzk, 'PATCH', `/api/tasks/${task.id}`, { version: task.version, status: 'done' }))
        .statusCode,
    ).toBe(403);
    const started = await t.call(ocwContributor, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      status: 'in_progress',
    });
    expect(started.statusCode, started.body).toBe(200);
    const s = started.json() as Task;
    expect(s.status).toBe('in_progress');
    const cancel = await t.call(ocwContributor, 'PATCH', `/api/tasks/${task.id}`, {
      version: s.version,
      status: 'cancelled',
    });
    expect(cancel.statusCode).toBe(403);
    const retitle = await t.call(ocwContributor, 'PATCH', `/api/tasks/${task.id}`, {
      version: s.version,
      title: 'Other',
    });
    expect(retitle.statusCode).toBe(403);
    const done = await t.call(ocwCoordinator, 'PATCH', `/api/tasks/${task.id}`, {
      version: s.version,
      status: 'done',
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json() as Task;
    expect(d.status).toBe('done');
    expect(d.doneAt).not.toBeNull();
    const stale = await t.call(ocwCoordinator, 'PATCH', `/api/tasks/${task.id}`, {
      version: s.version,
      status: 'open',
    });
    expect(stale.statusCode).toBe(409);
    const reopened = await t.call(admin, 'PATCH', `/api/tasks/${task.id}`, {
      version: d.version,
      status: 'open',
    });
    expect(reopened.statusCode).toBe(200);
    expect((reopened.json() as Task).doneAt).toBeNull();
    const again = await t.call(admin, 'PATCH', `/api/tasks/${task.id}`, {
      version: d.version + 1,
      status: 'done',
    });
    expect(again.statusCode).toBe(200);
    const audits = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where entity_type = 'task' and action = 'update' and entity_id = $1`,
      [task.id],
    );
    expect(audits.rows[0]!.n).toBe(4);

    const progress = await t.call(ocwContributor, 'GET', `/api/cycles/${cycleId}/process`);
    expect((progress.json() as CycleProcess).progress).toMatchObject({
      done: 1,
      total: DEFAULT_STEPS.length,
    });
    const mine = await t.call(ocwContributor, 'GET', '/api/tasks?mine=true&pageSize=100');
    const items = (mine.json() as { items: Task[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((x) => x.ownerCode === 'OCW')).toBe(true);
    const overdue = await t.call(bzk, 'GET', '/api/tasks?overdue=true');
    expect((overdue.json() as { items: Task[] }).items.map((x) => x.stepCategory)).toContain('planning');
  });
});

describe('editing templates', () => {
  it('only the coordinating ministry or an admin may edit; reorder checks the version', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const step = template.steps[0]!;
    expect(
      (await t.call(vws, 'PATCH', `/api/process-steps/${step.id}`, { version: step.version, titleEn: 'x' }))
        .statusCode,
    ).toBe(403);
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
    const partial = await t.call(admin, 'POST', `/api/process-templates/${tpl.id}/order`, {
      version: tpl.version,
      stepIds: reversed.slice(1),
    });
    expect(partial.statusCode).toBe(400);
    const ok = await t.call(admin, 'POST', `/api/process-templates/${tpl.id}/order`, {
      version: tpl.version,
      stepIds: reversed,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Template).steps.map((s) => s.id)).toEqual(reversed);
    const a = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where entity_type = 'process_template_order'`,
    );
    expect(a.rows[0]!.n).toBe(1);
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
  });
});
