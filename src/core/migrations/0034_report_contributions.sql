-- Contributions to the annual human rights report (src/report/contributions*.ts): a request with a
-- deadline goes to embassies, directorates and partner organisations; each answers through a form
-- reached by the request's link (no account needed) or signed in; every contribution is tagged to
-- result areas (1–4) and priorities. The editor selects contributions as the examples of a result
-- area and edits their text; the report (src/letters/generators) prints the examples.

create table report_contribution_requests (
  id uuid primary key default gen_random_uuid(),
  -- The year the report is about ("Rapportage Mensenrechten … 2025").
  year integer not null check (year between 1945 and 2100),
  title text not null check (length(trim(title)) > 0),
  instructions text not null default '',
  -- Who is asked, as the editor names them ("Posten in Afrika", "DMM", "Partnerorganisaties").
  addressees text[] not null default '{}',
  -- After this moment the form refuses a contribution.
  deadline timestamptz not null,
  -- The SHA-256 of the secret in the request's link; the link itself is shown once, when made.
  link_hash text not null unique check (link_hash ~ '^[0-9a-f]{64}$'),
  closed boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index report_contribution_requests_year_idx on report_contribution_requests (year);

create table report_contributions (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references report_contribution_requests(id),
  -- The embassy, directorate or organisation that contributes.
  organisation text not null check (length(trim(organisation)) > 0),
  contact_name text not null check (length(trim(contact_name)) > 0),
  contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+$'),
  title text not null check (length(trim(title)) > 0),
  body text not null check (length(trim(body)) > 0),
  -- The result areas (codes 1–4 of the framework) and priorities (src/report/priorities.ts) it concerns.
  areas integer[] not null check (cardinality(areas) > 0 and areas <@ array[1, 2, 3, 4]),
  priorities text[] not null default '{}' check (
    priorities <@ array['expression', 'women_girls', 'lgbtiq', 'religion_belief', 'defenders_civic_space']
  ),
  -- The user who sent it when signed in; null when sent through the request's link.
  submitted_by uuid references users(id),
  -- A keyed hash of the address that sent it through the link (the hourly limit); never the address.
  client_hash text,
  submitted_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index report_contributions_request_idx on report_contributions (request_id);
create index report_contributions_client_idx on report_contributions (client_hash, submitted_at);

-- An example the report prints under a result area (and, in area 1, a priority): selected from a
-- contribution, whose text the editor then edits, or written by the editor.
create table report_examples (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 1945 and 2100),
  area_code integer not null check (area_code between 1 and 4),
  priority text check (
    priority in ('expression', 'women_girls', 'lgbtiq', 'religion_belief', 'defenders_civic_space')
  ),
  contribution_id uuid references report_contributions(id),
  title text not null check (length(trim(title)) > 0),
  body text not null check (length(trim(body)) > 0),
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Only the priorities' area has priorities.
  check (priority is null or area_code = 1),
  -- A contribution is an example of an area once.
  unique (contribution_id, area_code)
);
create index report_examples_year_idx on report_examples (year, area_code, position);
