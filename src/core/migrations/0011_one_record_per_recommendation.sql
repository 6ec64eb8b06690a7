-- One record per recommendation: the identity of a UPR recommendation is its bare text (without the
-- recommending states in parentheses), the state under review and the UPR cycle; what each source
-- says of it (its wording, states, position and date) is kept with that source, so that sources
-- that disagree are shown side by side instead of overwriting each other.

-- The text without its state attributions, beside the text as the source gives it.
alter table recommendations add column bare_text text;
-- ISO 3166-1 alpha-3 codes of the recommending states, beside their UN names (same order, unknown left out).
alter table recommendations add column recommending_state_codes text[] not null default '{}';
-- The UPR cycle (1-4) of a UPR recommendation: from its session or its report's symbol.
alter table recommendations add column upr_cycle smallint check (upr_cycle between 1 and 9);
create index recommendations_identity_idx on recommendations (state_under_review, upr_cycle) where mechanism = 'upr';
-- The cycles of what is stored: by session (1-12, 13-26, 27-40, 41-54), else by the council session of the
-- report (A/HRC/8-19/..., 21-34, 36-49, 52-) as src/recommendations/upr-sessions.ts maps them.
update recommendations set upr_cycle = case
    when upr_session between 1 and 12 then 1 when upr_session between 13 and 26 then 2
    when upr_session between 27 and 40 then 3 when upr_session between 41 and 54 then 4 end
  where mechanism = 'upr' and upr_session is not null;
update recommendations set upr_cycle = case
    when n between 8 and 19 then 1 when n between 21 and 34 then 2 when n between 36 and 49 then 3
    when n between 52 and 69 then 4 end
  from (select id as rid, substring(upper(symbol) from '^A/HRC/(\d{1,2})/\d')::int as n from recommendations
         where mechanism = 'upr' and upr_session is null and symbol is not null) s
  where id = s.rid and s.n is not null;

-- What each source says.
alter table recommendation_sources add column reported_text text;
alter table recommendation_sources add column reported_states text[] not null default '{}';
alter table recommendation_sources add column reported_position text check (reported_position in ('supported',
  'supported_in_part', 'noted', 'pending', 'agrees', 'partly_agrees', 'disagrees'));
-- The date the source gives: YYYY-MM-DD, YYYY-MM or YYYY (a UPR session gives the year only).
alter table recommendation_sources add column reported_date text check (reported_date ~ '^\d{4}(-\d{2}(-\d{2})?)?$');

-- A coordinator's merge of one recommendation into another: the absorbed recommendation as it was
-- (its row, tags and sources), so that taking its sources out again restores it with its own id.
create table recommendation_merges (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  absorbed_id uuid not null,
  absorbed jsonb not null,
  -- The fields of the recommendation kept, as they were before the merge.
  kept_before jsonb not null,
  source_ids uuid[] not null,
  created_by uuid references users(id) on delete set null,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  undone_at timestamptz
);
create index recommendation_merges_rec_idx on recommendation_merges (recommendation_id) where undone_at is null;
