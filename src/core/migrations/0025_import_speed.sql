-- Faster imports (issue 9, section 4).
--
-- The count of recommendations per taxonomy scheme (migration 0021) looked up, for each
-- recommendation and scheme a statement tagged, all the tags of that recommendation again: one
-- correlated query per pair, which read every taxonomy term each time. An import tags tens of
-- thousands of recommendations, and this trigger took two thirds of the time of storing their tags.
-- The same count, set-based: the terms the statement brought per recommendation and scheme, beside
-- all the terms it has now (read once, through the primary key), and where both counts are equal
-- the recommendation is newly tagged in that scheme. The other events stay as they were.
create or replace function recommendation_scheme_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from recommendation_facet_counts where facet = 'scheme';
  elsif tg_op = 'INSERT' then
    -- Newly tagged: every term of the scheme it has now came with this statement. Planned at each
    -- run (execute), for the number of rows at hand: a plan kept from a statement of a few rows
    -- would read the tags one recommendation at a time, one kept from an import the whole table.
    execute $q$
      insert into recommendation_facet_counts (facet, value, n)
      select 'scheme', a.scheme, count(*)
        from (select n.recommendation_id, t.scheme, count(*) as k
                from facet_new n join taxonomy_terms t on t.id = n.term_id group by 1, 2) a
        join (select rt.recommendation_id, t.scheme, count(*) as k
                from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
               where rt.recommendation_id in (select recommendation_id from facet_new)
               group by 1, 2) cur on cur.recommendation_id = a.recommendation_id and cur.scheme = a.scheme
       where cur.k = a.k
       group by a.scheme$q$;
  elsif tg_op = 'DELETE' then
    -- No longer tagged: none of the scheme's terms is left.
    insert into recommendation_facet_counts (facet, value, n)
    select 'scheme', a.scheme, -count(*)
      from (select distinct o.recommendation_id, t.scheme
              from facet_old o join taxonomy_terms t on t.id = o.term_id) a
     where not exists (select 1 from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
                        where rt.recommendation_id = a.recommendation_id and t.scheme = a.scheme)
     group by a.scheme;
  else
    -- Tags are added and removed, not changed in place; should it happen, count again.
    delete from recommendation_facet_counts where facet = 'scheme';
    insert into recommendation_facet_counts (facet, value, n)
    select 'scheme', t.scheme, count(distinct rt.recommendation_id)
      from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id group by t.scheme;
  end if;
  return null;
end $$;

-- Searches read the search vectors from recommendation_search (migration 0024); the copy in
-- recommendations only feeds that table. Its statistics (a count of every lexeme, the costliest part
-- of analysing the table that PGlite runs after each large import, vacuum.ts) serve no query.
alter table recommendations alter column search set statistics 0;
