-- The reporting process (process templates = the "handreiking", tasks per cycle) and the
-- interdepartmental network of treaty coordinators (meetings, agenda, participants, decisions).

create table process_templates (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
  name_nl text not null check (length(trim(name_nl)) > 0),
  name_en text not null check (length(trim(name_en)) > 0),
  description text,
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table process_template_steps (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references process_templates(id) on delete cascade,
  position integer not null,
  title_nl text not null check (length(trim(title_nl)) > 0),
  title_en text not null check (length(trim(title_en)) > 0),
  description_nl text,
  description_en text,
  -- Who does it: a named organisation, or a role resolved for the cycle's instrument.
  owner_kind text not null check (owner_kind in ('organisation', 'lead_ministry', 'coordinating_ministry')),
  owner_organisation_id uuid references organisations(id),
  -- What kind of step: 'consultation' steps count for the network's "consultations to plan".
  category text not null default 'other' check (category in ('planning', 'contributions', 'kingdom',
    'consultation', 'nhri', 'drafting', 'approval', 'council', 'submission', 'parliament', 'other')),
  anchor_phase text not null,
  offset_amount integer not null default 0 check (offset_amount between -120 * 31 and 120 * 31),
  offset_unit text not null default 'months' check (offset_unit in ('days', 'months')),
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((owner_kind = 'organisation') = (owner_organisation_id is not null))
);
create index process_template_steps_template_idx on process_template_steps (template_id, position);

create table meetings (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(trim(title)) > 0),
  date date not null,
  location text,
  minutes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index meetings_date_idx on meetings (date desc);

create table meeting_participants (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings(id) on delete cascade,
  organisation_id uuid references organisations(id),
  person_name text,
  position integer not null default 0,
  check (organisation_id is not null or length(trim(coalesce(person_name, ''))) > 0)
);
create index meeting_participants_meeting_idx on meeting_participants (meeting_id);

create table meeting_agenda_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings(id) on delete cascade,
  position integer not null,
  title text not null check (length(trim(title)) > 0),
  notes text,
  -- Where a proposed item came from: 'manual', 'report_due', 'overdue_task', 'consultation', 'standard'.
  origin text not null default 'manual',
  cycle_id uuid references cycles(id) on delete set null,
  created_at timestamptz not null default now()
);
create index meeting_agenda_items_meeting_idx on meeting_agenda_items (meeting_id, position);

-- Tasks: from a process template for a cycle, or decisions of a network meeting.
-- (Name and columns are relied upon by the reminders.)
create table tasks (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text,
  owner_organisation_id uuid not null references organisations(id),
  cycle_id uuid references cycles(id),
  meeting_id uuid references meetings(id),
  template_step_id uuid,
  due_date date,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done', 'cancelled')),
  done_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tasks_cycle_idx on tasks (cycle_id);
create index tasks_meeting_idx on tasks (meeting_id);
create index tasks_owner_idx on tasks (owner_organisation_id, status);
create index tasks_due_idx on tasks (due_date) where status in ('open', 'in_progress');
