-- Who filed a document: a contributor edits only their own internal drafts. Documents filed before
-- this was recorded have no author (null) and are edited by the instrument's coordinators only.

alter table documents add column created_by uuid references users(id) on delete set null;
create index documents_created_by_idx on documents (created_by);
