-- Files attached to a progress update as evidence (next to its links): checked by content on upload
-- (src/consultations/files.ts), kept in the database like the attachments of consultation
-- submissions, and removed with their update. An approved update's files are part of its history.
create table progress_update_files (
  id uuid primary key default gen_random_uuid(),
  progress_update_id uuid not null references progress_updates(id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 200),
  media_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  created_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index progress_update_files_update_idx on progress_update_files (progress_update_id);
