import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { addMonths, today } from '../core/dates.ts';
import type { CycleProcess, Task, Template } from '../process/schema.ts';
import type { AgendaProposal, Meeting } from './schema.ts';

let t: TestApp;
let bzk: Session;
let admin: Session;
let meeting: Meeting;
let cycleId: string;
const now = today();
const meetingDate = addMonths(now, 1);

async function orgId(code: string) {
  return (await t.db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!
    .id;
}

beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
  admin = await t.as('admin');
  // A CRPD cycle whose report is due in six months: on the agenda, and needing a consultation round.
  const inst = await t.db.query<{ id: string }>(`select id from instruments where code = 'CRPD'`);
  const c = await t.call(bzk, 'POST', '/api/cycles', {
    instrumentId: inst.rows[0]!.id,
    label: 'Test report',
    sequence: 95,
  });
  expect(c.statusCode, c.body).toBe(201);
  cycleId = (c.json() as { id: string }).id;
  const p = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/phases`, {
    kind: 'report_due',
    date: addMonths(now, 6),
  });
  expect(p.statusCode, p.body).toBe(201);
  // A report due in 20 months (beyond the agenda's 12) and a follow-up report due in 3 months.
  for (const [code, kind, months, sequence] of [
    ['ICERD', 'report_due', 20, 96],
    ['CAT', 'follow_up_due', 3, 97],
  ] as const) {
    const i = await t.db.query<{ id: string }>('select id from instruments where code = $1', [code]);
    const cy = await t.call(bzk, 'POST', '/api/cycles', {
      instrumentId: i.rows[0]!.id,
      label: `Test ${kind}`,
      sequence,
    });
    expect(cy.statusCode, cy.body).toBe(201);
    const id = (cy.json() as { id: string }).id;
    const ph = await t.call(bzk, 'POST', `/api/cycles/${id}/phases`, { kind, date: addMonths(now, months) });
    expect(ph.statusCode, ph.body).toBe(201);
  }
}, 60_000);
afterAll(() => t?.close());

describe('network meetings', () => {
  it('the coordinating ministry plans a meeting with the Caribbean countries and named persons', async () => {
    const participants = [
      ...(await Promise.all(
        ['BZK', 'BZ', 'VWS', 'AW', 'CW', 'SX'].map(async (c) => ({ organisationId: await orgId(c) })),
      )),
      { personName: 'J. Jansen' },
    ];
    const res = await t.call(bzk, 'POST', '/api/meetings', {
      title: 'Netwerk verdragscoördinatoren',
      date: meetingDate,
      location: 'Den Haag',
      participants,
    });
    expect(res.statusCode, res.body).toBe(201);
    meeting = res.json() as Meeting;
    expect(meeting.participants.map((p) => p.organisationCode ?? p.personName)).toEqual([
      'BZK',
      'BZ',
      'VWS',
      'AW',
      'CW',
      'SX',
      'J. Jansen',
    ]);
    // The meeting, then its participants: one change of the meeting with the list.
    const audits = await t.db.query<{ entity_type: string; action: string; participants: unknown }>(
      `select entity_type, action, after -> 'participants' as participants
         from audit_events where entity_id = $1 order by id`,
      [meeting.id],
    );
    expect(audits.rows.map((r) => [r.entity_type, r.action])).toEqual([
      ['meeting', 'create'],
      ['meeting', 'update'],
    ]);
    expect(audits.rows[0]!.participants).toBeNull();
    expect(audits.rows[1]!.participants).toHaveLength(7);
    expect(meeting.abilities).toEqual({ edit: true });
  });

  it('is refused to other coordinators; read by any signed-in user', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const create = await t.call(vws, 'POST', '/api/meetings', { title: 'x', date: now });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('meeting.create_forbidden');
    const patch = await t.call(vws, 'PATCH', `/api/meetings/${meeting.id}`, {
      version: meeting.version,
      minutes: 'x',
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('meeting.edit_forbidden');
    const agenda = await t.call(vws, 'POST', `/api/meetings/${meeting.id}/agenda`, {
      version: meeting.version,
      items: [],
    });
    expect(agenda.json().code).toBe('meeting.agenda_forbidden');
    const decision = await t.call(vws, 'POST', `/api/meetings/${meeting.id}/decisions`, {
      title: 'x',
      ownerOrganisationId: await orgId('VWS'),
      dueDate: now,
    });
    expect(decision.json().code).toBe('meeting.decision_forbidden');
    expect(((await t.call(vws, 'GET', `/api/meetings/${meeting.id}`)).json() as Meeting).abilities).toEqual({
      edit: false,
    });
    const observer = await t.as('observer');
    const list = await t.call(observer, 'GET', '/api/meetings?when=upcoming');
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: Meeting[] }).items;
    expect(items.map((m) => m.id)).toContain(meeting.id);
    expect(items.every((m) => !m.abilities.edit)).toBe(true);
    const past = (await t.call(admin, 'GET', '/api/meetings?when=past')).json() as { items: Meeting[] };
    expect(past.items.map((m) => m.id)).not.toContain(meeting.id);
    expect((await t.call(null, 'GET', '/api/meetings')).statusCode).toBe(401);
  });

  it('refuses a participant organisation that does not exist on the meeting date', async () => {
    const created = await t.call(admin, 'POST', '/api/organisations', {
      code: 'GONE',
      nameNl: 'Opgeheven',
      nameEn: 'Dissolved body',
      kind: 'other',
      validTo: '2019-01-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.call(bzk, 'PATCH', `/api/meetings/${meeting.id}`, {
      version: meeting.version,
      participants: [{ organisationId: (created.json() as { id: string }).id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/Dissolved body \(GONE\) no longer exists/);
    const twice = await t.call(bzk, 'PATCH', `/api/meetings/${meeting.id}`, {
      version: meeting.version,
      participants: [{ organisationId: await orgId('VWS') }, { organisationId: await orgId('VWS') }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().code).toBe('meeting.participant_twice');
    const again = await t.call(bzk, 'GET', `/api/meetings/${meeting.id}`);
    expect((again.json() as Meeting).participants).toHaveLength(7);
  });

  it('proposes an agenda from the data: reports due, overdue tasks, consultations to plan', async () => {
    // Start the process: the planning task (12 months before) is then overdue.
    const tpl = ((await t.call(bzk, 'GET', '/api/process-templates')).json() as { items: Template[] })
      .items[0]!;
    const inst = await t.call(bzk, 'POST', `/api/cycles/${cycleId}/process`, { templateId: tpl.id });
    expect(inst.statusCode, inst.body).toBe(201);
    const res = await t.call(bzk, 'GET', `/api/meetings/${meeting.id}/agenda-proposal`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as AgendaProposal;
    expect(p.from).toBe(meetingDate);
    expect(p.until).toBe(addMonths(meetingDate, 12));
    expect(p.items[0]!.origin).toBe('standard');
    const report = p.items.find((i) => i.cycleId === cycleId)!;
    expect(report.origin).toBe('report_due');
    expect(report.title).toBe(`CRPD: statenrapport (Test report), uiterlijk ${addMonths(now, 6)}`);
    const overdue = p.items.find((i) => i.origin === 'overdue_tasks')!;
    expect(overdue.notes).toContain('Rapportage inplannen in het netwerk van verdragscoördinatoren');
    const consult = p.items.find((i) => i.origin === 'consultation')!;
    expect(consult.notes).toContain('CRPD Test report');
    // Every proposed report is due within the twelve months (or is overdue already).
    for (const i of p.items.filter((x) => x.origin === 'report_due'))
      expect(i.title.match(/\d{4}-\d{2}-\d{2}/)![0] <= p.until).toBe(true);
    expect(p.items.some((i) => i.title.includes('Test report_due'))).toBe(false);
    expect(consult.notes).toContain('ICERD Test report_due');
    const followUp = p.items.find((i) => i.title.includes('Test follow_up_due'))!;
    expect(followUp.origin).toBe('follow_up_due');
    expect(followUp.title).toMatch(/^CAT: vervolgrapportage/);
    const en = (
      await t.call(bzk, 'GET', `/api/meetings/${meeting.id}/agenda-proposal?lang=en`)
    ).json() as AgendaProposal;
    expect(en.items.find((i) => i.cycleId === cycleId)!.title).toMatch(
      /^CRPD: state report \(Test report\), due/,
    );

    // Once the consultation task is done, the cycle no longer needs one.
    const process = (await t.call(bzk, 'GET', `/api/cycles/${cycleId}/process`)).json() as CycleProcess;
    const task = process.tasks.find((x) => x.stepCategory === 'consultation')!;
    const done = await t.call(admin, 'PATCH', `/api/tasks/${task.id}`, {
      version: task.version,
      status: 'done',
    });
    expect(done.statusCode, done.body).toBe(200);
    const after = (
      await t.call(bzk, 'GET', `/api/meetings/${meeting.id}/agenda-proposal`)
    ).json() as AgendaProposal;
    expect(after.items.find((i) => i.origin === 'consultation')?.notes ?? '').not.toContain(
      'CRPD Test report',
    );
  });

  it('stores the edited agenda once accepted, refusing a stale version', async () => {
    const p = (
      await t.call(bzk, 'GET', `/api/meetings/${meeting.id}/agenda-proposal`)
    ).json() as AgendaProposal;
    const items = [...p.items.slice(0, 2), { title: 'Eigen punt', notes: 'Toegevoegd' }];
    const res = await t.call(bzk, 'POST', `/api/meetings/${meeting.id}/agenda`, {
      version: meeting.version,
      items,
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as Meeting;
    expect(saved.agenda.map((a) => a.title)).toEqual(items.map((i) => i.title));
    expect(saved.agenda.map((a) => a.position)).toEqual([1, 2, 3]);
    expect(saved.agenda[2]!.origin).toBe('manual');
    expect(saved.version).toBe(meeting.version + 1);
    const stale = await t.call(bzk, 'POST', `/api/meetings/${meeting.id}/agenda`, {
      version: meeting.version,
      items: [],
    });
    expect(stale.statusCode).toBe(409);
    const empty = await t.call(bzk, 'POST', `/api/meetings/${meeting.id}/agenda`, {
      version: saved.version,
      items: [{ title: '  ' }],
    });
    expect(empty.statusCode).toBe(400);
    meeting = saved;
    const a = await t.db.query<{ agenda: { title: string }[] }>(
      `select after -> 'agenda' as agenda from audit_events
        where entity_type = 'meeting' and entity_id = $1 and after ? 'agenda'`,
      [meeting.id],
    );
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]!.agenda.map((i) => i.title)).toEqual(items.map((i) => i.title));
  });

  it('records minutes', async () => {
    const res = await t.call(bzk, 'PATCH', `/api/meetings/${meeting.id}`, {
      version: meeting.version,
      minutes: 'Besproken: planning 2027.',
    });
    expect(res.statusCode, res.body).toBe(200);
    meeting = res.json() as Meeting;
    expect(meeting.minutes).toBe('Besproken: planning 2027.');
    expect(meeting.participants).toHaveLength(7);
  });

  it('turns a decision into a follow-up task with owner and due date, linked to the meeting', async () => {
    const vws = await orgId('VWS');
    const due = addMonths(meetingDate, 3);
    const res = await t.call(bzk, 'POST', `/api/meetings/${meeting.id}/decisions`, {
      title: 'Consultatie CRPD organiseren',
      ownerOrganisationId: vws,
      dueDate: due,
      cycleId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json() as Task;
    expect(task).toMatchObject({
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      ownerOrganisationId: vws,
      dueDate: due,
      cycleId,
      status: 'open',
    });
    const list = await t.call(bzk, 'GET', `/api/tasks?meetingId=${meeting.id}`);
    expect((list.json() as { items: Task[] }).items.map((x) => x.id)).toEqual([task.id]);
    expect(((await t.call(bzk, 'GET', `/api/meetings/${meeting.id}`)).json() as Meeting).decisionCount).toBe(
      1,
    );
    const noOwner = await t.call(bzk, 'POST', `/api/meetings/${meeting.id}/decisions`, {
      title: 'x',
      dueDate: due,
    });
    expect(noOwner.statusCode).toBe(400);
    const gone = await orgId('GONE');
    const before = (await t.db.query<{ n: number }>('select count(*)::int as n from tasks')).rows[0]!.n;
    const expired = await t.call(bzk, 'POST', `/api/meetings/${meeting.id}/decisions`, {
      title: 'x',
      ownerOrganisationId: gone,
      dueDate: due,
    });
    expect(expired.statusCode).toBe(400);
    expect((await t.db.query<{ n: number }>('select count(*)::int as n from tasks')).rows[0]!.n).toBe(before);
  });
});
