/** Changing a task: its fields and its status, as the task policy allows (policy.ts). */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { nowIso } from '../core/dates.ts';
import { getRow, updateRow } from '../core/write.ts';
import { assertOrganisationExists } from './owners.ts';
import { assertMayUpdateTask } from './policy.ts';
import { taskTable, type TaskWrite } from './rows.ts';
import type { Task, TaskUpdate } from './schema.ts';
import { getTask } from './tasks.ts';

/** Changes a task the user saw at `input.version`; "done" records when, any other status clears it. */
export async function updateTask(db: Db, actor: Actor, id: string, input: TaskUpdate): Promise<Task> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, taskTable, id, true);
    const owner = before.owner_organisation_id;
    assertMayUpdateTask(actor, { ownerOrganisationId: owner }, input);
    const values: Partial<TaskWrite> & { version: number } = { ...input };
    if (input.ownerOrganisationId !== undefined && input.ownerOrganisationId !== owner)
      await assertOrganisationExists(tx, input.ownerOrganisationId);
    // A date set by hand no longer counts from a derived one.
    if (input.dueDate !== undefined && input.dueDate !== before.due_date) values.dueDateRule = null;
    if (input.status !== undefined && input.status !== before.status)
      values.doneAt = input.status === 'done' ? nowIso() : null;
    await updateRow(tx, actor, taskTable, id, values);
  });
  return getTask(db, actor, id);
}
