-- What the progress of each recommendation comes to (its own updates and its clusters'), kept up to
-- date by triggers, so that worklists and dashboards read one narrow row per recommendation instead
-- of aggregating every update on each request. A recommendation without any update may have no row.
--   drafts            its own drafts waiting for approval (a cluster's drafts are approved on the cluster);
--   last_approved_at  when the latest approval of an update that counts for it happened;
--   latest_status     the status of the approved update covering the latest period;
--   latest_at         the end of that period (or its approval day).
create table recommendation_progress_summary (
  recommendation_id uuid primary key references recommendations(id) on delete cascade,
  drafts integer not null default 0,
  last_approved_at timestamptz,
  latest_status text,
  latest_at date
);

-- Recomputes the summaries of the recommendations given. The rows are locked first and the counts
-- read by a later statement, so two transactions changing the same recommendation's progress at once
-- cannot leave a summary that misses the other's update (read committed: each statement of a
-- function sees what was committed before it began).
create function refresh_progress_summary(ids uuid[]) returns void language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  insert into recommendation_progress_summary (recommendation_id)
  select r.id from recommendations r where r.id = any(ids)
  on conflict (recommendation_id) do nothing;
  perform 1 from recommendation_progress_summary s where s.recommendation_id = any(ids)
   order by s.recommendation_id for update;
  update recommendation_progress_summary s
     set drafts = coalesce(a.drafts, 0), last_approved_at = a.last_approved_at,
         latest_status = a.latest_status, latest_at = a.latest_at
    from (select i.id, g.drafts, g.last_approved_at, g.latest_status, g.latest_at
            from unnest(ids) as i(id)
            left join (
              select pu.for_recommendation as id,
                     count(*) filter (where pu.state = 'draft' and pu.cluster_id is null)::int as drafts,
                     max(pu.approved_at) filter (where pu.state = 'approved') as last_approved_at,
                     (array_agg(pu.status order by coalesce(pu.period_end, pu.approved_at::date) desc,
                                pu.approved_at desc) filter (where pu.state = 'approved'))[1] as latest_status,
                     max(coalesce(pu.period_end, pu.approved_at::date)) filter (where pu.state = 'approved') as latest_at
                from recommendation_progress pu where pu.for_recommendation = any(ids)
               group by pu.for_recommendation) g on g.id = i.id) a
   where s.recommendation_id = a.id;
end $$;

-- The recommendations a set of changed updates counts for: their own, and the members of their clusters.
create function progress_summary_after_updates() returns trigger language plpgsql as $$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct x.id) into ids from (
      select n.recommendation_id as id from new_rows n where n.recommendation_id is not null
      union select m.recommendation_id from new_rows n join cluster_members m on m.cluster_id = n.cluster_id) x;
  elsif tg_op = 'UPDATE' then
    select array_agg(distinct x.id) into ids from (
      select n.recommendation_id as id from new_rows n where n.recommendation_id is not null
      union select o.recommendation_id from old_rows o where o.recommendation_id is not null
      union select m.recommendation_id from new_rows n join cluster_members m on m.cluster_id = n.cluster_id
      union select m.recommendation_id from old_rows o join cluster_members m on m.cluster_id = o.cluster_id) x;
  else
    select array_agg(distinct x.id) into ids from (
      select o.recommendation_id as id from old_rows o where o.recommendation_id is not null
      union select m.recommendation_id from old_rows o join cluster_members m on m.cluster_id = o.cluster_id) x;
  end if;
  perform refresh_progress_summary(ids);
  return null;
end $$;

create trigger progress_summary_insert after insert on progress_updates
  referencing new table as new_rows for each statement execute function progress_summary_after_updates();
create trigger progress_summary_update after update on progress_updates
  referencing old table as old_rows new table as new_rows
  for each statement execute function progress_summary_after_updates();
create trigger progress_summary_delete after delete on progress_updates
  referencing old table as old_rows for each statement execute function progress_summary_after_updates();

-- A recommendation joining or leaving a cluster gains or loses the cluster's progress.
create function progress_summary_after_members() returns trigger language plpgsql as $$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct n.recommendation_id) into ids from new_rows n;
  else
    select array_agg(distinct o.recommendation_id) into ids from old_rows o;
  end if;
  perform refresh_progress_summary(ids);
  return null;
end $$;

create trigger progress_summary_members_insert after insert on cluster_members
  referencing new table as new_rows for each statement execute function progress_summary_after_members();
create trigger progress_summary_members_delete after delete on cluster_members
  referencing old table as old_rows for each statement execute function progress_summary_after_members();

-- The summaries of the progress recorded so far.
select refresh_progress_summary(array_agg(distinct p.for_recommendation)) from recommendation_progress p;
