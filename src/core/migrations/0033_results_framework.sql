-- The results framework of the annual human rights report (src/report/framework*.ts), per year:
-- result areas (1 human rights priorities, 2 democracy, 3 multilateral, 4 accountability), the
-- priorities within area 1 (the codes of src/report/priorities.ts), goals of an area or a priority,
-- and indicators of a goal. A new year starts as a copy of the last.

create table framework_areas (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 1945 and 2100),
  code integer not null check (code between 1 and 4),
  title_nl text not null check (length(trim(title_nl)) > 0),
  title_en text not null check (length(trim(title_en)) > 0),
  -- As the taxonomy keeps Dutch labels: unverified until found in a source document.
  title_nl_verified boolean not null default false,
  title_nl_source text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, code)
);

create table framework_priorities (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 1945 and 2100),
  priority text not null check (
    priority in ('expression', 'women_girls', 'lgbtiq', 'religion_belief', 'defenders_civic_space')
  ),
  label_nl_verified boolean not null default false,
  label_nl_source text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, priority)
);

-- A goal belongs to a result area or to a priority (of the same year), never both.
create table framework_goals (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 1945 and 2100),
  area_id uuid references framework_areas(id) on delete cascade,
  priority_id uuid references framework_priorities(id) on delete cascade,
  text text not null check (length(trim(text)) > 0),
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(area_id, priority_id) = 1)
);
create index framework_goals_year_idx on framework_goals (year);

create table framework_indicators (
  id uuid primary key default gen_random_uuid(),
  goal_id uuid not null references framework_goals(id) on delete cascade,
  text text not null check (length(trim(text)) > 0),
  unit text,
  baseline text,
  target text,
  reached text,
  position integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index framework_indicators_goal_idx on framework_indicators (goal_id);

-- The framework of 2025. The nota on the report of 2025 names the areas by number and subject only
-- ("Resultaatgebied 1" … "4"), so the Dutch titles stay unverified; of the priorities, two Dutch
-- labels are found as written in the seed documents.
insert into framework_areas (year, code, title_nl, title_en, title_nl_verified, title_nl_source, position) values
  (2025, 1, 'Mensenrechtenprioriteiten', 'Human rights priorities', false,
   'nota-rapportage-mensenrechten-2025 (alleen "Resultaatgebied 1": de vijf mensenrechtenprioriteiten)', 1),
  (2025, 2, 'Democratie', 'Democracy', false,
   'nota-rapportage-mensenrechten-2025 (alleen "Resultaatgebied 2": democratie-inzet)', 2),
  (2025, 3, 'Multilaterale inzet', 'Multilateral', false,
   'nota-rapportage-mensenrechten-2025 (alleen "Resultaatgebied 3": multilaterale inzet)', 3),
  (2025, 4, 'Accountability', 'Accountability', false,
   'nota-rapportage-mensenrechten-2025 (alleen "Resultaatgebied 4": accountability)', 4);

insert into framework_priorities (year, priority, label_nl_verified, label_nl_source, position) values
  (2025, 'expression', false, null, 1),
  (2025, 'women_girls', true, 'kabinetsreactie-aiv-advies-122', 2),
  (2025, 'lgbtiq', false, null, 3),
  (2025, 'religion_belief', true, 'nota-rapportage-mensenrechten-2025', 4),
  (2025, 'defenders_civic_space', false, null, 5);
