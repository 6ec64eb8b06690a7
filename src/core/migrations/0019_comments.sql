-- Comments on a recommendation, cluster or action (src/comments/), with the users each one
-- mentions. The subject is one of three tables, so subject_id has no foreign key: the service
-- checks that the subject exists before a comment is written. A deleted comment keeps its row
-- (deleted_at set, text emptied) so that the thread stays readable around it.
create table comments (
  id uuid primary key default gen_random_uuid(),
  subject_kind text not null check (subject_kind in ('recommendation', 'cluster', 'action')),
  subject_id uuid not null,
  body text not null check (length(body) <= 8000),
  author_id uuid references users(id),
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check (deleted_at is not null or length(trim(body)) > 0)
);
create index comments_subject_idx on comments (subject_kind, subject_id, created_at);

create table comment_mentions (
  comment_id uuid not null references comments(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  primary key (comment_id, user_id)
);
create index comment_mentions_user_idx on comment_mentions (user_id);

-- A mention notifies the user mentioned, in the app and by e-mail (kind and subject 'mention');
-- the subjects of the follow-up reminders (migration 0016) stay allowed.
alter table notifications drop constraint notifications_subject_type_check;
alter table notifications add constraint notifications_subject_type_check
  check (subject_type in ('cycle_deadline', 'task', 'progress_draft', 'progress_stale', 'action_due', 'mention'));
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
  check (kind in ('near', 'overdue', 'mention'));
