-- Follow-up of recommendations (src/followup/): the government's position, who is responsible, and
-- dated progress updates.
--
-- The lead organisation stays recommendations.lead_organisation_id (a search facet since 0005) and
-- the Kingdom countries and public bodies a recommendation concerns recommendations.kingdom_countries
-- (organisation codes); the organisations responsible beside the lead are rows of
-- recommendation_co_responsible. Imports never write any of these.

alter table recommendations add constraint recommendations_kingdom_countries_check
  check (kingdom_countries <@ array['NL', 'AW', 'CW', 'SX', 'BES-BO', 'BES-SE', 'BES-SA']::text[]);
create index recommendations_lead_idx on recommendations (lead_organisation_id)
  where lead_organisation_id is not null;

create table recommendation_co_responsible (
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  primary key (recommendation_id, organisation_id)
);
create index recommendation_co_responsible_org_idx on recommendation_co_responsible (organisation_id);

-- The government's position as recorded in Rightsdesk, one row per recommendation (its id is the
-- recommendation's). The position a source reports stays recommendations.position and
-- recommendation_sources.reported_position: an import never writes this table.
-- UPR: supported / supported_in_part / noted; advisory reports: agrees / partly_agrees / disagrees /
-- under_consideration; treaty bodies and others: a free appreciation (position null).
create table recommendation_positions (
  id uuid primary key references recommendations(id) on delete cascade,
  position text check (position in ('supported', 'supported_in_part', 'noted',
    'agrees', 'partly_agrees', 'disagrees', 'under_consideration')),
  appreciation text,
  explanation text,
  recorded_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (position is not null or appreciation is not null)
);

-- Every position recorded, the earlier ones kept: who, when, what.
create table recommendation_position_history (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  position text,
  appreciation text,
  explanation text,
  recorded_by uuid references users(id),
  recorded_at timestamptz not null default now()
);
create index recommendation_position_history_idx on recommendation_position_history (recommendation_id, recorded_at);

-- Dated progress on a recommendation. A draft until a coordinator of a responsible organisation
-- (not its author) approves it; approved updates are what dashboards and reports count.
create table progress_updates (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  status text not null check (status in ('not_started', 'in_progress', 'partially_implemented',
    'implemented', 'not_implemented', 'no_longer_relevant')),
  text text not null check (length(trim(text)) > 0),
  period_start date,
  period_end date,
  evidence_links text[] not null default '{}',
  state text not null default 'draft' check (state in ('draft', 'approved')),
  organisation_id uuid references organisations(id),
  created_by uuid not null references users(id),
  approved_by uuid references users(id),
  approved_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end is null or period_start is null or period_end >= period_start),
  check ((state = 'approved') = (approved_by is not null and approved_at is not null)),
  check (approved_by is null or approved_by <> created_by)
);
create index progress_updates_recommendation_idx on progress_updates (recommendation_id, state, period_end);
create index progress_updates_draft_idx on progress_updates (created_at) where state = 'draft';

-- Reminders of the follow-up (src/followup/reminders.ts): drafts waiting for approval,
-- recommendations without approved progress for six months, and actions due or overdue (the
-- actions table comes with migration 0017), one notice per organisation.
alter table notifications drop constraint notifications_subject_type_check;
alter table notifications add constraint notifications_subject_type_check
  check (subject_type in ('cycle_deadline', 'task', 'progress_draft', 'progress_stale', 'action_due'));
