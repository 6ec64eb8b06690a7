-- How many recommendations carry at least one term of each taxonomy scheme ('scheme' in
-- recommendation_facet_counts, appended like the other counts of migration 0014), so that a
-- dashboard per theme or SDG target over all recommendations knows how many have none without a
-- pass over every tag. A recommendation counts +1 when a statement gives it its first term of a
-- scheme, -1 when one takes its last.
create function recommendation_scheme_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from recommendation_facet_counts where facet = 'scheme';
  elsif tg_op = 'INSERT' then
    -- Newly tagged: every term of the scheme it has now came with this statement.
    insert into recommendation_facet_counts (facet, value, n)
    select 'scheme', a.scheme, count(*)
      from (select n.recommendation_id, t.scheme, count(*) as k
              from facet_new n join taxonomy_terms t on t.id = n.term_id group by 1, 2) a
     where a.k = (select count(*) from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
                   where rt.recommendation_id = a.recommendation_id and t.scheme = a.scheme)
     group by a.scheme;
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

create trigger recommendation_terms_scheme_insert after insert on recommendation_terms
  referencing new table as facet_new for each statement execute function recommendation_scheme_delta();
create trigger recommendation_terms_scheme_update after update on recommendation_terms
  for each statement execute function recommendation_scheme_delta();
create trigger recommendation_terms_scheme_truncate after truncate on recommendation_terms
  for each statement execute function recommendation_scheme_delta();
create trigger recommendation_terms_scheme_delete after delete on recommendation_terms
  referencing old table as facet_old for each statement execute function recommendation_scheme_delta();

insert into recommendation_facet_counts (facet, value, n)
select 'scheme', t.scheme, count(distinct rt.recommendation_id)
  from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id group by t.scheme;
