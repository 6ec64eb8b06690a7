import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, type Actor } from '../core/audit.ts';
import { deleteRow, getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { AppError, badRequest, conflict, forbidden } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { assertMayEditInstrument, ownersOfRow } from '../instruments/policy.ts';
import { isAdmin } from '../core/policy.ts';
import { getCycle } from '../cycles/service.ts';
import { today } from '../cycles/status.ts';
import type { Page } from '../shared/schema.ts';
import type { CycleProcess, Progress, Task, TaskStatus, Template, TemplateStep } from './schema.ts';

/** The coordinating ministry: it chairs the network of treaty coordinators and keeps the process guide. */
export const COORDINATING_MINISTRY_CODE = 'BZK';

export const templateTable: TableSpec = {
  table: 'process_templates',
  entity: 'process_template',
  writable: ['code', 'nameNl', 'nameEn', 'description', 'source', 'verified'],
};
export const stepTable: TableSpec = {
  table: 'process_template_steps',
  entity: 'process_template_step',
  writable: [
    'templateId',
    'position',
    'titleNl',
    'titleEn',
    'descriptionNl',
    'descriptionEn',
    'ownerKind',
    'ownerOrganisationId',
    'category',
    'anchorPhase',
    'offsetAmount',
    'offsetUnit',
    'source',
    'verified',
  ],
};
export const taskTable: TableSpec = {
  table: 'tasks',
  entity: 'task',
  writable: [
    'title',
    'description',
    'ownerOrganisationId',
    'cycleId',
    'meetingId',
    'templateStepId',
    'dueDate',
    'status',
    'doneAt',
  ],
};

export async function coordinatingMinistryId(q: Queryable): Promise<string | null> {
  const r = await q.query<{ id: string }>('select id from organisations where code = $1', [
    COORDINATING_MINISTRY_CODE,
  ]);
  return r.rows[0]?.id ?? null;
}

/** Only an administrator or a coordinator of the coordinating ministry (BZK). */
export async function assertCoordinatingMinistry(q: Queryable, actor: Actor, what: string): Promise<void> {
  if (isAdmin(actor)) return;
  const bzk = await coordinatingMinistryId(q);
  if (actor.role === 'coordinator' && actor.organisationId && actor.organisationId === bzk) return;
  throw forbidden(
    `Only an administrator or a coordinator of the coordinating ministry (${COORDINATING_MINISTRY_CODE}) may ${what}.`,
  );
}

/**
 * An organisation that work is assigned to must exist on `onDate` (default: today): one whose
 * validity ended (a ministry that was split or merged) cannot take on tasks.
 */
export async function assertOrganisationExists(q: Queryable, id: string, onDate = today()) {
  const r = await q.query<{
    code: string;
    name_en: string;
    valid_from: string | null;
    valid_to: string | null;
  }>('select code, name_en, valid_from, valid_to from organisations where id = $1', [id]);
  const o = r.rows[0];
  if (!o) throw badRequest(`No organisation with id "${id}" exists: choose one from the list.`);
  if (o.valid_to && o.valid_to < onDate)
    throw badRequest(
      `${o.name_en} (${o.code}) no longer exists (valid until ${o.valid_to}): assign the work to the organisation that took over its tasks.`,
    );
  if (o.valid_from && o.valid_from > onDate)
    throw badRequest(
      `${o.name_en} (${o.code}) does not exist yet on ${onDate} (valid from ${o.valid_from}): choose another organisation.`,
    );
  return o;
}

// ---------------------------------------------------------------- templates

const toStep = (r: Record<string, unknown>) => camelize<TemplateStep>(r);

export async function getTemplate(q: Queryable, id: string): Promise<Template> {
  const row = await getRow(q, templateTable, id);
  const steps = await q.query<Record<string, unknown>>(
    'select * from process_template_steps where template_id = $1 order by position, created_at',
    [id],
  );
  return { ...camelize<Omit<Template, 'steps'>>(row), steps: steps.rows.map(toStep) };
}

export async function listTemplates(q: Queryable, f: { page: number; pageSize: number }) {
  const page = await pageOf(q, {
    select: 'id',
    from: 'process_templates',
    where: new Where(),
    orderBy: 'name_nl',
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => String(r.id),
  });
  const items: Template[] = [];
  for (const id of page.items) items.push(await getTemplate(q, id));
  return { ...page, items };
}

export async function createTemplate(db: Db, actor: Actor, input: Record<string, unknown>) {
  const id = await db.transaction(async (tx) => {
    await assertCoordinatingMinistry(tx, actor, 'create a process template');
    return String((await insertRow(tx, actor, templateTable, input)).id);
  });
  return getTemplate(db, id);
}

export async function updateTemplate(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  await db.transaction(async (tx) => {
    await getRow(tx, templateTable, id);
    await assertCoordinatingMinistry(tx, actor, 'change a process template');
    await updateRow(tx, actor, templateTable, id, input);
  });
  return getTemplate(db, id);
}

function checkOwner(s: { ownerKind?: unknown; ownerOrganisationId?: unknown }) {
  if (s.ownerKind === 'organisation' && !s.ownerOrganisationId)
    throw badRequest(
      'Choose the organisation that owns this step, or choose a role such as "lead ministry".',
    );
}

/** Marks the template as changed (its steps are part of it), so a stale reorder is refused. */
async function touchTemplate(tx: Queryable, id: string) {
  await tx.query('update process_templates set version = version + 1, updated_at = now() where id = $1', [
    id,
  ]);
}

export async function addStep(db: Db, actor: Actor, templateId: string, input: Record<string, unknown>) {
  await db.transaction(async (tx) => {
    await getRow(tx, templateTable, templateId, true);
    await assertCoordinatingMinistry(tx, actor, 'change a process template');
    checkOwner(input);
    const values = { ...input };
    if (values.ownerKind !== 'organisation') values.ownerOrganisationId = null;
    else await assertOrganisationExists(tx, String(values.ownerOrganisationId));
    const max = await tx.query<{ n: number }>(
      'select coalesce(max(position), 0)::int as n from process_template_steps where template_id = $1',
      [templateId],
    );
    await insertRow(tx, actor, stepTable, { ...values, templateId, position: (max.rows[0]?.n ?? 0) + 1 });
    await touchTemplate(tx, templateId);
  });
  return getTemplate(db, templateId);
}

export async function updateStep(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  const templateId = await db.transaction(async (tx) => {
    const before = await getRow(tx, stepTable, id);
    await assertCoordinatingMinistry(tx, actor, 'change a process template');
    const values = { ...input };
    const kind = values.ownerKind ?? before.owner_kind;
    if (kind !== 'organisation') values.ownerOrganisationId = null;
    else {
      const org =
        values.ownerOrganisationId === undefined ? before.owner_organisation_id : values.ownerOrganisationId;
      checkOwner({ ownerKind: kind, ownerOrganisationId: org });
      if (values.ownerOrganisationId !== undefined) await assertOrganisationExists(tx, String(org));
    }
    await updateRow(tx, actor, stepTable, id, values);
    await touchTemplate(tx, String(before.template_id));
    return String(before.template_id);
  });
  return getTemplate(db, templateId);
}

export async function deleteStep(db: Db, actor: Actor, id: string) {
  const templateId = await db.transaction(async (tx) => {
    const step = await getRow(tx, stepTable, id);
    await assertCoordinatingMinistry(tx, actor, 'change a process template');
    await deleteRow(tx, actor, stepTable, id);
    await renumber(tx, String(step.template_id));
    await touchTemplate(tx, String(step.template_id));
    return String(step.template_id);
  });
  return getTemplate(db, templateId);
}

async function renumber(tx: Queryable, templateId: string) {
  await tx.query(
    `update process_template_steps s set position = n.rn
       from (select id, row_number() over (order by position, created_at) as rn
               from process_template_steps where template_id = $1) n
      where s.id = n.id and s.position <> n.rn`,
    [templateId],
  );
}

/** Puts the steps in the order given; the list must name every step of the template once. */
export async function reorderSteps(
  db: Db,
  actor: Actor,
  templateId: string,
  input: { version: number; stepIds: string[] },
) {
  await db.transaction(async (tx) => {
    const tpl = await getRow(tx, templateTable, templateId, true);
    await assertCoordinatingMinistry(tx, actor, 'change a process template');
    if (tpl.version !== input.version)
      throw new AppError(
        409,
        'stale_edit',
        `This process template was changed by someone else since you opened it (you saw version ${input.version}, it is now at version ${String(tpl.version)}). Reload it, then reorder again.`,
        {},
        { currentVersion: tpl.version },
      );
    const current = await tx.query<{ id: string; position: number }>(
      'select id, position from process_template_steps where template_id = $1 order by position',
      [templateId],
    );
    const ids = current.rows.map((r) => r.id);
    const given = new Set(input.stepIds);
    if (given.size !== input.stepIds.length || given.size !== ids.length || ids.some((i) => !given.has(i)))
      throw badRequest(
        `Send every step of this template exactly once (it has ${ids.length} steps): reload the template and try again.`,
      );
    const before = current.rows.map((r) => ({ id: r.id, position: r.position }));
    for (const [i, sid] of input.stepIds.entries())
      await tx.query('update process_template_steps set position = $2 where id = $1', [sid, i + 1]);
    await touchTemplate(tx, templateId);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'process_template_order',
      entityId: templateId,
      before,
      after: input.stepIds.map((id, i) => ({ id, position: i + 1 })),
    });
  });
  return getTemplate(db, templateId);
}

// ---------------------------------------------------------------- due dates

/** Adds months to a calendar date, keeping the day or the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ny, nm, Math.min(d, last))).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The due date of a step for a cycle: the phase date moved by the offset; null when the phase has no date. */
export function dueDateOf(
  step: { anchorPhase: string; offsetAmount: number; offsetUnit: 'days' | 'months' },
  phases: { kind: string; date: string | null }[],
): string | null {
  const phase = phases.find((p) => p.kind === step.anchorPhase);
  if (!phase?.date) return null;
  return step.offsetUnit === 'months'
    ? addMonths(phase.date, step.offsetAmount)
    : addDays(phase.date, step.offsetAmount);
}

// ---------------------------------------------------------------- tasks

const TASK_SELECT = `t.*, o.code as owner_code, o.name_nl as owner_name_nl, o.name_en as owner_name_en,
  c.label as cycle_label, c.instrument_id, i.code as instrument_code, m.title as meeting_title,
  s.position as step_position, s.category as step_category, s.anchor_phase,
  (select p.date from cycle_phases p where p.cycle_id = t.cycle_id and p.kind = s.anchor_phase) as anchor_date`;
const TASK_FROM = `tasks t join organisations o on o.id = t.owner_organisation_id
  left join cycles c on c.id = t.cycle_id
  left join instruments i on i.id = c.instrument_id
  left join meetings m on m.id = t.meeting_id
  left join process_template_steps s on s.id = t.template_step_id`;

function toTask(r: Record<string, unknown>, now: string): Task {
  const row = camelize<Record<string, unknown>>(r);
  const status = row.status as TaskStatus;
  const due = (row.dueDate as string | null) ?? null;
  return {
    id: String(row.id),
    title: String(row.title),
    description: (row.description as string | null) ?? null,
    ownerOrganisationId: String(row.ownerOrganisationId),
    ownerCode: String(row.ownerCode),
    ownerNameNl: String(row.ownerNameNl),
    ownerNameEn: String(row.ownerNameEn),
    cycleId: (row.cycleId as string | null) ?? null,
    cycleLabel: (row.cycleLabel as string | null) ?? null,
    instrumentId: (row.instrumentId as string | null) ?? null,
    instrumentCode: (row.instrumentCode as string | null) ?? null,
    meetingId: (row.meetingId as string | null) ?? null,
    meetingTitle: (row.meetingTitle as string | null) ?? null,
    templateStepId: (row.templateStepId as string | null) ?? null,
    stepPosition: (row.stepPosition as number | null) ?? null,
    stepCategory: (row.stepCategory as Task['stepCategory']) ?? null,
    dueDate: due,
    missingPhase:
      due === null && row.anchorPhase && row.cycleId && !row.anchorDate
        ? (row.anchorPhase as Task['missingPhase'])
        : null,
    status,
    doneAt: (row.doneAt as string | null) ?? null,
    overdue: (status === 'open' || status === 'in_progress') && due !== null && due < now,
    version: Number(row.version),
    createdAt: String(row.createdAt),
    updatedAt: String(row.updatedAt),
  };
}

export async function getTask(q: Queryable, id: string): Promise<Task> {
  await getRow(q, taskTable, id);
  const r = await q.query<Record<string, unknown>>(
    `select ${TASK_SELECT} from ${TASK_FROM} where t.id = $1`,
    [id],
  );
  return toTask(r.rows[0]!, today());
}

export async function listTasks(
  q: Queryable,
  actor: Actor,
  f: {
    page: number;
    pageSize: number;
    organisationId?: string | undefined;
    mine?: 'true' | 'false' | undefined;
    cycleId?: string | undefined;
    meetingId?: string | undefined;
    status?: TaskStatus | undefined;
    overdue?: 'true' | 'false' | undefined;
    active?: 'true' | 'false' | undefined;
  },
): Promise<Page<Task>> {
  const now = today();
  const where = new Where()
    .addIf(f.organisationId, 't.owner_organisation_id = ?', f.organisationId)
    .addIf(f.cycleId, 't.cycle_id = ?', f.cycleId)
    .addIf(f.meetingId, 't.meeting_id = ?', f.meetingId)
    .addIf(f.status, 't.status = ?', f.status);
  if (f.mine === 'true') {
    if (!actor.organisationId)
      throw badRequest('Your account belongs to no organisation: choose an organisation to see its tasks.');
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
    map: (r) => toTask(r, now),
  });
}

export function progressOf(tasks: Task[]): Progress {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  return {
    total: counted.length,
    done: counted.filter((t) => t.status === 'done').length,
    overdue: counted.filter((t) => t.overdue).length,
    withoutDueDate: counted.filter((t) => t.dueDate === null && t.status !== 'done').length,
  };
}

export async function getCycleProcess(q: Queryable, cycleId: string): Promise<CycleProcess> {
  await getCycle(q, cycleId);
  const now = today();
  const r = await q.query<Record<string, unknown>>(
    `select ${TASK_SELECT} from ${TASK_FROM} where t.cycle_id = $1
      order by s.position nulls last, t.due_date nulls last, t.created_at`,
    [cycleId],
  );
  const tasks = r.rows.map((x) => toTask(x, now));
  return { cycleId, tasks, progress: progressOf(tasks) };
}

/** Inserts one task (audited), after checking that its owner exists. */
export async function insertTask(tx: Queryable, actor: Actor, values: Record<string, unknown>) {
  await assertOrganisationExists(tx, String(values.ownerOrganisationId));
  return insertRow(tx, actor, taskTable, values);
}

/**
 * Creates the tasks of a process template for a cycle: one per step, owned by the step's
 * organisation or by the role resolved for the cycle's instrument, due at the step's offset from
 * the cycle's phase date. A second run for the same cycle is refused (409) unless mode is
 * 'addMissing', which adds only the steps that have no task yet.
 */
export async function instantiate(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: { templateId: string; mode?: 'create' | 'addMissing' | undefined },
) {
  const created = await db.transaction(async (tx) => {
    const cycle = await getCycle(tx, cycleId);
    const inst = (
      await tx.query<Record<string, unknown>>('select * from instruments where id = $1', [cycle.instrumentId])
    ).rows[0]!;
    assertMayEditInstrument(actor, ownersOfRow(inst));
    const tplRow = await tx.query('select 1 from process_templates where id = $1', [input.templateId]);
    if (!tplRow.rowCount)
      throw badRequest(`No process template with id "${input.templateId}" exists: choose one from the list.`);
    const tpl = await getTemplate(tx, input.templateId);
    if (!tpl.steps.length)
      throw badRequest(`The process template "${tpl.nameEn}" has no steps yet: add steps first.`);
    const existing = await tx.query<{ template_step_id: string }>(
      'select template_step_id from tasks where cycle_id = $1 and template_step_id = any($2::uuid[])',
      [cycleId, tpl.steps.map((s) => s.id)],
    );
    const have = new Set(existing.rows.map((r) => r.template_step_id));
    if (have.size && input.mode !== 'addMissing')
      throw conflict(
        `The process "${tpl.nameEn}" was already started for ${cycle.label} (${have.size} tasks exist). ` +
          'Use "add missing steps" to add only the steps that have no task yet.',
      );
    const bzk = await coordinatingMinistryId(tx);
    const coordinating = (inst.coordinating_organisation_id as string | null) ?? bzk;
    const lead = (inst.lead_organisation_id as string | null) ?? coordinating;
    let n = 0;
    for (const step of tpl.steps) {
      if (have.has(step.id)) continue;
      const owner =
        step.ownerKind === 'organisation'
          ? step.ownerOrganisationId
          : step.ownerKind === 'lead_ministry'
            ? lead
            : coordinating;
      if (!owner)
        throw badRequest(
          `Instrument ${String(inst.code)} has no lead or coordinating ministry: record one before starting the process.`,
        );
      const noLead = step.ownerKind === 'lead_ministry' && !inst.lead_organisation_id;
      const description = [
        step.descriptionNl,
        noLead ? '(Geen leidend ministerie vastgelegd: toegewezen aan het coördinerend ministerie.)' : null,
      ]
        .filter(Boolean)
        .join('\n\n');
      await insertTask(tx, actor, {
        title: step.titleNl,
        description: description || null,
        ownerOrganisationId: owner,
        cycleId,
        templateStepId: step.id,
        dueDate: dueDateOf(step, cycle.phases),
        status: 'open',
      });
      n++;
    }
    return n;
  });
  return { created, process: await getCycleProcess(db, cycleId) };
}

/**
 * Who may change a task:
 * - an administrator, or a coordinator of the owner organisation: every field and every status;
 * - a contributor of the owner organisation: only the status, and only to "in progress" or "done"
 *   (they do the work; reopening, cancelling and reassigning stay with their coordinator).
 */
export async function updateTask(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number; status?: TaskStatus | undefined },
) {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, taskTable, id, true);
    const owner = String(before.owner_organisation_id);
    const ownOrg = actor.organisationId === owner;
    if (!isAdmin(actor)) {
      if (actor.role === 'contributor' && ownOrg) {
        const fields = Object.keys(input).filter((k) => k !== 'version' && input[k] !== undefined);
        if (fields.some((f) => f !== 'status'))
          throw forbidden(
            'A contributor may only change the status of a task; ask your coordinator for other changes.',
          );
        if (input.status !== 'in_progress' && input.status !== 'done')
          throw forbidden(
            'A contributor may set a task to "in progress" or "done"; reopening or cancelling it is up to your coordinator.',
          );
      } else if (!(actor.role === 'coordinator' && ownOrg)) {
        throw forbidden(
          'Only an administrator or the coordinator of the organisation that owns this task may change it.',
        );
      }
    }
    const values: Record<string, unknown> & { version: number } = { ...input };
    if (input.ownerOrganisationId !== undefined && input.ownerOrganisationId !== owner)
      await assertOrganisationExists(tx, String(input.ownerOrganisationId));
    if (input.status !== undefined && input.status !== before.status)
      values.doneAt = input.status === 'done' ? new Date().toISOString() : null;
    await updateRow(tx, actor, taskTable, id, values);
  });
  return getTask(db, id);
}
