-- A counter that moves on with every committed transaction that changes what a recommendation
-- search shows (recommendations, their terms and sources, and the labels of terms, organisations,
-- instruments and cycles). The server keeps computed facet counts per search and reuses them while
-- the counter stands still.
--
-- Each changing statement marks its transaction in search_dirty (no lock shared with other
-- transactions); a deferred trigger on that mark moves the counter on at commit, so the counter row
-- is locked only for the last moment of a transaction and a reader never sees a new counter with old
-- data. A rolled-back transaction leaves no mark and no change.
create table search_generation (id boolean primary key default true check (id), n bigint not null);
insert into search_generation (n) values (1);

create table search_dirty (txid bigint primary key);

create function search_touch() returns trigger language plpgsql as $$
begin
  insert into search_dirty (txid) values (txid_current()) on conflict do nothing;
  return null;
end $$;

create function search_commit() returns trigger language plpgsql as $$
begin
  update search_generation set n = n + 1;
  delete from search_dirty where txid = new.txid;
  return null;
end $$;

create constraint trigger search_dirty_commit after insert on search_dirty
  deferrable initially deferred for each row execute function search_commit();

create trigger recommendations_search_touch after insert or update or delete or truncate on recommendations
  for each statement execute function search_touch();
create trigger recommendation_terms_search_touch after insert or update or delete or truncate on recommendation_terms
  for each statement execute function search_touch();
create trigger recommendation_sources_search_touch after insert or update or delete or truncate on recommendation_sources
  for each statement execute function search_touch();
create trigger taxonomy_terms_search_touch after insert or update or delete or truncate on taxonomy_terms
  for each statement execute function search_touch();
create trigger organisations_search_touch after insert or update or delete or truncate on organisations
  for each statement execute function search_touch();
create trigger instruments_search_touch after insert or update or delete or truncate on instruments
  for each statement execute function search_touch();
create trigger cycles_search_touch after insert or update or delete or truncate on cycles
  for each statement execute function search_touch();
