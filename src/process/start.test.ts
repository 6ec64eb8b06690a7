import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { DEFAULT_STEPS } from './seed.ts';
import type { Cycle } from '../cycles/schema.ts';
import type { CycleProcess, ProcessStarted, Task, Template } from './schema.ts';
import { countTasks, defaultTemplate, newCycle, orgId } from './test-helpers.ts';

let t: TestApp;
let bzk: Session;
let admin: Session;
let template: Template;
const now = today();
const reportDue = addMonths(now, 8);

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  admin = await t.as('admin');
  template = await defaultTemplate(t, bzk);
}, 60_000);
afterAll(() => t?.close());

describe('instantiating the process for a cycle', () => {
  let cycleId: string;
  let tasks: Task[];

  it('creates one task per step, owned by the lead ministry, due at the offset from the report date', async () => {
    cycleId = await newCycle(t, bzk, 'CEDAW', 90, [{ kind: 'report_due', date: reportDue }]);
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: template.id });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as ProcessStarted;
    expect(body.created).toBe(DEFAULT_STEPS.length);
    tasks = body.process.tasks;
    expect(tasks.map((x) => x.title)).toEqual(DEFAULT_STEPS.map((s) => s.titleNl));
    const ocw = await orgId(t, 'OCW');
    const bzkId = await orgId(t, 'BZK');
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
    const before = await countTasks(t);
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: template.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already started.*add missing steps/);
    expect(res.json()).toMatchObject({
      code: 'process.already_started',
      params: { tasks: DEFAULT_STEPS.length, cycle: 'Test cycle 90' },
    });
    expect(await countTasks(t)).toBe(before);
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
    const body = res.json() as ProcessStarted;
    expect(body.created).toBe(1);
    expect(body.process.tasks.find((x) => x.title === 'Nazorg')!.dueDate).toBe(addDays(reportDue, 14));
    // Remove the extra step again for the other tests.
    const step = template.steps.find((s) => s.titleNl === 'Nazorg')!;
    const del = await t.call(bzk, 'DELETE', `/api/process-steps/${step.id}?version=${step.version}`);
    expect(del.statusCode, del.body).toBe(200);
    template = del.json() as Template;
    await t.db.query(`delete from tasks where title = 'Nazorg'`);
  });

  it('leaves the due date empty when the cycle has no date for the phase, and says which phase', async () => {
    const id = await newCycle(t, bzk, 'CRC', 91, [{ kind: 'dialogue', date: addMonths(now, 30) }]);
    const res = await t.call(bzk, 'POST', `/api/cycles/${id}/process`, { templateId: template.id });
    expect(res.statusCode, res.body).toBe(201);
    const p = (res.json() as { process: CycleProcess }).process;
    expect(p.tasks.every((x) => x.dueDate === null && x.missingPhase === 'report_due')).toBe(true);
    expect(p.progress.withoutDueDate).toBe(DEFAULT_STEPS.length);
  });

  it('counts from the derived next report when the cycle was examined, and says which rule', async () => {
    const id = await newCycle(t, bzk, 'CEDAW', 93, [
      { kind: 'concluding_observations', date: addMonths(now, -6) },
    ]);
    const cycle = (await t.call(bzk, 'GET', `/api/cycles/${id}`)).json() as Cycle;
    const next = cycle.derivedPhases.find((d) => d.kind === 'next_report_due')!;
    expect(next.ruleNl).toMatch(/volgende rapportage/);
    const res = await t.call(bzk, 'POST', `/api/cycles/${id}/process`, { templateId: template.id });
    expect(res.statusCode, res.body).toBe(201);
    const p = (res.json() as { process: CycleProcess }).process;
    expect(p.tasks.every((x) => x.dueDate !== null && x.dueDateDerived && x.missingPhase === null)).toBe(
      true,
    );
    const submission = p.tasks.find((x) => x.stepCategory === 'submission')!;
    expect(submission.dueDate).toBe(next.date);
    expect(submission.dueDateRule).toBe(next.ruleNl);
    expect(p.progress.withoutDueDate).toBe(0);
    // A date set by hand no longer counts from the rule.
    const edited = await t.call(admin, 'PATCH', `/api/tasks/${submission.id}`, {
      dueDate: addDays(next.date, 7),
      version: submission.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ dueDateDerived: false, dueDateRule: null });
  });

  it('counts from the next report the previous cycle expects when the cycle has no date yet', async () => {
    const prev = await newCycle(t, bzk, 'CED', 94, [{ kind: 'next_report_due', date: addMonths(now, 20) }]);
    expect(prev).toBeTruthy();
    const id = await newCycle(t, bzk, 'CED', 95, []);
    const res = await t.call(bzk, 'POST', `/api/cycles/${id}/process`, { templateId: template.id });
    expect(res.statusCode, res.body).toBe(201);
    const p = (res.json() as { process: CycleProcess }).process;
    const submission = p.tasks.find((x) => x.stepCategory === 'submission')!;
    expect(submission.dueDate).toBe(addMonths(now, 20));
    expect(submission.dueDateDerived).toBe(true);
    expect(submission.dueDateRule).toMatch(/vorige cyclus/);
  });

  it('is refused to a coordinator of a ministry that neither leads nor coordinates the instrument', async () => {
    const id = await newCycle(t, bzk, 'ICERD', 92, [{ kind: 'report_due', date: reportDue }]);
    const vws = await t.as('coordinator', 'VWS');
    const res = await t.call(vws, 'POST', `/api/cycles/${id}/process`, { templateId: template.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('instrument.edit_forbidden');
    const contributor = await t.as('contributor', 'BZK');
    expect(
      (await t.call(contributor, 'POST', `/api/cycles/${id}/process`, { templateId: template.id }))
        .statusCode,
    ).toBe(403);
    // The section of the cycle says so: the instrument's coordinators start it, BZK adds tasks.
    const seen = await t.call(vws, 'GET', `/api/cycles/${id}/process`);
    expect((seen.json() as CycleProcess).abilities).toEqual({ start: false, addTask: false });
    const own = await t.call(bzk, 'GET', `/api/cycles/${id}/process`);
    expect((own.json() as CycleProcess).abilities).toEqual({ start: true, addTask: true });
    const ocw = await t.as('coordinator', 'OCW');
    const lead = await t.call(ocw, 'GET', `/api/cycles/${cycleId}/process`);
    expect((lead.json() as CycleProcess).abilities).toEqual({ start: true, addTask: false });
    expect(
      ((await t.call(admin, 'GET', `/api/cycles/${id}/process`)).json() as CycleProcess).abilities,
    ).toEqual({ start: true, addTask: true });
  });

  it('refuses an unknown template (400) and an unknown cycle (404)', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const noTemplate = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: unknown });
    expect(noTemplate.statusCode).toBe(400);
    expect(noTemplate.json()).toMatchObject({ code: 'process.template_unknown', params: { id: unknown } });
    const noCycle = await t.call(bzk, 'POST', `/api/cycles/${unknown}/process`, { templateId: template.id });
    expect(noCycle.statusCode).toBe(404);
    expect((await t.call(bzk, 'GET', `/api/cycles/${unknown}/process`)).statusCode).toBe(404);
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
    const empty = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: tplId });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('process.template_empty');
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
    const before = await countTasks(t);
    const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: tplId });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/Former ministry \(OLDMIN\) no longer exists/);
    expect(res.json()).toMatchObject({
      code: 'process.organisation_ended',
      params: { code: 'OLDMIN', nameNl: 'Oud ministerie', validTo: '2020-12-31' },
    });
    expect(await countTasks(t)).toBe(before);
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
});
