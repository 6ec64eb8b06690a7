-- Recommendations: every recommendation the state receives, with its provenance per source,
-- taxonomy tags (mapped through aliases; unknown spellings kept), and full-text search.

create extension if not exists pg_trgm;

create table imports (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('uhri', 'upr-info', 'document', 'spreadsheet')),
  file_name text not null,
  sha256 text not null,
  status text not null check (status in ('committed', 'failed')),
  total_rows integer not null default 0,
  created_count integer not null default 0,
  updated_count integer not null default 0,
  unchanged_count integer not null default 0,
  skipped_count integer not null default 0,
  report jsonb not null default '{}',
  created_by uuid references users(id),
  created_by_label text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

create table recommendations (
  id uuid primary key default gen_random_uuid(),
  mechanism text not null check (mechanism in ('treaty_body', 'upr', 'coe_body', 'special_procedure',
    'advisory_council', 'nhri', 'parliament', 'other')),
  body_code text,
  monitoring_body_id uuid references monitoring_bodies(id),
  instrument_id uuid references instruments(id),
  cycle_id uuid references cycles(id),
  document_id uuid references documents(id),
  state_under_review text not null,
  symbol text,
  paragraph text,
  text text not null check (length(trim(text)) > 0),
  text_nl text,
  recommending_states text[] not null default '{}',
  position text check (position in ('supported', 'supported_in_part', 'noted', 'pending',
    'agrees', 'partly_agrees', 'disagrees')),
  position_explanation text,
  follow_up boolean not null default false,
  status text not null default 'new' check (status in ('new', 'assigned', 'in_progress', 'implemented',
    'partially_implemented', 'not_implemented', 'not_applicable')),
  kingdom_countries text[] not null default '{}',
  lead_organisation_id uuid references organisations(id),
  year integer check (year between 1945 and 2100),
  upr_session integer,
  action_category smallint check (action_category between 1 and 5),
  -- Identifies the same recommendation arriving from several sources (see src/recommendations/fingerprint.ts).
  fingerprint text not null unique,
  -- One search vector: symbol and paragraph (weight A) and the English text, stemmed in English;
  -- the Dutch text stemmed in Dutch. Queries OR an English and a Dutch reading of the words.
  search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(symbol, '') || ' ' || coalesce(paragraph, '')), 'A') ||
    setweight(to_tsvector('english', text), 'B') ||
    setweight(to_tsvector('dutch', coalesce(text_nl, '')), 'B')) stored,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index recommendations_search_idx on recommendations using gin (search);
create index recommendations_symbol_trgm_idx on recommendations using gin (symbol gin_trgm_ops);
create index recommendations_mechanism_idx on recommendations (mechanism, year);
create index recommendations_state_idx on recommendations (state_under_review);
create index recommendations_states_idx on recommendations using gin (recommending_states);

create table recommendation_sources (
  id uuid primary key default gen_random_uuid(),
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  kind text not null check (kind in ('uhri', 'upr-info', 'document', 'spreadsheet')),
  -- The source's own key: UHRI annotation id, UPR Info row id, file hash + paragraph.
  source_key text not null,
  file_name text,
  paragraph text,
  import_id uuid references imports(id),
  imported_at timestamptz not null default now(),
  imported_by text not null,
  unique (kind, source_key)
);
create index recommendation_sources_rec_idx on recommendation_sources (recommendation_id);

create table recommendation_terms (
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  term_id uuid not null references taxonomy_terms(id),
  primary key (recommendation_id, term_id)
);
create index recommendation_terms_term_idx on recommendation_terms (term_id);

-- Spellings an import brought that no taxonomy term knows yet: kept, listed for a coordinator to map.
create table recommendation_unmapped_terms (
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  scheme text not null,
  spelling text not null,
  primary key (recommendation_id, scheme, spelling)
);
create index recommendation_unmapped_terms_idx on recommendation_unmapped_terms (scheme, spelling);

-- A user's saved searches: the query string of the recommendation list.
create table saved_searches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  name text not null check (length(trim(name)) > 0),
  query text not null,
  created_at timestamptz not null default now(),
  unique (user_id, name)
);
