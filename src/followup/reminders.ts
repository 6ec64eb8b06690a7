/**
 * The follow-up's reminders, sent through the notification channel (src/notifications/): one notice
 * per organisation, not one per recommendation, so that a ministry with thousands of
 * recommendations hears what needs doing without being flooded.
 * - Drafts waiting: progress updates still a draft DRAFT_DAYS after they were written; the
 *   coordinators of the lead and co-responsible organisations hear of them (at most once a week).
 * - No progress: recommendations an organisation leads without an approved update in the last
 *   STALE_MONTHS; its coordinators hear of them (at most once a month).
 */
import { addDays, addMonths } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import type { Reminder } from '../notifications/reminders.ts';

export const DRAFT_DAYS = 14;
export const STALE_MONTHS = 6;

/** The Monday of the week of a day (YYYY-MM-DD): drafts are reminded of once per week. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

interface OrgCount {
  organisation_id: string;
  code: string;
  n: number;
  oldest: string;
  recipients: { id: string; email: string; name: string }[] | null;
}

/** The coordinators of an organisation, as recipients (active users only). */
const COORDINATORS = `(select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) order by u.email)
    from users u where u.active and u.role = 'coordinator' and u.organisation_id = o.id)`;

export async function followUpReminders(q: Queryable, today: string): Promise<Reminder[]> {
  const draftsBefore = addDays(today, -DRAFT_DAYS);
  const staleSince = addMonths(today, -STALE_MONTHS);
  const drafts = await q.query<OrgCount>(
    `with waiting as (
       select p.id, p.created_at, r.id as recommendation_id, coalesce(r.lead_organisation_id, c.owner_organisation_id) as lead_organisation_id
         from progress_updates p
         left join recommendations r on r.id = p.recommendation_id
         left join clusters c on c.id = p.cluster_id
        where p.state = 'draft' and p.created_at < $1::date)
     , per_org as (
       select org as organisation_id, count(distinct w.id)::int as n, min(w.created_at)::date::text as oldest
         from waiting w
         cross join lateral (select w.lead_organisation_id as org where w.lead_organisation_id is not null
                             union select c.organisation_id from recommendation_co_responsible c
                                    where c.recommendation_id = w.recommendation_id) o
        group by org)
     select o.id as organisation_id, o.code, p.n, p.oldest, ${COORDINATORS} as recipients
       from per_org p join organisations o on o.id = p.organisation_id order by o.code`,
    [draftsBefore],
  );
  const stale = await q.query<OrgCount>(
    `with led as (
       select r.lead_organisation_id as organisation_id, r.id from recommendations r
        where r.lead_organisation_id is not null
          and not exists (select 1 from recommendation_progress p where p.for_recommendation = r.id
                           and p.state = 'approved' and p.approved_at >= $1::date))
     , per_org as (select organisation_id, count(*)::int as n, $1::text as oldest from led group by 1)
     select o.id as organisation_id, o.code, p.n, p.oldest, ${COORDINATORS} as recipients
       from per_org p join organisations o on o.id = p.organisation_id order by o.code`,
    [staleSince],
  );
  const out: Reminder[] = [];
  const week = weekOf(today);
  for (const d of drafts.rows) {
    if (!d.recipients?.length) continue;
    out.push({
      kind: 'overdue',
      subjectType: 'progress_draft',
      subjectKey: `${d.organisation_id}:${week}`,
      title: `${d.code}: ${d.n} voortgangsupdate(s) wachten op goedkeuring`,
      body:
        `${d.n} voortgangsupdate(s) over aanbevelingen van ${d.code} wachten langer dan ${DRAFT_DAYS} dagen op ` +
        `goedkeuring (de oudste sinds ${d.oldest}). Een coördinator die de update niet zelf schreef, keurt die goed.`,
      link: `/worklist?organisationId=${d.organisation_id}&view=to_approve`,
      dueDate: addDays(d.oldest, DRAFT_DAYS),
      recipients: d.recipients,
    });
  }
  for (const s of stale.rows) {
    if (!s.recipients?.length) continue;
    out.push({
      kind: 'overdue',
      subjectType: 'progress_stale',
      subjectKey: `${s.organisation_id}:${today.slice(0, 7)}`,
      title: `${s.code}: ${s.n} aanbeveling(en) zonder recente voortgang`,
      body:
        `${s.n} aanbeveling(en) waarvoor ${s.code} trekker is, hebben sinds ${staleSince} geen goedgekeurde ` +
        'voortgangsupdate. Leg vast wat er is gedaan.',
      link: `/worklist?organisationId=${s.organisation_id}&view=no_progress`,
      dueDate: today,
      recipients: s.recipients,
    });
  }
  return out;
}
