-- Clusters of recommendations (src/clusters/): recommendations on one concern grouped by hand or
-- from a search (e.g. all on pretrial detention from CAT, CCPR and the UPR), owned by one
-- organisation. Actions may be linked to clusters as to recommendations; what is done for a cluster
-- counts for each of its members.
create table clusters (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(trim(title)) > 0),
  description text,
  owner_organisation_id uuid not null references organisations(id),
  created_by uuid references users(id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index clusters_owner_idx on clusters (owner_organisation_id);

create table cluster_members (
  cluster_id uuid not null references clusters(id) on delete cascade,
  recommendation_id uuid not null references recommendations(id) on delete cascade,
  primary key (cluster_id, recommendation_id)
);
create index cluster_members_recommendation_idx on cluster_members (recommendation_id);

create table action_clusters (
  action_id uuid not null references actions(id) on delete cascade,
  cluster_id uuid not null references clusters(id) on delete cascade,
  primary key (action_id, cluster_id)
);
create index action_clusters_cluster_idx on action_clusters (cluster_id);

-- Progress can be reported on a cluster as on a recommendation: it counts for each member.
alter table progress_updates alter column recommendation_id drop not null;
alter table progress_updates add column cluster_id uuid references clusters(id) on delete cascade;
alter table progress_updates add constraint progress_updates_subject_check
  check (num_nonnulls(recommendation_id, cluster_id) = 1);
create index progress_updates_cluster_idx on progress_updates (cluster_id, state, period_end)
  where cluster_id is not null;

-- The progress that counts for a recommendation: its own updates and those of the clusters it is
-- a member of, each row with the recommendation it counts for (for_recommendation).
create view recommendation_progress as
  select pu.*, pu.recommendation_id as for_recommendation
    from progress_updates pu where pu.recommendation_id is not null
  union all
  select pu.*, m.recommendation_id as for_recommendation
    from progress_updates pu join cluster_members m on m.cluster_id = pu.cluster_id;
