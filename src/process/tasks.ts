/** Tasks: reading them (with their owner, cycle, meeting and step) and adding one. Changing one: update-task.ts. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { Where, pageOf } from '../core/sql.ts';
import { getRow, insertRow } from '../core/write.ts';
import type { Page } from '../shared/schema.ts';
import { processErrors } from './errors.ts';
import { assertOrganisationExists } from './owners.ts';
import { taskAbilities } from './policy.ts';
import { taskTable, type TaskRow, type TaskViewRow, type TaskWrite } from './rows.ts';
import type { Task, TaskQuery } from './schema.ts';

/** The columns of TaskViewRow. */
export const TASK_SELECT = `t.*, o.code as owner_code, o.name_nl as owner_name_nl, o.name_en as owner_name_en,
  c.label as cycle_label, c.instrument_id, i.code as instrument_code, m.title as meeting_title,
  s.position as step_position, s.category as step_category, s.anchor_phase,
  (select p.date from cycle_phases p where p.cycle_id = t.cycle_id and p.kind = s.anchor_phase) as anchor_date`;
export const TASK_FROM = `tasks t join organisations o on o.id = t.owner_organisation_id
  left join cycles c on c.id = t.cycle_id
  left join instruments i on i.id = c.instrument_id
  left join meetings m on m.id = t.meeting_id
  left join process_template_steps s on s.id = t.template_step_id`;

/** A task as the API shows it; "overdue" is derived from its due date and `now`. */
export function presentTask(r: TaskViewRow, actor: Actor | null, now = today()): Task {
  const due = r.due_date;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    ownerOrganisationId: r.owner_organisation_id,
    ownerCode: r.owner_code,
    ownerNameNl: r.owner_name_nl,
    ownerNameEn: r.owner_name_en,
    cycleId: r.cycle_id,
    cycleLabel: r.cycle_label,
    instrumentId: r.instrument_id,
    instrumentCode: r.instrument_code,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    templateStepId: r.template_step_id,
    stepPosition: r.step_position,
    stepCategory: r.step_category,
    dueDate: due,
    dueDateDerived: due !== null && r.due_date_rule !== null,
    dueDateRule: due === null ? null : r.due_date_rule,
    missingPhase: due === null && r.anchor_phase && r.cycle_id && !r.anchor_date ? r.anchor_phase : null,
    status: r.status,
    doneAt: r.done_at,
    overdue: (r.status === 'open' || r.status === 'in_progress') && due !== null && due < now,
    abilities: taskAbilities(actor, { ownerOrganisationId: r.owner_organisation_id }),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getTask(q: Queryable, actor: Actor | null, id: string): Promise<Task> {
  await getRow(q, taskTable, id);
  const r = await q.query<TaskViewRow>(`select ${TASK_SELECT} from ${TASK_FROM} where t.id = $1`, [id]);
  return presentTask(r.rows[0]!, actor);
}

export async function listTasks(q: Queryable, actor: Actor | null, f: TaskQuery): Promise<Page<Task>> {
  const now = today();
  const where = new Where()
    .addIf(f.organisationId, 't.owner_organisation_id = ?', f.organisationId)
    .addIf(f.cycleId, 't.cycle_id = ?', f.cycleId)
    .addIf(f.meetingId, 't.meeting_id = ?', f.meetingId)
    .addIf(f.status, 't.status = ?', f.status);
  if (f.mine === 'true') {
    if (!actor?.organisationId) throw processErrors.no_organisation();
    where.add('t.owner_organisation_id = ?', actor.organisationId);
  }
  if (f.overdue === 'true')
    where.add(`t.status in ('open', 'in_progress') and t.due_date is not null and t.due_date < ?::date`, now);
  if (f.active === 'true') where.add(`t.status in ('open', 'in_progress')`);
  return pageOf(q, {
    select: TASK_SELECT,
    from: TASK_FROM,
    where,
    orderBy: 't.due_date nulls last, s.position nulls last, t.created_at',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: TaskViewRow) => presentTask(r, actor, now),
  });
}

/** Inserts one task (audited), after checking that its owner exists. */
export async function insertTask(tx: Queryable, actor: Actor, values: TaskWrite): Promise<TaskRow> {
  await assertOrganisationExists(tx, values.ownerOrganisationId);
  return insertRow(tx, actor, taskTable, values);
}
