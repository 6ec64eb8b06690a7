import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { DEFAULT_STEPS } from './seed.ts';
import type { CycleProcess, ProcessStarted, Task } from './schema.ts';
import { defaultTemplate, newCycle } from './test-helpers.ts';

let t: TestApp;
let bzk: Session;
let admin: Session;
let cycleId: string;
let tasks: Task[];

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  admin = await t.as('admin');
  const template = await defaultTemplate(t, bzk);
  cycleId = await newCycle(t, bzk, 'CEDAW', 90, [{ kind: 'report_due', date: addMonths(today(), 8) }]);
  const res = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: template.id });
  expect(res.statusCode, res.body).toBe(201);
  tasks = (res.json() as ProcessStarted).process.tasks;
}, 60_000);
afterAll(() => t?.close());

describe('changing tasks', () => {
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
    expect(other.json().code).toBe('process.task_edit_forbidden');
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
    expect(cancel.json().code).toBe('process.task_status_forbidden');
    const retitle = await t.call(ocwContributor, 'PATCH', `/api/tasks/${task.id}`, {
      version: s.version,
      title: 'Other',
    });
    expect(retitle.statusCode).toBe(403);
    expect(retitle.json().code).toBe('process.task_status_only');
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
    const noOrg = await t.call(admin, 'GET', '/api/tasks?mine=true');
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().code).toBe('process.no_organisation');
  });

  it('tells each user what they may do with each task, as the server decides it', async () => {
    const ocwTask = tasks.find((x) => x.stepCategory === 'drafting')!;
    const bzkTask = tasks.find((x) => x.stepCategory === 'planning')!;
    const abilities = async (who: Session, id: string) =>
      ((await t.call(who, 'GET', `/api/tasks/${id}`)).json() as Task).abilities;
    const all = ['open', 'in_progress', 'done', 'cancelled'];
    expect(await abilities(admin, ocwTask.id)).toEqual({ edit: true, statuses: all });
    expect(await abilities(await t.as('coordinator', 'OCW'), ocwTask.id)).toEqual({
      edit: true,
      statuses: all,
    });
    expect(await abilities(await t.as('contributor', 'OCW'), ocwTask.id)).toEqual({
      edit: false,
      statuses: ['in_progress', 'done'],
    });
    expect(await abilities(bzk, ocwTask.id)).toEqual({ edit: false, statuses: [] });
    expect(await abilities(bzk, bzkTask.id)).toEqual({ edit: true, statuses: all });
    expect(await abilities(await t.as('observer'), ocwTask.id)).toEqual({ edit: false, statuses: [] });
    // Lists and the cycle's process carry the same answers.
    const contributor = await t.as('contributor', 'OCW');
    const list = (await t.call(contributor, 'GET', `/api/tasks?cycleId=${cycleId}&pageSize=100`)).json() as {
      items: Task[];
    };
    expect(list.items.find((x) => x.id === bzkTask.id)!.abilities).toEqual({ edit: false, statuses: [] });
    expect(list.items.find((x) => x.id === ocwTask.id)!.abilities.statuses).toEqual(['in_progress', 'done']);
    const p = (await t.call(contributor, 'GET', `/api/cycles/${cycleId}/process`)).json() as CycleProcess;
    expect(p.tasks.find((x) => x.id === ocwTask.id)!.abilities.edit).toBe(false);
  });

  it('lets a coordinator of the owner change every field, audited with before and after', async () => {
    const ocwCoordinator = await t.as('coordinator', 'OCW');
    const task = tasks.find((x) => x.stepCategory === 'nhri')!;
    const res = await t.call(ocwCoordinator, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      title: 'CRM raadplegen',
      dueDate: '2030-01-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'CRM raadplegen', dueDate: '2030-01-31' });
    const a = await t.db.query<{ before: { title: string }; after: { title: string } }>(
      `select before, after from audit_events where entity_type = 'task' and entity_id = $1 and action = 'update'`,
      [task.id],
    );
    expect(a.rows.map((r) => [r.before.title, r.after.title])).toEqual([[task.title, 'CRM raadplegen']]);
  });
});
