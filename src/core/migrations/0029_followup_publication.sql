-- Publication of the follow-up of recommendations (src/followup/publish.ts). The government's
-- follow-up of a recommendation (its recorded position and explanation, its approved progress) is
-- internal until a coordinator publishes it: a row here makes it public, deleting the row withdraws
-- it. The public read (src/followup/public-followup.ts) answers only for a recommendation with a row.
create table recommendation_publications (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null unique references recommendations(id) on delete cascade,
  published_by uuid references users(id),
  published_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
