/**
 * The reminders of commitments, sent through the notification scan (src/notifications/): per
 * responsible organisation and week, one notice to its coordinators of the commitments still open
 * (or partly done) that fall due within NEAR_DAYS or are overdue.
 */
import { addDays } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import type { Reminder } from '../notifications/reminders.ts';

/** Days before its due date that a commitment is reminded of. */
export const COMMITMENT_NEAR_DAYS = 14;

/** The Monday of the week of a day: a reminder is sent at most once a week per organisation. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

interface Due {
  organisation_id: string;
  code: string;
  n: number;
  overdue: number;
  oldest: string;
  recipients: { id: string; email: string; name: string }[] | null;
}

export async function commitmentReminders(q: Queryable, today: string): Promise<Reminder[]> {
  const r = await q.query<Due>(
    `select o.id as organisation_id, o.code, count(*)::int as n,
            count(*) filter (where c.due_on < $1::date)::int as overdue, min(c.due_on)::text as oldest,
            (select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) order by u.email)
               from users u where u.active and u.role = 'coordinator' and u.organisation_id = o.id) as recipients
       from commitments c join organisations o on o.id = c.organisation_id
      where c.status in ('open', 'partly_done') and c.due_on <= $2::date
      group by o.id, o.code order by o.code`,
    [today, addDays(today, COMMITMENT_NEAR_DAYS)],
  );
  const week = weekOf(today);
  return r.rows
    .filter((d) => d.recipients?.length)
    .map((d) => {
      const soon = d.n - d.overdue;
      return {
        kind: d.overdue ? 'overdue' : 'near',
        subjectType: 'commitment_due',
        subjectKey: `${d.organisation_id}:${week}`,
        title: `${d.code}: ${[
          d.overdue ? `${d.overdue} toezegging(en) of motie(s) verlopen` : '',
          soon ? `${soon} binnen ${COMMITMENT_NEAR_DAYS} dagen` : '',
        ]
          .filter(Boolean)
          .join(', ')}`,
        body:
          `${d.code} is verantwoordelijk voor ${d.n} toezegging(en) of motie(s) aan het parlement die binnen ` +
          `${COMMITMENT_NEAR_DAYS} dagen aflopen of al zijn verlopen (de oudste op ${d.oldest}). ` +
          'Leg vast wat er is gedaan, met de brief of het document als bewijs, of pas de datum aan.',
        link: `/commitments?organisationId=${d.organisation_id}&overdue=true`,
        dueDate: d.oldest,
        recipients: d.recipients!,
      } satisfies Reminder;
    });
}
