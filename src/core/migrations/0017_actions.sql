-- Actions (measures) taken on recommendations, with indicators and their dated measurements
-- (src/actions/). An action belongs to one owner organisation and is linked to any number of
-- recommendations; an indicator belongs to one action and says what is measured, in which unit
-- and of which kind of value; a measurement must be of its indicator's unit and kind.
create table actions (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(trim(title)) > 0),
  description text,
  owner_organisation_id uuid not null references organisations(id),
  start_date date,
  end_date date,
  budget numeric(16, 2) check (budget >= 0),
  outcome text,
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index actions_owner_idx on actions (owner_organisation_id, end_date);
create index actions_end_idx on actions (end_date);

create table action_recommendations (
  action_id uuid not null references actions(id) on delete cascade,
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  primary key (action_id, recommendation_id)
);
create index action_recommendations_recommendation_idx on action_recommendations (recommendation_id);

-- count: a whole number of things (≥ 0); percentage: 0 to 100; amount: any number (money, days...).
create table indicators (
  id uuid primary key default gen_random_uuid(),
  action_id uuid not null references actions(id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  value_type text not null check (value_type in ('count', 'percentage', 'amount')),
  unit text not null check (length(trim(unit)) > 0),
  baseline numeric,
  baseline_date date,
  target numeric,
  target_date date,
  source text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index indicators_action_idx on indicators (action_id);

create table indicator_measurements (
  id uuid primary key default gen_random_uuid(),
  indicator_id uuid not null references indicators(id) on delete cascade,
  measured_on date not null,
  value numeric not null,
  unit text not null,
  note text,
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index indicator_measurements_idx on indicator_measurements (indicator_id, measured_on);
