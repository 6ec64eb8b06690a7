-- The Kingdom's membership of the UN Human Rights Council (src/hrc/): terms with their election,
-- the priorities of a term, its pledges (each a commitment of kind 'pledge' in the register of
-- commitments), the resolutions it led or co-sponsored with their core groups, and yearly results.
create table hrc_terms (
  id uuid primary key default gen_random_uuid(),
  start_year integer not null check (start_year between 2006 and 2100),
  end_year integer not null check (end_year between 2006 and 2100),
  status text not null default 'candidate' check (status in ('candidate', 'member', 'past')),
  election_date date,
  votes_received integer check (votes_received >= 0),
  seats integer check (seats > 0),
  region_group text,
  notes text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_year >= start_year),
  unique (start_year, end_year)
);

create table hrc_priorities (
  id uuid primary key default gen_random_uuid(),
  term_id uuid not null references hrc_terms(id) on delete cascade,
  title text not null check (length(trim(title)) > 0),
  description text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hrc_priorities_term_idx on hrc_priorities (term_id, position);

create table hrc_pledges (
  id uuid primary key default gen_random_uuid(),
  term_id uuid not null references hrc_terms(id) on delete cascade,
  commitment_id uuid not null unique references commitments(id) on delete cascade,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hrc_pledges_term_idx on hrc_pledges (term_id);

create table hrc_resolutions (
  id uuid primary key default gen_random_uuid(),
  term_id uuid not null references hrc_terms(id) on delete cascade,
  title text not null check (length(trim(title)) > 0),
  symbol text not null check (symbol ~ '^A/HRC/RES/[0-9]{1,3}/[0-9]{1,4}$'),
  session integer check (session > 0),
  role text not null check (role in ('lead', 'co_sponsor')),
  core_group text[] not null default '{}',
  adopted_on date,
  vote text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (term_id, symbol)
);
create index hrc_resolutions_term_idx on hrc_resolutions (term_id);

create table hrc_results (
  id uuid primary key default gen_random_uuid(),
  term_id uuid not null references hrc_terms(id) on delete cascade,
  year integer not null check (year between 2006 and 2100),
  text text not null check (length(trim(text)) > 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (term_id, year)
);
