/** Saving the agenda of a meeting (a proposal the coordinator edited, or their own): one audited change of the meeting. */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { getRow, replaceChildren } from '../core/write.ts';
import { getMeeting, lockMeeting, touchMeeting } from './meetings.ts';
import { assertMayEditAgenda } from './policy.ts';
import { agendaList, meetingTable } from './rows.ts';
import type { AgendaSave, Meeting } from './schema.ts';

export async function saveAgenda(db: Db, actor: Actor, id: string, input: AgendaSave): Promise<Meeting> {
  await db.transaction(async (tx) => {
    await getRow(tx, meetingTable, id);
    assertMayEditAgenda(actor);
    await lockMeeting(tx, id, input.version);
    await replaceChildren(
      tx,
      actor,
      agendaList,
      id,
      input.items.map((item, i) => ({
        position: i + 1,
        title: item.title,
        notes: item.notes?.trim() || null,
        origin: item.origin ?? 'manual',
        cycleId: item.cycleId ?? null,
      })),
    );
    await touchMeeting(tx, id);
  });
  return getMeeting(db, actor, id);
}
