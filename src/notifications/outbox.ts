/**
 * The e-mail outbox: every message the application sends. Without SMTP a message stays here
 * (status outbox) for an administrator; with it, pending messages are sent and marked sent, or
 * failed with the reason (retried up to MAX_ATTEMPTS times). Each change of status is audited.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { Where, pageOf } from '../core/sql.ts';
import { recordChanges } from '../core/write.ts';
import type { Page } from '../shared/schema.ts';
import type { Mailer } from './mailer.ts';
import { presentOutboxMessage } from './presenters.ts';
import type { OutboxFilter, OutboxRow } from './rows.ts';
import type { OutboxMessage } from './schema.ts';

export const MAX_ATTEMPTS = 5;

/** The entity name of an outbox message in the audit trail. */
export const OUTBOX_ENTITY = 'outbox_message';

/** Records the outcome of one delivery with its audit row, in one transaction. */
async function markDelivery(
  db: Db,
  actor: Actor,
  before: OutboxRow,
  outcome: { status: 'sent' } | { status: 'failed'; error: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await tx.query<OutboxRow>(
      outcome.status === 'sent'
        ? `update mail_outbox set status = 'sent', attempts = attempts + 1, error = null, sent_at = now()
            where id = $1 returning *`
        : `update mail_outbox set status = 'failed', attempts = attempts + 1, error = $2
            where id = $1 returning *`,
      outcome.status === 'sent' ? [before.id] : [before.id, outcome.error],
    );
    const after = r.rows[0]!;
    await recordChanges(tx, actor, [
      {
        action: 'update',
        entityType: OUTBOX_ENTITY,
        entityId: before.id,
        before: { status: before.status, attempts: before.attempts, error: before.error },
        after: { status: after.status, attempts: after.attempts, error: after.error, sentAt: after.sent_at },
      },
    ]);
  });
}

/** Sends the pending messages (and the failed ones that may be retried), one at a time. */
export async function deliverPending(db: Db, mailer: Mailer, actor: Actor) {
  let sent = 0;
  let failed = 0;
  const pending = await db.query<OutboxRow>(
    `select * from mail_outbox
      where status = 'pending' or (status = 'failed' and attempts < $1) order by created_at`,
    [MAX_ATTEMPTS],
  );
  for (const m of pending.rows) {
    try {
      await mailer.send({ to: m.to_address, subject: m.subject, text: m.body });
    } catch (err) {
      await markDelivery(db, actor, m, {
        status: 'failed',
        error: String((err as Error).message ?? err).slice(0, 1000),
      });
      failed++;
      continue;
    }
    await markDelivery(db, actor, m, { status: 'sent' });
    sent++;
  }
  return { sent, failed };
}

export async function listOutbox(q: Queryable, f: OutboxFilter): Promise<Page<OutboxMessage>> {
  return pageOf(q, {
    select: '*',
    from: 'mail_outbox',
    where: new Where().addIf(f.status, 'status = ?', f.status),
    orderBy: 'created_at desc, id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row: OutboxRow) => presentOutboxMessage(row),
  });
}
