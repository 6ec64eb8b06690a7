-- Progress can be reported on an action (a measure) as on a recommendation or a cluster. An action's
-- progress is the measure's own: it does not count for the recommendations the action serves, whose
-- progress is reported on them or their clusters.
alter table progress_updates add column action_id uuid references actions(id) on delete cascade;
alter table progress_updates drop constraint progress_updates_subject_check;
alter table progress_updates add constraint progress_updates_subject_check
  check (num_nonnulls(recommendation_id, cluster_id, action_id) = 1);
create index progress_updates_action_idx on progress_updates (action_id, state, period_end)
  where action_id is not null;
