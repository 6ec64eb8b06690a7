-- The financial annex of the annual human rights report (src/report): expenditures per priority and
-- year on a cash basis, imported from IATI activity files and from spreadsheets, or entered by hand.

-- One import of a file: what was read and what it changed.
create table expenditure_imports (
  id uuid primary key default gen_random_uuid(),
  source text not null check (source in ('iati', 'spreadsheet')),
  file_name text not null check (length(trim(file_name)) > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  imported_by uuid references users(id),
  imported_at timestamptz not null default now(),
  rows_read integer not null default 0 check (rows_read >= 0),
  created integer not null default 0 check (created >= 0),
  updated integer not null default 0 check (updated >= 0),
  deleted integer not null default 0 check (deleted >= 0),
  unchanged integer not null default 0 check (unchanged >= 0),
  skipped integer not null default 0 check (skipped >= 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One payment. amount is the value as given, in currency; amount_eur the value in euros (the same
-- for EUR, otherwise as the source gave it, or null when it gave none: then not in the totals).
-- year is the calendar year the payment counts in (cash basis: the year it was paid). external_key
-- identifies the payment in its source, so that a re-import updates it instead of adding it again.
create table expenditures (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 1945 and 2100),
  priority text not null check (
    priority in ('expression', 'women_girls', 'lgbtiq', 'religion_belief', 'defenders_civic_space', 'other')
  ),
  amount numeric(18, 2) not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount_eur numeric(18, 2),
  activity_identifier text,
  description text,
  source text not null check (source in ('iati', 'spreadsheet', 'manual')),
  paid_on date not null,
  -- The year a December payment was an advance for (src/report/cash-basis.ts): it still counts in year.
  advance_for integer check (advance_for is null or advance_for = year + 1),
  note text,
  external_key text not null unique,
  import_id uuid references expenditure_imports(id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (extract(year from paid_on)::integer = year)
);
create index expenditures_year_priority_idx on expenditures (year, priority);
create index expenditures_activity_idx on expenditures (activity_identifier);

-- Which priority an IATI activity counts for, set by a coordinator. An activity in a human rights
-- sector without a row here counts as 'other'.
create table report_activity_priorities (
  id uuid primary key default gen_random_uuid(),
  activity_identifier text not null unique check (length(trim(activity_identifier)) > 0),
  priority text not null check (
    priority in ('expression', 'women_girls', 'lgbtiq', 'religion_belief', 'defenders_civic_space', 'other')
  ),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The DAC 5-digit sectors (vocabulary 1) whose activities an IATI import takes: 15160 Human rights,
-- and those a coordinator adds.
create table report_sectors (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[0-9]{5}$'),
  label text not null check (length(trim(label)) > 0),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
insert into report_sectors (code, label) values ('15160', 'Human rights');
