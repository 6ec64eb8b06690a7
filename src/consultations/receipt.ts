/**
 * The receipt of a submission: its reference number on screen, and, when the installation sends
 * e-mail (SMTP_URL), a message to the contact address through the outbox of src/notifications,
 * queued in the transaction of the submission and sent after the commit. The audit trail records
 * the message without its address or text.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { recordChanges } from '../core/write.ts';
import { OUTBOX_ENTITY } from '../notifications/outbox.ts';

/** The outbox key of a submission's receipt: one per submission, removed when it is erased. */
export const receiptKey = (submissionId: string): string => `consultation-receipt:${submissionId}`;

export interface ReceiptFacts {
  submissionId: string;
  reference: string;
  to: string;
  contactName: string;
  titleNl: string;
  titleEn: string;
  submittedAt: string;
}

/** The receipt's subject and text, in Dutch and English (the form does not know the reader's language). */
export function receiptMessage(f: ReceiptFacts): { subject: string; body: string } {
  const at = f.submittedAt.slice(0, 16).replace('T', ' ') + ' UTC';
  return {
    subject: `[Rightsdesk] Ontvangstbevestiging / Receipt ${f.reference}`,
    body:
      `${f.contactName},\n\n` +
      `Wij hebben uw inbreng voor de consultatie "${f.titleNl}" ontvangen op ${at}.\n` +
      `Uw referentienummer is ${f.reference}. Vermeld dit nummer als u contact met ons opneemt.\n\n` +
      `We received your input to the consultation "${f.titleEn}" on ${at}.\n` +
      `Your reference number is ${f.reference}. Please quote it when you contact us.\n`,
  };
}

/** Queues the receipt e-mail (status pending) in the caller's transaction. */
export async function queueReceipt(tx: Queryable, actor: Actor, f: ReceiptFacts): Promise<void> {
  const { subject, body } = receiptMessage(f);
  const r = await tx.query<{ id: string; status: string }>(
    `insert into mail_outbox (dedupe_key, to_address, subject, body, status)
     values ($1, $2, $3, $4, 'pending') on conflict (dedupe_key) do nothing returning id, status`,
    [receiptKey(f.submissionId), f.to, subject, body],
  );
  const m = r.rows[0];
  if (!m) return;
  await recordChanges(tx, actor, [
    {
      action: 'create',
      entityType: OUTBOX_ENTITY,
      entityId: m.id,
      after: { dedupeKey: receiptKey(f.submissionId), subject, status: m.status },
    },
  ]);
}
