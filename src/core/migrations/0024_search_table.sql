-- Full-text search reads a narrow table of its own, and the server keeps the facet values of every
-- recommendation in memory (src/recommendations/facet-index.ts), brought up to date from a log of
-- the recommendations each committed transaction changed.
--
-- A text search matching 20,000 recommendations spent most of its time reading their rows from the
-- wide recommendations table (texts, sources, fingerprints: about 730 bytes a row) and counting
-- their facets in SQL. recommendation_search holds only a small number per recommendation and its
-- search vector (about 220 bytes a row), with the one full-text index.

-- A small number per recommendation: hits travel to the server as 4 bytes each, not as uuids.
alter table recommendations add column n serial;
create unique index recommendations_n_idx on recommendations (n);

create table recommendation_search (
  n integer primary key,
  search tsvector not null
);
insert into recommendation_search (n, search) select n, search from recommendations;
create index recommendation_search_idx on recommendation_search using gin (search);
-- The index on the wide table is no longer used: every search goes through recommendation_search.
drop index recommendations_search_idx;

-- The recommendations each transaction changed (inserted, updated, deleted, or tagged), by the
-- transaction's id; 0 stands for all (a truncate). A reader that saw the log up to a snapshot reads
-- again from that snapshot's oldest running transaction, so nothing committed later is missed.
create table search_changes (
  txid bigint not null,
  n integer not null,
  at timestamptz not null default now()
);
create index search_changes_txid_idx on search_changes (txid);
create index search_changes_at_idx on search_changes (at);

-- Keeps recommendation_search and the log in step with recommendations. A trigger with transition
-- tables is declared for one event: the function reads the tables its event has.
create function recommendation_search_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    truncate recommendation_search;
    insert into search_changes (txid, n) values (txid_current(), 0);
  elsif tg_op = 'INSERT' then
    insert into recommendation_search (n, search) select n, search from search_new;
    insert into search_changes (txid, n) select txid_current(), n from search_new;
  elsif tg_op = 'UPDATE' then
    update recommendation_search s set search = nw.search
      from search_new nw join search_old o on o.n = nw.n
     where s.n = nw.n and nw.search is distinct from o.search;
    insert into search_changes (txid, n) select txid_current(), n from search_new;
  else
    delete from recommendation_search where n in (select n from search_old);
    insert into search_changes (txid, n) select txid_current(), n from search_old;
  end if;
  return null;
end $$;

create trigger recommendations_search_insert after insert on recommendations
  referencing new table as search_new for each statement execute function recommendation_search_sync();
create trigger recommendations_search_update after update on recommendations
  referencing old table as search_old new table as search_new
  for each statement execute function recommendation_search_sync();
create trigger recommendations_search_delete after delete on recommendations
  referencing old table as search_old for each statement execute function recommendation_search_sync();
create trigger recommendations_search_truncate after truncate on recommendations
  for each statement execute function recommendation_search_sync();

-- A tag added or removed changes the facets of its recommendation, and so does a new status of its
-- latest approved progress (migration 0020), which the dashboards count by. One function logs the
-- recommendations of the rows of either table. A recommendation this transaction wrote itself (an
-- import tagging what it stored) was logged by the trigger above already.
create function recommendation_rows_search_log() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    insert into search_changes (txid, n) values (txid_current(), 0);
  elsif tg_op = 'INSERT' then
    insert into search_changes (txid, n)
    select txid_current(), r.n from recommendations r
     where r.id in (select recommendation_id from search_new) and r.xmin <> xid(pg_current_xact_id());
  elsif tg_op = 'UPDATE' then
    insert into search_changes (txid, n)
    select txid_current(), r.n from recommendations r
     where r.id in (select recommendation_id from search_new union select recommendation_id from search_old)
       and r.xmin <> xid(pg_current_xact_id());
  else
    insert into search_changes (txid, n)
    select txid_current(), r.n from recommendations r
     where r.id in (select recommendation_id from search_old) and r.xmin <> xid(pg_current_xact_id());
  end if;
  return null;
end $$;

create trigger recommendation_terms_search_insert after insert on recommendation_terms
  referencing new table as search_new for each statement execute function recommendation_rows_search_log();
create trigger recommendation_terms_search_update after update on recommendation_terms
  referencing old table as search_old new table as search_new
  for each statement execute function recommendation_rows_search_log();
create trigger recommendation_terms_search_delete after delete on recommendation_terms
  referencing old table as search_old for each statement execute function recommendation_rows_search_log();
create trigger recommendation_terms_search_truncate after truncate on recommendation_terms
  for each statement execute function recommendation_rows_search_log();

create trigger progress_summary_search_insert after insert on recommendation_progress_summary
  referencing new table as search_new for each statement execute function recommendation_rows_search_log();
create trigger progress_summary_search_update after update on recommendation_progress_summary
  referencing old table as search_old new table as search_new
  for each statement execute function recommendation_rows_search_log();
create trigger progress_summary_search_delete after delete on recommendation_progress_summary
  referencing old table as search_old for each statement execute function recommendation_rows_search_log();
create trigger progress_summary_search_truncate after truncate on recommendation_progress_summary
  for each statement execute function recommendation_rows_search_log();
-- A changed summary moves the search generation on, so that the index reads the log.
create trigger progress_summary_search_touch after insert or update or delete or truncate on recommendation_progress_summary
  for each statement execute function search_touch();
