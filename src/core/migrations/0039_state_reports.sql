-- The state report (src/state-report/): the draft of the Kingdom's report to a treaty body, one per
-- cycle. A standard periodic report has a section per substantive article of the treaty; under the
-- simplified procedure the report is the replies to the list of issues prior to reporting, a
-- section per question of that list (imported as a document). Sections are written from the
-- contributions of the organisations asked (requests, contributions), merged and edited; the
-- report and its cover memo are laid out in the document workspace (outgoing_documents).
create table state_reports (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null unique references cycles(id),
  kind text not null check (kind in ('periodic', 'simplified')),
  title text not null check (length(trim(title)) > 0 and length(title) <= 500),
  -- The list of issues (prior to reporting) the sections answer, once imported.
  loi_document_id uuid references documents(id),
  -- The report's UN symbol and the date it was sent, once submitted (also a phase of the cycle).
  symbol text check (symbol is null or (length(trim(symbol)) > 0 and length(symbol) <= 100)),
  submitted_on date,
  -- The report and the cover memo in the document workspace, once exported.
  letter_id uuid references outgoing_documents(id) on delete set null,
  memo_id uuid references outgoing_documents(id) on delete set null,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

create table state_report_sections (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references state_reports(id) on delete cascade,
  position integer not null,
  -- Stable: 'intro', 'article-2', 'question-12', 'annex-1'.
  key text not null check (length(key) between 1 and 100),
  part text not null check (part in ('intro', 'article', 'question', 'annex')),
  number text,
  heading text not null check (length(trim(heading)) > 0),
  -- The question of the list of issues with its sub-questions, as text.
  question text,
  -- The treaty articles concerned.
  articles text[] not null default '{}',
  -- Paragraph numbers of the previous concluding observations the article or question refers to.
  co_paragraphs text[] not null default '{}',
  -- The section's text: merged contributions, edited.
  text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (report_id, key)
);
create index state_report_sections_report_idx on state_report_sections (report_id, position);

-- A request to an organisation to contribute the text of a section.
create table state_report_requests (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references state_reports(id) on delete cascade,
  section_id uuid not null references state_report_sections(id) on delete cascade,
  organisation_id uuid not null references organisations(id),
  deadline date not null,
  message text not null default '',
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (section_id, organisation_id)
);
create index state_report_requests_report_idx on state_report_requests (report_id);
create index state_report_requests_organisation_idx on state_report_requests (organisation_id, deadline);

-- The answer to a request: written in the app or uploaded as .docx, submitted (late when after the
-- deadline, Amsterdam date), then accepted or rejected by whoever manages the report.
create table state_report_contributions (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null unique references state_report_requests(id) on delete cascade,
  text text not null default '',
  source text not null default 'app' check (source in ('app', 'docx')),
  file_name text check (file_name is null or length(file_name) <= 255),
  state text not null default 'draft' check (state in ('draft', 'submitted', 'accepted', 'rejected')),
  submitted_at timestamptz,
  late boolean not null default false,
  author_id uuid references users(id),
  decided_by uuid references users(id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);

-- The report and its cover memo to the minister are documents of the workspace.
alter table outgoing_documents drop constraint outgoing_documents_kind_check;
alter table outgoing_documents add constraint outgoing_documents_kind_check check (kind in ('annual_letter',
  'memo', 'cover_letter', 'advisory_response', 'concluding_response', 'upr_addendum', 'human_rights_report',
  'human_rights_report_nota', 'human_rights_report_letter', 'state_report', 'state_report_memo'));

-- A request for a contribution is announced to the organisation's users and reminded of (due within
-- 7 days or overdue and not submitted) in their inbox (helper C2: src/state-report/contributions-reminders.ts).
alter table notifications drop constraint notifications_subject_type_check;
alter table notifications add constraint notifications_subject_type_check
  check (subject_type in ('cycle_deadline', 'task', 'progress_draft', 'progress_stale', 'action_due', 'mention',
    'commitment_due', 'state_report_request'));
