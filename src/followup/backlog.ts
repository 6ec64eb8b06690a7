/**
 * What the follow-up leaves waiting, per organisation: progress drafts older than DRAFT_DAYS (for the
 * lead and co-responsible organisations, or a cluster's or action's owner) and the recommendations an
 * organisation leads without an approved update for STALE_MONTHS (its own or its clusters'), and the
 * actions an organisation owns that end within ACTION_DAYS or ended without a recorded outcome. The
 * reminders (reminders.ts) and the overdue dashboard (src/dashboards/overdue.ts) read it.
 */
import { addDays, addMonths } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';

export const DRAFT_DAYS = 14;
export const STALE_MONTHS = 6;
/** Days before an action's end date that it counts as due. */
export const ACTION_DAYS = 14;

export interface OrgCount {
  organisation_id: string;
  code: string;
  n: number;
  oldest: string;
  recipients: { id: string; email: string; name: string }[] | null;
}

/** The coordinators of an organisation, as recipients (active users only). */
const COORDINATORS = `(select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) order by u.email)
    from users u where u.active and u.role = 'coordinator' and u.organisation_id = o.id)`;

/** The drafts waiting and the recommendations without recent progress, per organisation, on the day. */
export async function followUpBacklog(
  q: Queryable,
  today: string,
): Promise<{
  drafts: OrgCount[];
  stale: OrgCount[];
  staleSince: string;
  actions: (OrgCount & { overdue: number })[];
}> {
  const draftsBefore = addDays(today, -DRAFT_DAYS);
  const staleSince = addMonths(today, -STALE_MONTHS);
  const drafts = await q.query<OrgCount>(
    `-- The drafts waiting, counted per subject first (far fewer rows than drafts), then given to every
     -- organisation they wait on: the lead (or the cluster's or action's owner) and the co-responsible ones.
     with waiting as (
       select p.recommendation_id, p.cluster_id, p.action_id, count(*)::int as n, min(p.created_at) as oldest
         from progress_updates p
        where p.state = 'draft' and p.created_at < $1::date
        group by p.recommendation_id, p.cluster_id, p.action_id)
     -- The leads of those recommendations, read by one index scan over their ids.
     , leads as (
       select r.id, r.lead_organisation_id from recommendations r
        where r.id = any(array(select w.recommendation_id from waiting w where w.recommendation_id is not null)))
     , waits_on as (
       select coalesce(r.lead_organisation_id, c.owner_organisation_id, a.owner_organisation_id) as organisation_id,
              w.n, w.oldest
         from waiting w
         left join leads r on r.id = w.recommendation_id
         left join clusters c on c.id = w.cluster_id
         left join actions a on a.id = w.action_id
       union all
       select co.organisation_id, w.n, w.oldest
         from waiting w
         join recommendation_co_responsible co on co.recommendation_id = w.recommendation_id
         join leads r on r.id = w.recommendation_id
        where co.organisation_id is distinct from r.lead_organisation_id)
     , per_org as (
       select organisation_id, sum(n)::int as n, min(oldest)::date::text as oldest
         from waits_on where organisation_id is not null group by organisation_id)
     select o.id as organisation_id, o.code, p.n, p.oldest, ${COORDINATORS} as recipients
       from per_org p join organisations o on o.id = p.organisation_id order by o.code`,
    [draftsBefore],
  );
  const stale = await q.query<OrgCount>(
    `-- The led recommendations whose latest approval (their own updates' or a cluster's) is older, or
     -- that have none: recommendation_progress_summary holds it per recommendation.
     with led as (
       select r.lead_organisation_id as organisation_id, r.id from recommendations r
         left join recommendation_progress_summary s on s.recommendation_id = r.id
        where r.lead_organisation_id is not null
          and (s.last_approved_at is null or s.last_approved_at < $1::date))
     , per_org as (select organisation_id, count(*)::int as n, $1::text as oldest from led group by 1)
     select o.id as organisation_id, o.code, p.n, p.oldest, ${COORDINATORS} as recipients
       from per_org p join organisations o on o.id = p.organisation_id order by o.code`,
    [staleSince],
  );
  // Actions ending within ACTION_DAYS, and those past their end without a recorded outcome.
  const actions = await q.query<OrgCount & { overdue: number }>(
    `with due as (
       select a.owner_organisation_id as organisation_id, count(*)::int as n,
              count(*) filter (where a.end_date < $1::date)::int as overdue, min(a.end_date)::text as oldest
         from actions a
        where a.end_date <= $2::date and (a.end_date >= $1::date or a.outcome is null)
        group by 1)
     select o.id as organisation_id, o.code, d.n, d.overdue, d.oldest, ${COORDINATORS} as recipients
       from due d join organisations o on o.id = d.organisation_id order by o.code`,
    [today, addDays(today, ACTION_DAYS)],
  );
  return { drafts: drafts.rows, stale: stale.rows, staleSince, actions: actions.rows };
}
