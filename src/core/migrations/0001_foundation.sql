-- Foundation: accounts, audit trail, organisations, instruments, monitoring bodies,
-- reporting cycles and phases, documents and taxonomies.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]*$'),
  name_nl text not null check (length(trim(name_nl)) > 0),
  name_en text not null check (length(trim(name_en)) > 0),
  kind text not null check (kind in ('ministry', 'kingdom_country', 'public_body', 'nhri',
    'advisory_council', 'cso', 'parliament', 'ombudsman', 'other')),
  parent_id uuid references organisations(id),
  valid_from date,
  valid_to date,
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null check (length(trim(name)) > 0),
  password_hash text not null,
  role text not null check (role in ('admin', 'coordinator', 'contributor', 'observer')),
  organisation_id uuid references organisations(id),
  active boolean not null default true,
  must_change_password boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (role <> 'coordinator' or organisation_id is not null)
);
create unique index users_email_key on users (lower(email));

create table sessions (
  id text primary key,              -- sha256 of the token held in the cookie
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table audit_events (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb
);
create index audit_events_at_idx on audit_events (at desc);
create index audit_events_entity_idx on audit_events (entity_type, entity_id);
create index audit_events_actor_idx on audit_events (actor_id);

-- The audit trail is append-only: no update, no delete, no truncate.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end $$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();

create table monitoring_bodies (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_en text not null,
  name_nl text not null,
  system text not null check (system in ('UN', 'CoE', 'national')),
  kind text not null check (kind in ('treaty_body', 'upr', 'coe_body', 'advisory_council', 'nhri', 'parliament', 'special_procedure')),
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table instruments (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  short_name text not null,
  name_en text not null,
  name_nl text not null,
  system text not null check (system in ('UN', 'CoE')),
  kind text not null check (kind in ('treaty', 'optional_protocol', 'mechanism')),
  parent_id uuid references instruments(id),
  monitoring_body_id uuid references monitoring_bodies(id),
  ratification_status text not null default 'party'
    check (ratification_status in ('party', 'signatory', 'not_party', 'not_applicable')),
  ratification_year integer check (ratification_year between 1945 and 2100),
  periodicity_years numeric check (periodicity_years > 0),
  procedure text check (procedure in ('standard', 'simplified')),
  lead_organisation_id uuid references organisations(id),
  coordinating_organisation_id uuid references organisations(id),
  lead_source text,
  lead_verified boolean not null default false,
  applies_to text[] not null default '{}',
  -- Facts of this record that nobody has confirmed yet (e.g. applies_to, periodicity_years).
  unverified_fields text[] not null default '{}',
  sort_order integer not null default 0,
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table cycles (
  id uuid primary key default gen_random_uuid(),
  instrument_id uuid not null references instruments(id),
  label text not null,
  sequence integer not null,
  procedure text check (procedure in ('standard', 'simplified')),
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (instrument_id, sequence)
);

create table cycle_phases (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references cycles(id) on delete cascade,
  kind text not null check (kind in (
    'report_due', 'report_submitted', 'list_of_issues', 'replies_due', 'replies_submitted',
    'dialogue', 'concluding_observations', 'follow_up_due', 'follow_up_submitted', 'next_report_due',
    'upr_review', 'upr_wg_report', 'upr_responses', 'upr_adoption', 'upr_midterm_report',
    'evaluation_report', 'government_response')),
  date date,
  date_precision text not null default 'day' check (date_precision in ('day', 'month', 'year')),
  symbol text,
  session text,
  note text,
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (cycle_id, kind)
);

create table documents (
  id uuid primary key default gen_random_uuid(),
  symbol text,
  title text not null check (length(trim(title)) > 0),
  kind text not null check (kind in ('state_report', 'list_of_issues', 'replies', 'concluding_observations',
    'follow_up_report', 'summary_record', 'upr_wg_report', 'upr_addendum', 'evaluation_report',
    'advisory_report', 'cabinet_response', 'letter_to_parliament', 'memo', 'other')),
  date date,
  language text not null default 'en' check (language ~ '^[a-z]{2}$'),
  instrument_id uuid references instruments(id),
  cycle_id uuid references cycles(id),
  url text,
  public boolean not null default true,
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index documents_symbol_key on documents (symbol) where symbol is not null;

create table taxonomy_terms (
  id uuid primary key default gen_random_uuid(),
  scheme text not null check (scheme in ('sdg_goal', 'sdg_target', 'uhri_theme', 'uhri_group', 'nl_priority')),
  code text not null,
  label_en text not null,
  label_nl text,
  parent_id uuid references taxonomy_terms(id),
  sort_order integer not null default 0,
  source text,
  verified boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme, code)
);

create table taxonomy_aliases (
  id uuid primary key default gen_random_uuid(),
  term_id uuid not null references taxonomy_terms(id) on delete cascade,
  scheme text not null,
  alias text not null,
  normalized text not null,
  created_at timestamptz not null default now(),
  unique (scheme, normalized)
);
create index taxonomy_aliases_term_idx on taxonomy_aliases (term_id);

create table app_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
