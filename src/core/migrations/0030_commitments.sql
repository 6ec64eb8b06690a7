-- The register of commitments to parliament (src/commitments/): toezeggingen, motions (moties) the
-- cabinet must carry out, pledges and the points a cabinet response commits to. Each has its text,
-- the responsible organisation (required), its source citation (canonical text and the parsed parts;
-- required for motions and toezeggingen unless the record comes from the Tweede Kamer's open data
-- with its own number), dates, a status and the evidence of fulfilment: a document, a document of
-- the workspace (outgoing_documents) or a free citation. Imported records keep the Tweede Kamer's
-- Id (tk_id, the key a re-import updates by), its number, submitters, the vote and the cabinet's
-- appreciation; source_hash is the hash of what the source said, so an unchanged record writes nothing.
create table commitments (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('toezegging', 'motie', 'pledge', 'cabinet_response_point')),
  text text not null check (length(trim(text)) > 0 and length(text) <= 8000),
  citation text check (citation is null or length(trim(citation)) > 0),
  citation_type text check (citation_type in ('kamerstuk', 'handelingen')),
  dossier integer check (dossier > 0),
  toevoeging text,
  ondernummer integer check (ondernummer > 0),
  kamer text check (kamer in ('I', 'II')),
  vergaderjaar text check (vergaderjaar ~ '^[0-9]{4}-[0-9]{4}$'),
  handelingen_nr integer check (handelingen_nr > 0),
  handelingen_item integer check (handelingen_item > 0),
  organisation_id uuid not null references organisations(id),
  -- false when an import could not tell the responsible ministry and assigned the coordinating one.
  organisation_verified boolean not null default true,
  made_on date,
  due_on date,
  status text not null default 'open'
    check (status in ('open', 'partly_done', 'done', 'lapsed', 'withdrawn')),
  status_note text,
  evidence_document_id uuid references documents(id) on delete set null,
  evidence_outgoing_id uuid references outgoing_documents(id) on delete set null,
  evidence_citation text,
  tk_id uuid unique,
  tk_number text,
  submitters text[] not null default '{}',
  vote_outcome text check (vote_outcome in ('adopted', 'rejected')),
  seats_for integer,
  seats_against integer,
  kabinetsappreciatie text,
  made_by text,
  source_hash text,
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind in ('pledge', 'cabinet_response_point') or citation is not null or tk_number is not null),
  check (citation is null or citation_type is not null),
  check (due_on is null or made_on is null or due_on >= made_on)
);
create index commitments_status_due_idx on commitments (status, due_on);
create index commitments_organisation_idx on commitments (organisation_id, status);
create index commitments_dossier_idx on commitments (dossier, toevoeging, ondernummer);

create table commitment_recommendations (
  commitment_id uuid not null references commitments(id) on delete cascade,
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  primary key (commitment_id, recommendation_id)
);
create index commitment_recommendations_idx on commitment_recommendations (recommendation_id);

create table commitment_actions (
  commitment_id uuid not null references commitments(id) on delete cascade,
  action_id uuid not null references actions(id) on delete cascade,
  primary key (commitment_id, action_id)
);
create index commitment_actions_idx on commitment_actions (action_id);

create table commitment_documents (
  commitment_id uuid not null references commitments(id) on delete cascade,
  document_id uuid not null references documents(id) on delete cascade,
  primary key (commitment_id, document_id)
);
create index commitment_documents_idx on commitment_documents (document_id);

-- Reminders of commitments due soon or overdue, to the responsible organisation's coordinators.
alter table notifications drop constraint notifications_subject_type_check;
alter table notifications add constraint notifications_subject_type_check
  check (subject_type in ('cycle_deadline', 'task', 'progress_draft', 'progress_stale', 'action_due', 'mention',
    'commitment_due'));
