-- A saved search carries the version its owner saw, so that a delete of a changed one is refused.
alter table saved_searches add column version integer not null default 1;
