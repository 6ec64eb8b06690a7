/**
 * What is overdue in the follow-up: actions whose end date has passed, recommendations led without
 * approved progress for six months and drafts waiting for approval for more than two weeks, per
 * organisation (src/followup/backlog.ts, which the reminders read too).
 */
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { followUpBacklog, type OrgCount } from '../followup/backlog.ts';
import type { Overdue } from './schema.ts';

const perOrganisation = (rows: OrgCount[]) =>
  rows.map((r) => ({ organisationId: r.organisation_id, code: r.code, count: r.n, since: r.oldest }));

export async function overdue(q: Queryable): Promise<Overdue> {
  const now = today();
  const actions = await q.query<{
    id: string;
    title: string;
    owner: string;
    end_date: string;
    recommendation_count: number;
    total: number;
  }>(
    `select a.id, a.title, o.code as owner, a.end_date,
            (select count(*)::int from action_recommendations ar where ar.action_id = a.id) as recommendation_count,
            count(*) over ()::int as total
       from actions a join organisations o on o.id = a.owner_organisation_id
      where a.end_date < $1
      order by a.end_date, a.title limit 100`,
    [now],
  );
  const backlog = await followUpBacklog(q, now);
  return {
    actions: actions.rows.map((a) => ({
      id: a.id,
      title: a.title,
      owner: a.owner,
      endDate: a.end_date,
      recommendationCount: a.recommendation_count,
    })),
    actionsTotal: actions.rows[0]?.total ?? 0,
    withoutProgress: perOrganisation(backlog.stale),
    draftsWaiting: perOrganisation(backlog.drafts),
  };
}
