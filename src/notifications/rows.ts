/** The tables of notifications and the e-mail outbox as the database returns them (snake_case). */
import type { z } from 'zod';
import type { NotificationQuery, OutboxQuery } from './schema.ts';

export type NotificationFilter = z.infer<typeof NotificationQuery>;
export type OutboxFilter = z.infer<typeof OutboxQuery>;

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: 'near' | 'overdue' | 'mention';
  subject_type:
    | 'cycle_deadline'
    | 'task'
    | 'progress_draft'
    | 'progress_stale'
    | 'action_due'
    | 'mention'
    | 'commitment_due'
    | 'state_report_request';
  subject_key: string;
  title: string;
  body: string;
  link: string | null;
  due_date: string | null;
  read_at: string | null;
  created_at: string;
}

export interface OutboxRow {
  id: string;
  dedupe_key: string;
  to_address: string;
  subject: string;
  body: string;
  status: 'pending' | 'outbox' | 'sent' | 'failed';
  attempts: number;
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A user who may receive reminders, with what the rules look at. */
export interface RecipientRow {
  id: string;
  email: string;
  name: string;
  role: 'coordinator' | 'contributor';
  organisation_id: string;
  organisation_code: string;
}
