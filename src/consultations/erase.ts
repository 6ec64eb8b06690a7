/**
 * Erasing a submission on its author's request: the submission (names, e-mail, text), its files and
 * its receipt e-mail are removed, in one transaction with one audit row each. The audit trail held
 * only hashes of the personal data, so it stays as it is and its chain stays whole.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { getRow, recordChanges, type Change } from '../core/write.ts';
import { OUTBOX_ENTITY } from '../notifications/outbox.ts';
import { consultationErrors } from './errors.ts';
import { consultationPolicy } from './policy.ts';
import { receiptKey } from './receipt.ts';
import { submissionTable } from './rows.ts';
import { submissionReference } from './schema.ts';

export async function eraseSubmission(db: Db, actor: Actor, id: string, version: number) {
  authorize(consultationPolicy.erase(actor), () => consultationErrors.erase_forbidden());
  return db.transaction(async (tx) => {
    const before = await getRow(tx, submissionTable, id, true);
    if (before.version !== version) throw staleEdit(submissionTable.entity, Number(before.version), version);
    const files = await tx.query<{ id: string }>(
      'delete from consultation_attachments where submission_id = $1 returning id',
      [id],
    );
    const mails = await tx.query<{ id: string }>(
      'delete from mail_outbox where dedupe_key = $1 returning id',
      [receiptKey(id)],
    );
    await tx.query('delete from consultation_submissions where id = $1', [id]);
    const reference = submissionReference(id);
    const changes: Change[] = [
      ...files.rows.map((f) => ({
        action: 'erase',
        entityType: 'consultation_attachment',
        entityId: f.id,
        before: { submissionId: id },
      })),
      ...mails.rows.map((m) => ({
        action: 'erase',
        entityType: OUTBOX_ENTITY,
        entityId: m.id,
        before: { dedupeKey: receiptKey(id) },
      })),
      {
        action: 'erase',
        entityType: submissionTable.entity,
        entityId: id,
        before: {
          consultationId: before.consultation_id,
          reference,
          status: before.status,
          published: before.published,
          submittedAt: before.submitted_at,
          version: before.version,
        },
        after: { attachments: files.rows.length, emails: mails.rows.length },
      },
    ];
    await recordChanges(tx, actor, changes);
    return { id, reference, attachments: files.rows.length };
  });
}
