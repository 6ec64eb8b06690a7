-- The audit trail is chained: each row stores the hash of the row before it (prev_hash) and its
-- own hash, sha256 of the previous hash and the row's content. Changing, removing or inserting a
-- row anywhere breaks the chain from there on (`rightsdesk audit verify` names the first broken row).

alter table audit_events add column prev_hash text;
alter table audit_events add column hash text;

-- The hash of one row after `prev`: the content as a jsonb array (its text form is canonical and
-- the same on every engine), the time in UTC to the microsecond.
create function audit_event_hash(prev text, id bigint, at timestamptz, actor_id uuid, actor_label text,
    action text, entity_type text, entity_id text, before jsonb, after jsonb)
  returns text language sql stable as $$
  select encode(sha256(convert_to(coalesce(prev, '') || '|' || jsonb_build_array(
    id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor_id, actor_label, action,
    entity_type, entity_id, before, after)::text, 'UTF8')), 'hex')
$$;

-- Before each insert: one writer at a time (a transaction advisory lock, held to the commit), the
-- id taken under that lock so that the ids follow the chain, and the hash computed from the last
-- row. A row that arrives with its hash (a restore) keeps it, and verify checks it like any other.
create function audit_events_chain() returns trigger language plpgsql as $$
declare
  last_hash text;
begin
  if new.hash is not null then
    return new;
  end if;
  perform pg_advisory_xact_lock(7245032);
  new.id := nextval('audit_events_id_seq');
  select a.hash into last_hash from audit_events a order by a.id desc limit 1;
  new.prev_hash := coalesce(last_hash, '');
  new.hash := audit_event_hash(new.prev_hash, new.id, new.at, new.actor_id, new.actor_label, new.action,
    new.entity_type, new.entity_id, new.before, new.after);
  return new;
end $$;

-- The rows already there are chained in the order of their ids.
alter table audit_events disable trigger audit_events_no_update;
do $$
declare
  r record;
  prev text := '';
  h text;
begin
  for r in select * from audit_events order by id loop
    h := audit_event_hash(prev, r.id, r.at, r.actor_id, r.actor_label, r.action, r.entity_type,
      r.entity_id, r.before, r.after);
    update audit_events set prev_hash = prev, hash = h where id = r.id;
    prev := h;
  end loop;
end $$;
alter table audit_events enable trigger audit_events_no_update;

create trigger audit_events_chain before insert on audit_events
  for each row execute function audit_events_chain();
