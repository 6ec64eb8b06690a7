-- Counts per facet value over all recommendations, kept up to date by the statements that change
-- them, so that the list page without a query or filter reads its facets from a few thousand rows
-- instead of counting the whole table (src/recommendations/facet-counts.ts).
--
-- Every changing statement appends its net change per (facet, value): rows it inserted count +1,
-- rows it deleted -1, an update both (so a row whose facet values did not change adds nothing).
-- Appending, not updating one row per value, means concurrent writers never wait on each other or
-- deadlock over a popular value such as the total. A reader sums the rows per value; the server
-- folds them together again from time to time (compactFacetCounts). 'total' counts every
-- recommendation, 'term' counts taxonomy tags (recommendation_terms).
create table recommendation_facet_counts (
  facet text not null,
  value text not null,
  n bigint not null
);
create index recommendation_facet_counts_idx on recommendation_facet_counts (facet, value);

-- The rows a statement changed, signed: +1 for new rows, -1 for old ones. A trigger with transition
-- tables is declared for one event, so the function builds its query for the tables its event has.
create function facet_changed_rows(op text) returns text language sql immutable as $$
  select case op
    when 'INSERT' then 'select 1 as d, * from facet_new'
    when 'DELETE' then 'select -1 as d, * from facet_old'
    else 'select 1 as d, * from facet_new union all select -1 as d, * from facet_old' end
$$;

create function recommendation_facet_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from recommendation_facet_counts where facet <> 'term';
    return null;
  end if;
  execute format($q$
    insert into recommendation_facet_counts (facet, value, n)
    select x.facet, x.value, sum(x.d)
      from (
        select d.d, v.facet, v.value
          from (%1$s) d
         cross join lateral (values
           ('total', ''), ('mechanism', d.mechanism), ('year', d.year::text), ('position', d.position),
           ('state', d.state_under_review), ('followUp', d.follow_up::text), ('status', d.status),
           ('body', d.body_code), ('lead', d.lead_organisation_id::text),
           ('instrument', d.instrument_id::text), ('cycle', d.cycle_id::text)) v(facet, value)
        union all
        select d.d, 'recommendingState', s from (%1$s) d cross join unnest(d.recommending_states) s
      ) x
     where x.value is not null
     group by x.facet, x.value
    having sum(x.d) <> 0$q$, facet_changed_rows(tg_op));
  return null;
end $$;

create function recommendation_term_facet_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from recommendation_facet_counts where facet = 'term';
    return null;
  end if;
  execute format($q$
    insert into recommendation_facet_counts (facet, value, n)
    select 'term', d.term_id::text, sum(d.d) from (%s) d group by d.term_id having sum(d.d) <> 0$q$,
    facet_changed_rows(tg_op));
  return null;
end $$;

create trigger recommendations_facet_insert after insert on recommendations
  referencing new table as facet_new for each statement execute function recommendation_facet_delta();
create trigger recommendations_facet_update after update on recommendations
  referencing old table as facet_old new table as facet_new
  for each statement execute function recommendation_facet_delta();
create trigger recommendations_facet_delete after delete on recommendations
  referencing old table as facet_old for each statement execute function recommendation_facet_delta();
create trigger recommendations_facet_truncate after truncate on recommendations
  for each statement execute function recommendation_facet_delta();

create trigger recommendation_terms_facet_insert after insert on recommendation_terms
  referencing new table as facet_new for each statement execute function recommendation_term_facet_delta();
create trigger recommendation_terms_facet_update after update on recommendation_terms
  referencing old table as facet_old new table as facet_new
  for each statement execute function recommendation_term_facet_delta();
create trigger recommendation_terms_facet_delete after delete on recommendation_terms
  referencing old table as facet_old for each statement execute function recommendation_term_facet_delta();
create trigger recommendation_terms_facet_truncate after truncate on recommendation_terms
  for each statement execute function recommendation_term_facet_delta();

-- The counts of what is there already.
insert into recommendation_facet_counts (facet, value, n)
select x.facet, x.value, count(*)
  from (
    select v.facet, v.value
      from recommendations d
     cross join lateral (values
       ('total', ''), ('mechanism', d.mechanism), ('year', d.year::text), ('position', d.position),
       ('state', d.state_under_review), ('followUp', d.follow_up::text), ('status', d.status),
       ('body', d.body_code), ('lead', d.lead_organisation_id::text),
       ('instrument', d.instrument_id::text), ('cycle', d.cycle_id::text)) v(facet, value)
    union all
    select 'recommendingState', s from recommendations d cross join unnest(d.recommending_states) s
    union all
    select 'term', term_id::text from recommendation_terms
  ) x
 where x.value is not null
 group by x.facet, x.value;
