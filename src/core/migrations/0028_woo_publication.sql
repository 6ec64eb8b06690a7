-- Woo publication of the documents of the workspace (src/woo/publication.ts). The redaction list of
-- a document: what the search found in its text (findings, each proposed, redacted or kept), the
-- spans a reviewer added by hand with their ground, and whether the review is finished; text_hash
-- is the sha256 of the text the list was made for, so that a document changed since is searched again.
create table outgoing_redactions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null unique references outgoing_documents(id) on delete cascade,
  text_hash text not null,
  findings jsonb not null default '[]',
  added jsonb not null default '[]',
  reviewed boolean not null default false,
  reviewed_by uuid references users(id),
  reviewed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not reviewed or reviewed_at is not null)
);

-- The public version of a document as it was published: the document with every redaction applied
-- (content), never the internal one. The public pages and downloads read only this table.
create table outgoing_publications (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null unique references outgoing_documents(id) on delete cascade,
  title text not null check (length(trim(title)) > 0),
  content jsonb not null,
  language text not null default 'nl' check (language in ('nl', 'en')),
  redactions integer not null default 0 check (redactions >= 0),
  text_hash text not null,
  published_by uuid references users(id),
  published_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index outgoing_publications_published_idx on outgoing_publications (published_at desc);
