/**
 * Approving a draft progress update: a coordinator of a responsible organisation (lead or
 * co-responsible) or of the coordinating ministry, never its author. Approved updates are what
 * dashboards, reports and the worklist count.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { nowIso } from '../core/dates.ts';
import { authorize } from '../core/policy.ts';
import { getRow, updateRow } from '../core/write.ts';
import { followUpErrors } from './errors.ts';
import { followUpPolicy } from './policy.ts';
import { getProgressView, presentProgress } from './progress-presenter.ts';
import { responsibleFor } from './responsible.ts';
import { progressTable } from './rows.ts';
import type { ProgressUpdate } from './schema.ts';

export async function approveProgress(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
): Promise<ProgressUpdate> {
  return db.transaction(async (tx) => {
    const row = await getRow(tx, progressTable, id, true);
    if (row.state === 'approved') throw followUpErrors.already_approved();
    // Asked before the general rule, so the author learns why rather than only that they may not.
    authorize(actor.id !== row.created_by, () => followUpErrors.approve_own());
    const responsible = await responsibleFor(tx, row);
    authorize(
      followUpPolicy.approveProgress(actor, { createdBy: row.created_by, state: row.state }, responsible),
      () => followUpErrors.approve_forbidden(),
    );
    await updateRow(tx, actor, progressTable, id, {
      state: 'approved',
      approvedBy: actor.id,
      approvedAt: nowIso(),
      version,
    });
    return presentProgress(await getProgressView(tx, id), actor, responsible);
  });
}
