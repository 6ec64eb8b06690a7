-- The document workspace (src/letters/): documents the government sends (the annual letter, memos,
-- cabinet responses, the UPR addendum), generated from the data as a frame (addressee and subject,
-- or a memo's fields) and sections with stable keys. A section is generated, edited by hand (kept
-- across regenerations, with the last generated content beside it) or added by hand. Every saved
-- state of a document is kept as a numbered version; the ministries it is "afgestemd met" confirm
-- it one by one before it moves on to ready for signature and sent.
create table outgoing_documents (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('annual_letter', 'memo', 'cover_letter', 'advisory_response',
    'concluding_response', 'upr_addendum')),
  title text not null check (length(trim(title)) > 0 and length(title) <= 500),
  params jsonb not null,
  frame jsonb not null,
  -- Set once someone edits the frame: a regeneration then keeps it.
  frame_edited boolean not null default false,
  state text not null default 'draft' check (state in ('draft', 'consulted', 'ready', 'sent')),
  language text not null default 'nl' check (language in ('nl', 'en')),
  owner_organisation_id uuid not null references organisations(id),
  sent_on date,
  kamerstuk text check (kamerstuk is null or (length(trim(kamerstuk)) > 0 and length(kamerstuk) <= 100)),
  generated_at timestamptz not null default now(),
  public boolean not null default false,
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state = 'sent') = (sent_on is not null)),
  check (kamerstuk is null or state = 'sent')
);
create index outgoing_documents_owner_idx on outgoing_documents (owner_organisation_id, updated_at desc);
create index outgoing_documents_updated_idx on outgoing_documents (updated_at desc);

create table outgoing_sections (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references outgoing_documents(id) on delete cascade,
  key text not null check (length(key) between 1 and 200),
  -- The order of the sections; a section added between two others takes a position between theirs.
  position double precision not null,
  -- 2: a part of the section of level 1 before it, laid out under its heading (as each treaty
  -- under the developments per treaty of the annual letter), kept apart for its own key.
  level smallint not null default 1 check (level in (1, 2)),
  heading text not null check (length(trim(heading)) > 0 and length(heading) <= 300),
  blocks jsonb not null default '[]',
  subsections jsonb not null default '[]',
  origin text not null check (origin in ('generated', 'edited', 'added')),
  -- The last generated content of this key (heading, blocks, subsections), kept when it is edited;
  -- none for a section added by hand.
  generated jsonb,
  -- The last regeneration produced no section of this key, and it was kept because it was edited.
  gone boolean not null default false,
  edited_by uuid references users(id),
  edited_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (document_id, key),
  check ((origin = 'added') = (generated is null)),
  check (not gone or origin = 'edited')
);

create table outgoing_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references outgoing_documents(id) on delete cascade,
  number integer not null check (number > 0),
  -- The document as saved: title, frame, state and sections.
  snapshot jsonb not null,
  saved_by uuid references users(id),
  saved_at timestamptz not null default now(),
  note text not null default '' check (length(note) <= 500),
  unique (document_id, number)
);

create table outgoing_consultations (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references outgoing_documents(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  requested_by uuid references users(id),
  requested_at timestamptz not null default now(),
  confirmed_by uuid references users(id),
  confirmed_at timestamptz,
  note text not null default '' check (length(note) <= 2000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (document_id, organisation_id),
  check (confirmed_by is null or confirmed_at is not null)
);
create index outgoing_consultations_organisation_idx on outgoing_consultations (organisation_id);
