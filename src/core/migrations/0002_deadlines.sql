-- Deadlines: derived due dates of reporting cycles, their overrides, and calendar feeds.

-- A deadline for the UPR mid-term report (met by 'upr_midterm_report').
alter table cycle_phases drop constraint cycle_phases_kind_check;
alter table cycle_phases add constraint cycle_phases_kind_check check (kind in (
  'report_due', 'report_submitted', 'list_of_issues', 'replies_due', 'replies_submitted',
  'dialogue', 'concluding_observations', 'follow_up_due', 'follow_up_submitted', 'next_report_due',
  'upr_review', 'upr_wg_report', 'upr_responses', 'upr_adoption', 'upr_midterm_due', 'upr_midterm_report',
  'evaluation_report', 'government_response'));

-- The paragraphs of the concluding observations singled out for the follow-up procedure, e.g. "11, 23, 37".
alter table cycle_phases add column follow_up_paragraphs text;

-- A coordinator's override of a due date that the rules derive (the derived date itself is never stored).
-- Removing the override restores the derived date.
create table deadline_overrides (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references cycles(id) on delete cascade,
  kind text not null check (kind in ('report_due', 'replies_due', 'follow_up_due', 'upr_midterm_due', 'next_report_due')),
  date date not null,
  reason text not null check (length(trim(reason)) > 0),
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (cycle_id, kind)
);

-- iCalendar feeds: the secret token is in the feed's URL; only its sha256 is stored.
create table calendar_feeds (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid references users(id) on delete cascade,
  organisation_id uuid references organisations(id) on delete cascade,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  check ((user_id is null) <> (organisation_id is null))
);
create unique index calendar_feeds_user_key on calendar_feeds (user_id) where user_id is not null;
create unique index calendar_feeds_org_key on calendar_feeds (organisation_id) where organisation_id is not null;
