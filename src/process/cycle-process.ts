/** The reporting process of one cycle: its tasks, their progress, and what the user may do with it. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { notFound } from '../core/errors.ts';
import type { InstrumentOwners } from '../instruments/policy.ts';
import { processAbilities } from './policy.ts';
import type { ProcessCycleRow, TaskViewRow } from './rows.ts';
import type { CycleProcess, Progress, Task } from './schema.ts';
import { TASK_FROM, TASK_SELECT, presentTask } from './tasks.ts';

/** The cycle with the owners of its instrument; 404 when there is no such cycle. */
export async function cycleOfProcess(q: Queryable, cycleId: string): Promise<ProcessCycleRow> {
  const r = await q.query<ProcessCycleRow>(
    `select c.id, c.label, c.instrument_id, i.code as instrument_code, i.lead_organisation_id,
            i.coordinating_organisation_id
       from cycles c join instruments i on i.id = c.instrument_id
      where c.id = $1`,
    [cycleId],
  );
  const row = r.rows[0];
  if (!row) throw notFound('cycle', cycleId);
  return row;
}

export const ownersOfCycle = (c: ProcessCycleRow): InstrumentOwners => ({
  code: c.instrument_code,
  leadOrganisationId: c.lead_organisation_id,
  coordinatingOrganisationId: c.coordinating_organisation_id,
});

/** Done, overdue and undated tasks among those that count (all but cancelled). */
export function progressOf(tasks: readonly Task[]): Progress {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  return {
    total: counted.length,
    done: counted.filter((t) => t.status === 'done').length,
    overdue: counted.filter((t) => t.overdue).length,
    withoutDueDate: counted.filter((t) => t.dueDate === null && t.status !== 'done').length,
  };
}

export async function getCycleProcess(
  q: Queryable,
  actor: Actor | null,
  cycleId: string,
): Promise<CycleProcess> {
  const cycle = await cycleOfProcess(q, cycleId);
  const now = today();
  const r = await q.query<TaskViewRow>(
    `select ${TASK_SELECT} from ${TASK_FROM} where t.cycle_id = $1
      order by s.position nulls last, t.due_date nulls last, t.created_at`,
    [cycleId],
  );
  const tasks = r.rows.map((x) => presentTask(x, actor, now));
  return {
    cycleId,
    tasks,
    progress: progressOf(tasks),
    abilities: processAbilities(actor, ownersOfCycle(cycle)),
  };
}
