/**
 * The reminders of the requests for contributions to a state report, sent through the notification
 * channel (src/notifications/reminders.ts calls this): a request whose contribution is not yet
 * submitted and whose deadline is within REQUEST_NEAR_DAYS days ('near') or has passed ('overdue')
 * reaches the coordinators and contributors of the organisation asked, once per request, deadline
 * and kind (a moved deadline reminds again).
 */
import { addDays } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { dutchDate } from '../letters/dates.ts';
import type { Recipient, Reminder } from '../notifications/reminders.ts';

/** Days before its deadline that an open request is reminded of. */
export const REQUEST_NEAR_DAYS = 7;

/** The link of a request in the browser app. */
export const requestLink = (id: string): string => `/bijdrageverzoeken/${id}`;

interface OpenRequestRow {
  id: string;
  deadline: string;
  heading: string;
  report_title: string;
  code: string;
  recipients: Recipient[] | null;
}

export async function stateReportReminders(q: Queryable, today: string): Promise<Reminder[]> {
  const r = await q.query<OpenRequestRow>(
    `select rq.id, rq.deadline::text as deadline, s.heading, sr.title as report_title, o.code,
            (select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) order by u.email)
               from users u
              where u.organisation_id = rq.organisation_id and u.active
                and u.role in ('coordinator', 'contributor')) as recipients
       from state_report_requests rq
       join state_report_sections s on s.id = rq.section_id
       join state_reports sr on sr.id = rq.report_id
       join organisations o on o.id = rq.organisation_id
       left join state_report_contributions c on c.request_id = rq.id
      where rq.deadline <= $1::date and sr.submitted_on is null
        and (c.id is null or c.state = 'draft')
      order by rq.deadline, rq.id`,
    [addDays(today, REQUEST_NEAR_DAYS)],
  );
  return r.rows
    .filter((x) => x.recipients?.length)
    .map((x): Reminder => {
      const kind = x.deadline < today ? ('overdue' as const) : ('near' as const);
      const what = `de bijdrage van ${x.code} aan "${x.heading}" (${x.report_title})`;
      return {
        kind,
        subjectType: 'state_report_request',
        subjectKey: `${x.id}:${x.deadline}`,
        title: `${x.code}: bijdrage aan ${x.heading}`,
        body:
          kind === 'near'
            ? `Herinnering: ${what} moet uiterlijk ${dutchDate(x.deadline)} zijn ingediend.`
            : `Verlopen: ${what} had uiterlijk ${dutchDate(x.deadline)} ingediend moeten zijn. Een late bijdrage wordt nog aangenomen.`,
        link: requestLink(x.id),
        dueDate: x.deadline,
        recipients: x.recipients!,
      };
    });
}
