/** One presenter per entity: a database row (snake_case) → the API's shape. */
import type { NotificationRow, OutboxRow } from './rows.ts';
import type { Notification, OutboxMessage } from './schema.ts';

export const presentNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  subjectType: row.subject_type,
  subjectKey: row.subject_key,
  title: row.title,
  body: row.body,
  link: row.link,
  dueDate: row.due_date,
  readAt: row.read_at,
  createdAt: row.created_at,
});

export const presentOutboxMessage = (row: OutboxRow): OutboxMessage => ({
  id: row.id,
  toAddress: row.to_address,
  subject: row.subject,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  error: row.error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});
