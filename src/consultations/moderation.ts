/**
 * Moderation: the instrument's coordinators read the submissions (with contact details), accept or
 * reject them, publish accepted ones whose authors consented, and note how each was used.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { Where, pageOf } from '../core/sql.ts';
import { getRow, updateRow } from '../core/write.ts';
import type { Page } from '../shared/schema.ts';
import { attachmentsOf } from './attachments.ts';
import { consultationErrors } from './errors.ts';
import { assertMayModerate } from './policy.ts';
import { ownersOf, presentSubmission } from './presenters.ts';
import {
  consultationRow,
  submissionTable,
  type SubmissionFilter,
  type SubmissionModerationInput,
  type SubmissionRow,
} from './rows.ts';
import type { Submission } from './schema.ts';

async function assertModerator(q: Queryable, actor: Actor, consultationId: string): Promise<void> {
  assertMayModerate(actor, ownersOf(await consultationRow(q, consultationId)));
}

export async function listSubmissions(
  q: Queryable,
  actor: Actor,
  consultationId: string,
  f: SubmissionFilter,
): Promise<Page<Submission>> {
  await assertModerator(q, actor, consultationId);
  const page = await pageOf(q, {
    select: '*',
    from: 'consultation_submissions',
    where: new Where().add('consultation_id = ?', consultationId).addIf(f.status, 'status = ?', f.status),
    orderBy: 'submitted_at, id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row: SubmissionRow) => row,
  });
  const files = await attachmentsOf(
    q,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => presentSubmission(r, files.get(r.id) ?? [])) };
}

/** The status, publication and rejection reason after a moderation, checked against the rules. */
function moderated(before: SubmissionRow, input: SubmissionModerationInput) {
  const status = input.status ?? before.status;
  const published = input.published ?? (status === 'accepted' ? before.published : false);
  if (published && !before.consent_to_publish) throw consultationErrors.publish_without_consent();
  if (published && status !== 'accepted') throw consultationErrors.publish_unaccepted();
  const rejectionReason = status === 'rejected' ? (input.rejectionReason ?? before.rejection_reason) : null;
  if (status === 'rejected' && !rejectionReason?.trim()) throw consultationErrors.rejection_reason_missing();
  return { status, published, rejectionReason };
}

export async function moderateSubmission(
  db: Db,
  actor: Actor,
  id: string,
  input: SubmissionModerationInput,
): Promise<Submission> {
  return db.transaction(async (tx) => {
    const before = await getRow(tx, submissionTable, id);
    await assertModerator(tx, actor, before.consultation_id);
    const after = await updateRow(tx, actor, submissionTable, id, {
      version: input.version,
      ...moderated(before, input),
      ...(input.usageNote !== undefined ? { usageNote: input.usageNote } : {}),
    });
    const files = await attachmentsOf(tx, [id]);
    return presentSubmission(after, files.get(id) ?? []);
  });
}
