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
import {
  loadActionResponsible,
  loadClusterResponsible,
  loadResponsible,
  responsibleFor,
} from './responsible.ts';
import type { Responsible } from './policy.ts';
import { progressTable, type ProgressRow } from './rows.ts';
import type { ProgressCreate, ProgressEdit, ProgressUpdate } from './schema.ts';

/** What a progress update reports on. */
export type ProgressSubject = { kind: 'recommendation' | 'cluster' | 'action'; id: string };

/**
 * Every progress update of a recommendation (with those of the clusters it belongs to, which count
 * for it) or of a cluster, newest period first, drafts included (404 when it does not exist).
 */
export async function listProgress(
  q: Queryable,
  actor: Actor | null,
  subject: ProgressSubject,
): Promise<ProgressUpdate[]> {
  const own = await responsibleOf(q, subject);
  const r = await q.query<ProgressViewRow>(
    subject.kind === 'cluster'
      ? `${PROGRESS_VIEW} where pu.cluster_id = $1 order by ${PROGRESS_ORDER}`
      : subject.kind === 'action'
        ? `${PROGRESS_VIEW} where pu.action_id = $1 order by ${PROGRESS_ORDER}`
        : `${PROGRESS_VIEW} where pu.recommendation_id = $1
            or pu.cluster_id in (select m.cluster_id from cluster_members m where m.recommendation_id = $1)
          order by ${PROGRESS_ORDER}`,
    [subject.id],
  );
  const clusters = new Map<string, Responsible>();
  for (const c of new Set(r.rows.map((row) => row.cluster_id).filter((c) => c !== null)))
    clusters.set(c, await loadClusterResponsible(q, c));
  return r.rows.map((row) =>
    presentProgress(row, actor, row.cluster_id ? clusters.get(row.cluster_id)! : own),
  );
}

const responsibleOf = (q: Queryable, s: ProgressSubject) =>
  s.kind === 'cluster'
    ? loadClusterResponsible(q, s.id)
    : s.kind === 'action'
      ? loadActionResponsible(q, s.id)
      : loadResponsible(q, s.id);

/** Writes a draft on behalf of the actor's organisation; refused unless it is responsible for the recommendation, cluster or action. */
export async function createProgress(
  db: Db,
  actor: Actor,
  subject: ProgressSubject,
  input: ProgressCreate,
): Promise<ProgressUpdate> {
  return db.transaction(async (tx) => {
    const responsible = await responsibleOf(tx, subject);
    // Only a person can be the author: the command line and the system write no progress.
    authorize(actor.id !== null && followUpPolicy.addProgress(actor, responsible), () =>
      followUpErrors.progress_forbidden(),
    );
    const row = await insertRow(tx, actor, progressTable, {
      ...input,
      recommendationId: subject.kind === 'recommendation' ? subject.id : null,
      clusterId: subject.kind === 'cluster' ? subject.id : null,
      actionId: subject.kind === 'action' ? subject.id : null,
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
    const responsible = await responsibleFor(tx, before);
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
