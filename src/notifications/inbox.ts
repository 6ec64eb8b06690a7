/** A user's own notifications: listed, counted and marked read (each change audited). */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { Where, pageOf } from '../core/sql.ts';
import { recordChanges } from '../core/write.ts';
import type { Page } from '../shared/schema.ts';
import { presentNotification } from './presenters.ts';
import type { NotificationFilter, NotificationRow } from './rows.ts';
import type { Notification } from './schema.ts';

export const NOTIFICATION_ENTITY = 'notification';

export async function listNotifications(
  q: Queryable,
  actor: Actor,
  f: NotificationFilter,
): Promise<Page<Notification>> {
  const where = new Where().add('user_id = ?', actor.id);
  if (f.unread === 'true') where.add('read_at is null');
  if (f.unread === 'false') where.add('read_at is not null');
  return pageOf(q, {
    select: '*',
    from: 'notifications',
    where,
    orderBy: 'created_at desc, due_date, id',
    page: f.page,
    pageSize: f.pageSize,
    map: (row: NotificationRow) => presentNotification(row),
  });
}

export async function unreadCount(q: Queryable, actor: Actor) {
  const r = await q.query<{ n: number }>(
    'select count(*)::int as n from notifications where user_id = $1 and read_at is null',
    [actor.id],
  );
  return { unread: r.rows[0]?.n ?? 0 };
}

const readChange = (row: Pick<NotificationRow, 'id' | 'read_at'>) => ({
  action: 'update',
  entityType: NOTIFICATION_ENTITY,
  entityId: row.id,
  before: { readAt: null },
  after: { readAt: row.read_at },
});

/** Marks one of the user's own notifications read (someone else's is "not found"). */
export async function markRead(db: Db, actor: Actor, id: string): Promise<Notification> {
  return db.transaction(async (tx) => {
    const r = await tx.query<NotificationRow>(
      'select * from notifications where id = $1 and user_id = $2 for update',
      [id, actor.id],
    );
    const row = r.rows[0];
    if (!row) throw notFound('notification', id);
    if (row.read_at !== null) return presentNotification(row);
    const after = (
      await tx.query<NotificationRow>('update notifications set read_at = now() where id = $1 returning *', [
        id,
      ])
    ).rows[0]!;
    await recordChanges(tx, actor, [readChange(after)]);
    return presentNotification(after);
  });
}

/** Marks all the user's unread notifications read; one audit row each, in one statement. */
export async function markAllRead(db: Db, actor: Actor) {
  return db.transaction(async (tx) => {
    const r = await tx.query<Pick<NotificationRow, 'id' | 'read_at'>>(
      'update notifications set read_at = now() where user_id = $1 and read_at is null returning id, read_at',
      [actor.id],
    );
    await recordChanges(tx, actor, r.rows.map(readChange));
    return { marked: r.rows.length };
  });
}
