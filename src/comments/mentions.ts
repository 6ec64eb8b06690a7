/**
 * Mentions in comments: the addresses a text mentions become users (each must be an active user),
 * are saved as the comment's mentions, and each user newly mentioned (not the author) gets a
 * notification in the app and an e-mail in the outbox, in the transaction of the comment. The
 * e-mail is sent after the commit when SMTP is configured (deliverMentionMails), else it stays in
 * the outbox for the administrator, as the reminders do.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { recordChanges, replaceChildren, type ChildSpec, type Change } from '../core/write.ts';
import { NOTIFICATION_ENTITY } from '../notifications/inbox.ts';
import { mailerFromEnv } from '../notifications/mailer.ts';
import { OUTBOX_ENTITY } from '../notifications/outbox.ts';
import { deliverInTurn } from '../notifications/service.ts';
import { commentErrors } from './errors.ts';
import type { CommentRow } from './rows.ts';
import { mentionedAddresses, type CommentKind } from './schema.ts';

interface MentionedUser {
  id: string;
  email: string;
  name: string;
}

const mentionsSpec: ChildSpec<{ userId: string }> = {
  table: 'comment_mentions',
  parentColumn: 'comment_id',
  parentEntity: 'comment',
  field: 'mentions',
  columns: ['userId'],
  orderBy: 'user_id',
};

/** Where the subject of a comment is shown in the browser app. */
export const subjectLink = (kind: CommentKind, id: string): string => `/${kind}s/${id}`;

/** The active users a text mentions; an address of no active user is refused (400, naming it). */
export async function resolveMentions(tx: Queryable, body: string): Promise<MentionedUser[]> {
  const addresses = mentionedAddresses(body);
  if (!addresses.length) return [];
  const r = await tx.query<MentionedUser>(
    `select id, email, name from users where active and lower(email) = any($1::text[])`,
    [addresses],
  );
  const found = new Set(r.rows.map((u) => u.email.toLowerCase()));
  const missing = addresses.filter((a) => !found.has(a));
  if (missing.length)
    throw commentErrors.mention_unknown({ mentions: missing.map((a) => `@${a}`).join(', ') });
  return r.rows;
}

/**
 * Saves the comment's mentions and notifies those not mentioned before (never the author).
 * `mailStatus` is 'pending' when a mailer will send it after the commit, else 'outbox'.
 */
export async function saveMentions(
  tx: Queryable,
  actor: Actor,
  comment: CommentRow,
  users: readonly MentionedUser[],
  mailStatus: 'pending' | 'outbox',
): Promise<number> {
  const before = await tx.query<{ user_id: string }>(
    'select user_id from comment_mentions where comment_id = $1',
    [comment.id],
  );
  const known = new Set(before.rows.map((r) => r.user_id));
  await replaceChildren(
    tx,
    actor,
    mentionsSpec,
    comment.id,
    users.map((u) => ({ userId: u.id })),
  );
  const fresh = users.filter((u) => !known.has(u.id) && u.id !== comment.author_id);
  if (!fresh.length) return 0;
  const link = subjectLink(comment.subject_kind, comment.subject_id);
  const author = await tx.query<{ name: string }>('select name from users where id = $1', [actor.id]);
  const who = author.rows[0]?.name ?? actor.label;
  // One line: the notification's body holds the Dutch text on its first line, the English on its second.
  const flat = comment.body.replace(/\s+/g, ' ').trim();
  const excerpt = flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
  const nl = `${who} noemde u in een reactie: “${excerpt}”`;
  const en = `${who} mentioned you in a comment: “${excerpt}”`;
  const notifications = await tx.query<{ id: string; user_id: string; title: string; body: string }>(
    `insert into notifications (user_id, kind, subject_type, subject_key, title, body, link)
     select x.id, 'mention', 'mention', $1, $2, $3, $4
       from unnest($5::uuid[]) as x(id)
     on conflict (user_id, subject_type, subject_key, kind) do nothing
     returning id, user_id, title, body`,
    [comment.id, `${who} noemde u in een reactie`, `${nl}\n${en}`, link, fresh.map((u) => u.id)],
  );
  const byId = new Map(fresh.map((u) => [u.id, u]));
  const mails = notifications.rows.map((n) => {
    const u = byId.get(n.user_id)!;
    return {
      dedupe_key: `mention:${comment.id}:${u.id}`,
      to_address: u.email,
      subject: `[Rightsdesk] ${n.title}`,
      body: `${u.name},\n\n${nl}\n\n${en}\n\nRightsdesk: ${link}\n`,
      status: mailStatus,
    };
  });
  const outbox = mails.length
    ? await tx.query<{ id: string }>(
        `insert into mail_outbox (dedupe_key, to_address, subject, body, status)
         select x.dedupe_key, x.to_address, x.subject, x.body, x.status
           from jsonb_to_recordset($1::jsonb) as x(dedupe_key text, to_address text, subject text, body text, status text)
         on conflict (dedupe_key) do nothing
         returning *`,
        [JSON.stringify(mails)],
      )
    : { rows: [] };
  const changes: Change[] = [
    ...notifications.rows.map((n) => ({
      action: 'create',
      entityType: NOTIFICATION_ENTITY,
      entityId: n.id,
      after: n,
    })),
    ...outbox.rows.map((m) => ({ action: 'create', entityType: OUTBOX_ENTITY, entityId: m.id, after: m })),
  ];
  if (changes.length) await recordChanges(tx, actor, changes);
  return notifications.rows.length;
}

/** Whether mention e-mails are sent now (SMTP configured) or stay in the outbox. */
export const mailStatusNow = (): 'pending' | 'outbox' => (process.env.SMTP_URL ? 'pending' : 'outbox');

/** Sends the pending e-mails after the commit, when SMTP is configured; failures stay for a retry. */
export function deliverMentionMails(db: Db, actor: Actor, log: (err: unknown) => void): void {
  const mailer = mailerFromEnv();
  if (!mailer) return;
  void deliverInTurn(db, mailer, actor)
    .catch(log)
    .finally(() => mailer.close());
}
