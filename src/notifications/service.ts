/**
 * The reminder scan and its scheduler. The scan finds deadlines and tasks that are near (within
 * NEAR_DAYS) or overdue and notifies each recipient once per subject and kind: in the app and by
 * e-mail (through SMTP when a mailer is given, else into the outbox). Running it again sends
 * nothing new.
 */
import { systemActor, type Actor } from '../core/actor.ts';
import { today as todayUtc } from '../core/dates.ts';
import type { Db, Queryable } from '../core/db.ts';
import { recordChanges, type Change } from '../core/write.ts';
import { NOTIFICATION_ENTITY } from './inbox.ts';
import type { Mailer } from './mailer.ts';
import { OUTBOX_ENTITY, deliverPending } from './outbox.ts';
import { collectReminders, type Recipient, type Reminder } from './reminders.ts';
import type { NotificationRow, OutboxRow } from './rows.ts';
import type { ScanResult } from './schema.ts';

export { NEAR_DAYS } from './reminders.ts';

/** Inserts the notifications of the reminders at once; those already sent are skipped. */
async function insertNotifications(
  tx: Queryable,
  reminders: readonly Reminder[],
): Promise<NotificationRow[]> {
  const rows = reminders.flatMap((r) =>
    r.recipients.map((u) => ({
      user_id: u.id,
      kind: r.kind,
      subject_type: r.subjectType,
      subject_key: r.subjectKey,
      title: r.title,
      body: r.body,
      link: r.link,
      due_date: r.dueDate,
    })),
  );
  if (!rows.length) return [];
  const r = await tx.query<NotificationRow>(
    `insert into notifications (user_id, kind, subject_type, subject_key, title, body, link, due_date)
     select x.user_id, x.kind, x.subject_type, x.subject_key, x.title, x.body, x.link, x.due_date
       from jsonb_to_recordset($1::jsonb) as x(user_id uuid, kind text, subject_type text, subject_key text,
            title text, body text, link text, due_date date)
     on conflict (user_id, subject_type, subject_key, kind) do nothing
     returning *`,
    [JSON.stringify(rows)],
  );
  return r.rows;
}

/** Puts one e-mail per new notification in the outbox, at once. */
async function insertMails(
  tx: Queryable,
  created: readonly NotificationRow[],
  recipients: ReadonlyMap<string, Recipient>,
  status: 'pending' | 'outbox',
): Promise<OutboxRow[]> {
  const rows = created.map((n) => {
    const u = recipients.get(n.user_id)!;
    const prefix = n.kind === 'near' ? 'Herinnering' : 'Verlopen';
    return {
      dedupe_key: `${n.subject_type}:${n.subject_key}:${n.kind}:${u.id}`,
      to_address: u.email,
      subject: `[Rightsdesk] ${prefix}: ${n.title}`,
      body: `${u.name},\n\n${n.body}\n\n${n.link ? `Rightsdesk: ${n.link}\n` : ''}`,
      status,
    };
  });
  if (!rows.length) return [];
  const r = await tx.query<OutboxRow>(
    `insert into mail_outbox (dedupe_key, to_address, subject, body, status)
     select x.dedupe_key, x.to_address, x.subject, x.body, x.status
       from jsonb_to_recordset($1::jsonb) as x(dedupe_key text, to_address text, subject text, body text, status text)
     on conflict (dedupe_key) do nothing
     returning *`,
    [JSON.stringify(rows)],
  );
  return r.rows;
}

// One delivery at a time per process: two scans never send the same pending message twice.
let delivering: Promise<unknown> = Promise.resolve();

/** Sends the pending e-mails after those being sent now (receipts queue theirs and call this). */
export function deliverInTurn(
  db: Db,
  mailer: Mailer,
  actor: Actor,
): Promise<{ sent: number; failed: number }> {
  const run = delivering.then(() => deliverPending(db, mailer, actor));
  delivering = run.catch(() => undefined);
  return run;
}

/**
 * Runs the scan for `today` (default: today). The notifications and e-mails are created in one
 * transaction with one audit row each and one for the scan, written in one statement; after the
 * commit, pending e-mails are sent when a mailer is given.
 */
export async function runReminderScan(
  db: Db,
  opts: { mailer: Mailer | null; today?: string; actor?: Actor },
): Promise<ScanResult> {
  const today = opts.today ?? todayUtc();
  const actor = opts.actor ?? systemActor('reminders');
  const reminders = await collectReminders(db, today);
  const recipients = new Map(
    reminders.flatMap((r) => r.recipients.map((u): [string, Recipient] => [u.id, u])),
  );
  const created = await db.transaction(async (tx) => {
    const notifications = await insertNotifications(tx, reminders);
    const mails = await insertMails(tx, notifications, recipients, opts.mailer ? 'pending' : 'outbox');
    if (notifications.length > 0) {
      const changes: Change[] = [
        ...notifications.map((n) => ({
          action: 'create',
          entityType: NOTIFICATION_ENTITY,
          entityId: n.id,
          after: n,
        })),
        ...mails.map((m) => ({ action: 'create', entityType: OUTBOX_ENTITY, entityId: m.id, after: m })),
        {
          action: 'reminder_scan',
          entityType: NOTIFICATION_ENTITY,
          after: { today, notifications: notifications.length, emails: mails.length },
        },
      ];
      await recordChanges(tx, actor, changes);
    }
    return { notifications: notifications.length, mails: mails.length };
  });
  let sent = 0;
  let failed = 0;
  if (opts.mailer) {
    ({ sent, failed } = await deliverInTurn(db, opts.mailer, actor));
  }
  return {
    today,
    notifications: created.notifications,
    emailsSent: sent,
    emailsToOutbox: opts.mailer ? 0 : created.mails,
    emailsFailed: failed,
  };
}

/**
 * Runs the scan every `minutes` (0 switches it off). Returns a function that stops it and waits
 * for a scan in progress.
 */
export function startReminderScheduler(
  db: Db,
  opts: { minutes: number; mailer: Mailer | null; log?: (msg: string) => void; firstDelayMs?: number },
): () => Promise<void> {
  if (!(opts.minutes > 0)) return async () => undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runReminderScan(db, { mailer: opts.mailer })
      .then((r) => {
        if (r.notifications) opts.log?.(`Reminders: ${JSON.stringify(r)}`);
      })
      .catch((err: unknown) => opts.log?.(`Reminder scan failed: ${String(err)}`));
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? 30_000);
  const every = setInterval(tick, opts.minutes * 60_000);
  first.unref();
  every.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
    await running;
    opts.mailer?.close();
  };
}
