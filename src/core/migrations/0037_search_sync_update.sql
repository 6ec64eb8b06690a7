-- An update of many recommendations kept their search rows in step by joining the statement's old
-- and new rows, two transition tables without an index: the planner could only compare every row
-- with every other, and assigning 10,000 recommendations in bulk took a minute on PGlite. The new
-- search vector is now compared with the one the search row holds, through its primary key.
create or replace function recommendation_search_sync() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    truncate recommendation_search;
    insert into search_changes (txid, n) values (txid_current(), 0);
  elsif tg_op = 'INSERT' then
    insert into recommendation_search (n, search) select n, search from search_new;
    insert into search_changes (txid, n) select txid_current(), n from search_new;
  elsif tg_op = 'UPDATE' then
    update recommendation_search s set search = nw.search
      from search_new nw
     where s.n = nw.n and s.search is distinct from nw.search;
    insert into search_changes (txid, n) select txid_current(), n from search_new;
  else
    delete from recommendation_search where n in (select n from search_old);
    insert into search_changes (txid, n) select txid_current(), n from search_old;
  end if;
  return null;
end $$;
