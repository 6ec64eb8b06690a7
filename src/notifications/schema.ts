import { z } from 'zod';
import { PageQuery, Uuid } from '../shared/schema.ts';

export const NotificationKind = z.enum(['near', 'overdue', 'mention']);
export const SubjectType = z.enum([
  'cycle_deadline',
  'task',
  'progress_draft',
  'progress_stale',
  'action_due',
  'mention',
  'commitment_due',
  'state_report_request',
]);

export const Notification = z.object({
  id: Uuid,
  kind: NotificationKind,
  subjectType: SubjectType,
  subjectKey: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  dueDate: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const UnreadCount = z.object({ unread: z.number().int() });

export const OutboxMessage = z.object({
  id: Uuid,
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'outbox', 'sent', 'failed']),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxQuery = PageQuery.extend({ status: OutboxMessage.shape.status.optional() });

export const ScanResult = z.object({
  /** The day the scan counted from (YYYY-MM-DD). */
  today: z.string(),
  notifications: z.number().int(),
  emailsSent: z.number().int(),
  emailsToOutbox: z.number().int(),
  emailsFailed: z.number().int(),
});
export type ScanResult = z.infer<typeof ScanResult>;
