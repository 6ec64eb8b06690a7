/** A decision of the meeting becomes a follow-up task with an owner and a due date, linked to the meeting. */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { getRow } from '../core/write.ts';
import type { Task } from '../process/schema.ts';
import { getTask, insertTask } from '../process/tasks.ts';
import { meetingErrors } from './errors.ts';
import { touchMeeting } from './meetings.ts';
import { assertMayDecide } from './policy.ts';
import { meetingTable } from './rows.ts';
import type { DecisionCreate } from './schema.ts';

export async function recordDecision(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: DecisionCreate,
): Promise<Task> {
  const taskId = await db.transaction(async (tx) => {
    await getRow(tx, meetingTable, meetingId);
    assertMayDecide(actor);
    if (input.cycleId) {
      const c = await tx.query('select 1 from cycles where id = $1', [input.cycleId]);
      if (!c.rowCount) throw meetingErrors.cycle_unknown({ id: input.cycleId });
    }
    const row = await insertTask(tx, actor, {
      title: input.title,
      description: input.description ?? null,
      ownerOrganisationId: input.ownerOrganisationId,
      dueDate: input.dueDate,
      cycleId: input.cycleId ?? null,
      meetingId,
      templateStepId: null,
      status: 'open',
      doneAt: null,
    });
    await touchMeeting(tx, meetingId);
    return row.id;
  });
  return getTask(db, actor, taskId);
}
