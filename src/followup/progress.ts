/**
 * Progress updates on a recommendation: listing, writing a draft, changing and deleting it. A member
 * of a responsible organisation writes a draft; only its author changes or deletes it, and only while
 * it is a draft (approving it is approve.ts).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, getRow, insertRow, updateRow } from '../core/write.ts';
import { followUpErrors } from './errors.ts';
import { followUpPolicy } from './policy.ts';
import {
  PROGRESS_ORDER,
  PROGRESS_VIEW,
  getProgressView,
  presentProgress,
  type ProgressViewRow,
} from './progress-presenter.ts';
import { loadResponsible } from './responsible.ts';
import { progressTable, type ProgressRow } from './rows.ts';
import type { ProgressCreate, ProgressEdit, ProgressUpdate } from './schema.ts';

/** Every progress update of a recommendation, newest period first, drafts included (404 when it does not exist). */
export async function listProgress(
  q: Queryable,
  actor: Actor | null,
  recommendationId: string,
): Promise<ProgressUpdate[]> {
  const responsible = await loadResponsible(q, recommendationId);
  const r = await q.query<ProgressViewRow>(
    `${PROGRESS_VIEW} where pu.recommendation_id = $1 order by ${PROGRESS_ORDER}`,
    [recommendationId],
  );
  return r.rows.map((row) => presentProgress(row, actor, responsible));
}

/** Writes a draft on behalf of the actor's organisation; refused unless it is responsible for the recommendation. */
export async function createProgress(
  db: Db,
  actor: Actor,
  recommendationId: string,
  input: ProgressCreate,
): Promise<ProgressUpdate> {
  return db.transaction(async (tx) => {
    const responsible = await loadResponsible(tx, recommendationId);
    // Only a person can be the author: the command line and the system write no progress.
    authorize(actor.id !== null && followUpPolicy.addProgress(actor, responsible), () =>
      followUpErrors.progress_forbidden(),
    );
    const row = await insertRow(tx, actor, progressTable, {
      ...input,
      recommendationId,
      organisationId: actor.organisationId,
      createdBy: actor.id,
      state: 'draft',
      approvedBy: null,
      approvedAt: null,
    });
    return presentProgress(await getProgressView(tx, row.id), actor, responsible);
  });
}

/** The author changes their draft; the period is checked again as it will be after the change. */
export async function editProgress(
  db: Db,
  actor: Actor,
  id: string,
  input: ProgressEdit,
): Promise<ProgressUpdate> {
  return db.transaction(async (tx) => {
    const before = await getEditable(tx, actor, id);
    const start = input.periodStart === undefined ? before.period_start : input.periodStart;
    const end = input.periodEnd === undefined ? before.period_end : input.periodEnd;
    if (start && end && end < start) {
      const message = `must be on or after the start of the period (${start})`;
      throw errors.validation(
        { summary: `body.periodEnd ${message}` },
        { fields: [{ path: 'body.periodEnd', message }] },
      );
    }
    await updateRow(tx, actor, progressTable, id, input);
    const responsible = await loadResponsible(tx, before.recommendation_id);
    return presentProgress(await getProgressView(tx, id), actor, responsible);
  });
}

/** The author deletes their draft, at the version they saw. */
export async function deleteProgress(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    await getEditable(tx, actor, id);
    await deleteRow(tx, actor, progressTable, id, version);
  });
}

/** The update, locked, when the actor may change it (its author, while a draft); 404 or 403 otherwise. */
async function getEditable(tx: Queryable, actor: Actor, id: string): Promise<ProgressRow> {
  const row = await getRow(tx, progressTable, id, true);
  authorize(followUpPolicy.editProgress(actor, { createdBy: row.created_by, state: row.state }), () =>
    followUpErrors.progress_edit_forbidden(),
  );
  return row;
}
