import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, systemActor, type Actor } from '../core/audit.ts';
import { notFound } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { loadCycles } from '../cycles/service.ts';
import { endOfPeriod } from '../cycles/status.ts';
import type { Page } from '../shared/schema.ts';
import type { Mailer } from './mailer.ts';
import type { Notification, OutboxMessage, ScanResult } from './schema.ts';

/** Days before a deadline or task due date that the "near" reminder is sent. */
export const NEAR_DAYS = 14;

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** A due date written at its precision: 2019-12-01 of precision month is "2019-12". */
const KEY_LENGTH = { day: 10, month: 7, year: 4 } as const;
const todayIso = () => new Date().toISOString().slice(0, 10);

interface Recipient {
  id: string;
  email: string;
  name: string;
}

interface Reminder {
  kind: 'near' | 'overdue';
  subjectType: 'cycle_deadline' | 'task';
  subjectKey: string;
  title: string;
  body: string;
  link: string | null;
  dueDate: string;
  recipients: Recipient[];
}

const STEP_NL: Record<string, string> = {
  report_due: 'rapportage',
  replies_due: 'antwoorden op de list of issues',
  follow_up_due: 'follow-uprapportage',
  next_report_due: 'volgende rapportage',
};

function reminderText(kind: 'near' | 'overdue', what: { nl: string; en: string }, due: string) {
  return kind === 'near'
    ? {
        nl: `Herinnering: ${what.nl} moet uiterlijk ${due} klaar zijn.`,
        en: `Reminder: ${what.en} is due by ${due}.`,
      }
    : {
        nl: `Verlopen: ${what.nl} had uiterlijk ${due} klaar moeten zijn.`,
        en: `Overdue: ${what.en} was due by ${due}.`,
      };
}

/** What is near or overdue today, with who must hear of it. */
async function collectReminders(q: Queryable, today: string): Promise<Reminder[]> {
  const horizon = addDays(today, NEAR_DAYS);
  const users = await q.query<Recipient & { organisation_id: string; role: string }>(
    `select id, email, name, organisation_id, role from users
      where active and organisation_id is not null and role in ('coordinator', 'contributor')
      order by email`,
  );
  const ofOrg = (orgId: unknown, roles: string[]) =>
    users.rows
      .filter((u) => u.organisation_id === orgId && roles.includes(u.role))
      .map(({ id, email, name }) => ({ id, email, name }));
  const bzk = await q.query<{ id: string }>("select id from organisations where code = 'BZK'");
  const bzkId = bzk.rows[0]?.id ?? null;
  const instruments = await q.query<Record<string, unknown>>(
    'select id, short_name, lead_organisation_id, coordinating_organisation_id from instruments',
  );
  const instrumentById = new Map(instruments.rows.map((i) => [String(i.id), i]));
  const out: Reminder[] = [];

  for (const cycle of await loadCycles(q)) {
    const s = cycle.status;
    if (!s.nextStep || !s.nextDueDate) continue;
    const inst = instrumentById.get(cycle.instrumentId);
    if (!inst) continue;
    const due = endOfPeriod(s.nextDueDate, s.nextDuePrecision ?? 'day');
    const kind = s.overdue ? 'overdue' : due >= today && due <= horizon ? 'near' : null;
    if (!kind) continue;
    const lead = ofOrg(inst.lead_organisation_id, ['coordinator']);
    const coordinating =
      kind === 'overdue' || lead.length === 0
        ? ofOrg(inst.coordinating_organisation_id ?? bzkId, ['coordinator']).concat(
            inst.coordinating_organisation_id && inst.coordinating_organisation_id !== bzkId
              ? ofOrg(bzkId, ['coordinator'])
              : [],
          )
        : [];
    const recipients = [...new Map([...lead, ...coordinating].map((r) => [r.id, r])).values()];
    if (!recipients.length) continue;
    const name = `${String(inst.short_name)} – ${cycle.label}`;
    const step = s.nextStep.replace(/_/g, ' ');
    const text = reminderText(
      kind,
      { nl: `${name}: ${STEP_NL[s.nextStep] ?? step}`, en: `${name}: ${step}` },
      s.nextDueDate.slice(0, KEY_LENGTH[s.nextDuePrecision ?? 'day']),
    );
    out.push({
      kind,
      subjectType: 'cycle_deadline',
      subjectKey: `${cycle.id}:${s.nextStep}:${s.nextDueDate}`,
      title: `${name} (${step})`,
      body: `${text.nl}\n${text.en}`,
      link: `/instruments/${cycle.instrumentId}`,
      dueDate: due,
      recipients,
    });
  }

  const tasks = await q.query<Record<string, unknown>>(
    `select t.id, t.title, t.due_date, t.owner_organisation_id, cy.instrument_id
       from tasks t left join cycles cy on cy.id = t.cycle_id
      where t.status in ('open', 'in_progress') and t.due_date is not null and t.due_date <= $1
      order by t.due_date, t.id`,
    [horizon],
  );
  for (const t of tasks.rows) {
    const due = String(t.due_date);
    const kind = due < today ? 'overdue' : 'near';
    const recipients = ofOrg(t.owner_organisation_id, ['coordinator', 'contributor']);
    if (!recipients.length) continue;
    const text = reminderText(
      kind,
      { nl: `de taak "${String(t.title)}"`, en: `the task "${String(t.title)}"` },
      due,
    );
    out.push({
      kind,
      subjectType: 'task',
      subjectKey: `${String(t.id)}:${due}`,
      title: String(t.title),
      body: `${text.nl}\n${text.en}`,
      link: t.instrument_id ? `/instruments/${String(t.instrument_id)}` : null,
      dueDate: due,
      recipients,
    });
  }
  return out;
}

// One delivery at a time per process: two scans never send the same pending message twice.
let delivering: Promise<unknown> = Promise.resolve();

async function deliverPending(db: Db, mailer: Mailer) {
  let sent = 0;
  let failed = 0;
  const pending = await db.query<{ id: string; to_address: string; subject: string; body: string }>(
    `select id, to_address, subject, body from mail_outbox
      where status = 'pending' or (status = 'failed' and attempts < 5) order by created_at`,
  );
  for (const m of pending.rows) {
    try {
      await mailer.send({ to: m.to_address, subject: m.subject, text: m.body });
      await db.query(
        "update mail_outbox set status = 'sent', attempts = attempts + 1, error = null, sent_at = now() where id = $1",
        [m.id],
      );
      sent++;
    } catch (err) {
      await db.query(
        "update mail_outbox set status = 'failed', attempts = attempts + 1, error = $2 where id = $1",
        [m.id, String((err as Error).message ?? err).slice(0, 1000)],
      );
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * Finds deadlines and tasks that are near (within NEAR_DAYS) or overdue, and notifies each
 * recipient once per subject and kind: in the app and by e-mail (through SMTP when a mailer is
 * given, else into the outbox). Running it again sends nothing new.
 */
export async function runReminderScan(
  db: Db,
  opts: { mailer: Mailer | null; today?: string; actor?: Actor },
): Promise<ScanResult> {
  const today = opts.today ?? todayIso();
  const reminders = await collectReminders(db, today);
  const created = await db.transaction(async (tx) => {
    let notifications = 0;
    let mails = 0;
    for (const r of reminders) {
      for (const u of r.recipients) {
        const n = await tx.query<{ id: string }>(
          `insert into notifications (user_id, kind, subject_type, subject_key, title, body, link, due_date)
           values ($1, $2, $3, $4, $5, $6, $7, $8)
           on conflict (user_id, subject_type, subject_key, kind) do nothing returning id`,
          [u.id, r.kind, r.subjectType, r.subjectKey, r.title, r.body, r.link, r.dueDate],
        );
        if (!n.rows[0]) continue;
        notifications++;
        const prefix = r.kind === 'near' ? 'Herinnering / Reminder' : 'Verlopen / Overdue';
        const m = await tx.query(
          `insert into mail_outbox (dedupe_key, to_address, subject, body, status)
           values ($1, $2, $3, $4, $5) on conflict (dedupe_key) do nothing`,
          [
            `${r.subjectType}:${r.subjectKey}:${r.kind}:${u.id}`,
            u.email,
            `[Rightsdesk] ${prefix}: ${r.title}`,
            `${u.name},\n\n${r.body}\n\n${r.link ? `Rightsdesk: ${r.link}\n` : ''}`,
            opts.mailer ? 'pending' : 'outbox',
          ],
        );
        mails += m.rowCount;
      }
    }
    if (notifications > 0)
      await recordAudit(tx, opts.actor ?? systemActor('reminders'), {
        action: 'reminder_scan',
        entityType: 'notification',
        after: { today, notifications, emails: mails },
      });
    return { notifications, mails };
  });
  let sent = 0;
  let failed = 0;
  if (opts.mailer) {
    const mailer = opts.mailer;
    const run = delivering.then(() => deliverPending(db, mailer));
    delivering = run.catch(() => undefined);
    ({ sent, failed } = await run);
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

// ---- reading and marking ----

const toNotification = (row: Record<string, unknown>): Notification => {
  const { userId: _u, ...n } = camelize<Notification & { userId: string }>(row);
  void _u;
  return n;
};

export async function listNotifications(
  q: Queryable,
  userId: string,
  f: { page: number; pageSize: number; unread?: 'true' | 'false' | undefined },
): Promise<Page<Notification>> {
  const where = new Where().add('user_id = ?', userId);
  if (f.unread === 'true') where.add('read_at is null');
  if (f.unread === 'false') where.add('read_at is not null');
  return pageOf(q, {
    select: '*',
    from: 'notifications',
    where,
    orderBy: 'created_at desc, due_date, id',
    page: f.page,
    pageSize: f.pageSize,
    map: toNotification,
  });
}

export async function unreadCount(q: Queryable, userId: string) {
  const r = await q.query<{ n: number }>(
    'select count(*)::int as n from notifications where user_id = $1 and read_at is null',
    [userId],
  );
  return { unread: r.rows[0]?.n ?? 0 };
}

/** Marks one of the user's own notifications read (someone else's is "not found"). */
export async function markRead(q: Queryable, userId: string, id: string): Promise<Notification> {
  const r = await q.query<Record<string, unknown>>(
    `update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning *`,
    [id, userId],
  );
  if (!r.rows[0]) throw notFound('notification', id);
  return toNotification(r.rows[0]);
}

export async function markAllRead(q: Queryable, userId: string) {
  const r = await q.query('update notifications set read_at = now() where user_id = $1 and read_at is null', [
    userId,
  ]);
  return { marked: r.rowCount };
}

export async function listOutbox(
  q: Queryable,
  f: { page: number; pageSize: number; status?: string | undefined },
): Promise<Page<OutboxMessage>> {
  return pageOf(q, {
    select: 'id, to_address, subject, body, status, attempts, error, created_at, sent_at',
    from: 'mail_outbox',
    where: new Where().addIf(f.status, 'status = ?', f.status),
    orderBy: 'created_at desc, id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row) => camelize<OutboxMessage>(row),
  });
}
