-- Consultation rounds with civil society (at least one per reporting cycle), their submissions
-- and attachments; in-app notifications and the e-mail outbox of the reminder scan.

create table consultations (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references cycles(id),
  title_nl text not null check (length(trim(title_nl)) > 0),
  title_en text not null check (length(trim(title_en)) > 0),
  description_nl text not null default '',
  description_en text not null default '',
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  -- How the input of this round was used, in a few sentences (shown on the public page).
  usage_summary text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint consultations_closes_after_opens check (closes_at > opens_at)
);
create index consultations_cycle_idx on consultations (cycle_id);

create table consultation_submissions (
  id uuid primary key default gen_random_uuid(),
  consultation_id uuid not null references consultations(id),
  organisation_name text not null check (length(trim(organisation_name)) > 0),
  contact_name text not null check (length(trim(contact_name)) > 0),
  contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+$'),
  body text not null check (length(trim(body)) > 0),
  consent_to_publish boolean not null,
  status text not null default 'received' check (status in ('received', 'accepted', 'rejected')),
  rejection_reason text,
  published boolean not null default false,
  usage_note text,
  -- Keyed hash of the client address: for the spam limit; the address itself is never stored.
  client_hash text not null,
  submitted_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint consultation_submissions_publish_rule
    check (not published or (consent_to_publish and status = 'accepted')),
  constraint consultation_submissions_reject_reason
    check (status <> 'rejected' or length(trim(coalesce(rejection_reason, ''))) > 0)
);
create index consultation_submissions_consultation_idx on consultation_submissions (consultation_id);
create index consultation_submissions_client_idx on consultation_submissions (client_hash, submitted_at);

create table consultation_attachments (
  id uuid primary key default gen_random_uuid(),
  submission_id uuid not null references consultation_submissions(id) on delete cascade,
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  created_at timestamptz not null default now()
);
create index consultation_attachments_submission_idx on consultation_attachments (submission_id);

-- One notification per user, subject and kind: a second reminder scan adds nothing.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id) on delete cascade,
  kind text not null check (kind in ('near', 'overdue')),
  subject_type text not null check (subject_type in ('cycle_deadline', 'task')),
  subject_key text not null,
  title text not null,
  body text not null,
  link text,
  due_date date,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  unique (user_id, subject_type, subject_key, kind)
);
create index notifications_user_idx on notifications (user_id, read_at, created_at desc);

-- Every e-mail the application sends. Without SMTP settings a message stays here (status 'outbox')
-- for an administrator to read; with them it is sent and kept as 'sent' (or 'failed' with the reason).
create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  dedupe_key text not null unique,
  to_address text not null,
  subject text not null,
  body text not null,
  status text not null check (status in ('pending', 'outbox', 'sent', 'failed')),
  attempts integer not null default 0,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_created_idx on mail_outbox (created_at desc);
