-- Tags suggested by the tagging model (src/suggestions): a coordinator accepts or rejects each
-- suggestion of a term for a recommendation. One decision per recommendation and term: a rejected
-- term is not suggested again for that recommendation, an accepted one became a tag.
create table suggestion_decisions (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  term_id uuid not null references taxonomy_terms(id) on delete cascade,
  -- The model's score of the suggestion when it was decided (0..1), and the model that made it.
  score double precision not null check (score >= 0 and score <= 1),
  model_version text not null check (length(model_version) between 1 and 200),
  status text not null check (status in ('accepted', 'rejected')),
  decided_by uuid references users(id) on delete set null,
  decided_by_label text not null,
  decided_at timestamptz not null default now(),
  unique (recommendation_id, term_id)
);
create index suggestion_decisions_term_idx on suggestion_decisions (term_id);

-- A tag that came from an accepted suggestion: the model that suggested it, who accepted it and when.
-- Tags from imports and mappings leave these empty.
alter table recommendation_terms
  add column suggested_by_model text,
  add column accepted_by uuid references users(id) on delete set null,
  add column accepted_by_label text,
  add column accepted_at timestamptz,
  add constraint recommendation_terms_suggestion_check
    check ((suggested_by_model is null) = (accepted_at is null) and (accepted_at is null) = (accepted_by_label is null));
