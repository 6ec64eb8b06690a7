/**
 * What is near (within NEAR_DAYS) or overdue on a given day, and who must hear of it: the next
 * deadline of each cycle (from its derived status), the open tasks with a due date, and the
 * follow-up's progress drafts waiting and recommendations without recent progress (src/followup/reminders.ts).
 */
import { phaseLabel } from '../calendar/labels.ts';
import { cycleLabelNl } from '../cycles/labels.ts';
import type { Actor } from '../core/actor.ts';
import { addDays, endOfPeriod } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { loadCycles } from '../cycles/service.ts';
import { ownersOfRow, type InstrumentOwners } from '../instruments/policy.ts';
import { reminderPolicy } from './policy.ts';
import { followUpReminders } from '../followup/reminders.ts';
import { commitmentReminders } from '../commitments/reminders.ts';
import { stateReportReminders } from '../state-report/contributions-reminders.ts';
import type { RecipientRow } from './rows.ts';

/** Days before a deadline or task due date that the "near" reminder is sent. */
export const NEAR_DAYS = 14;

/** A due date written at its precision: 2019-12-01 of precision month is "2019-12". */
const KEY_LENGTH = { day: 10, month: 7, year: 4 } as const;

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

export interface Reminder {
  kind: 'near' | 'overdue';
  subjectType:
    | 'cycle_deadline'
    | 'task'
    | 'progress_draft'
    | 'progress_stale'
    | 'action_due'
    | 'commitment_due'
    | 'state_report_request';
  subjectKey: string;
  title: string;
  body: string;
  link: string | null;
  dueDate: string;
  recipients: Recipient[];
}

const STEP_NL: Record<string, string> = {
  report_due: 'rapportage',
  replies_due: 'antwoorden op de lijst van vragen',
  follow_up_due: 'follow-uprapportage',
  next_report_due: 'volgende rapportage',
};

function reminderText(kind: 'near' | 'overdue', what: { nl: string; en: string }, due: string) {
  return kind === 'near'
    ? {
        nl: `Herinnering: ${what.nl} moet uiterlijk ${due} klaar zijn.`,
        en: `Reminder: ${what.en} is due by ${due}.`,
      }
    : {
        nl: `Verlopen: ${what.nl} had uiterlijk ${due} klaar moeten zijn.`,
        en: `Overdue: ${what.en} was due by ${due}.`,
      };
}

/** A user as the rules see them. */
interface Candidate extends Actor {
  recipient: Recipient;
}

async function candidates(q: Queryable): Promise<Candidate[]> {
  const r = await q.query<RecipientRow>(
    `select u.id, u.email, u.name, u.role, u.organisation_id, o.code as organisation_code
       from users u join organisations o on o.id = u.organisation_id
      where u.active and u.role in ('coordinator', 'contributor')
      order by u.email`,
  );
  return r.rows.map((u) => ({
    id: u.id,
    label: u.name,
    role: u.role,
    organisationId: u.organisation_id,
    organisationCode: u.organisation_code,
    recipient: { id: u.id, email: u.email, name: u.name },
  }));
}

const recipientsWhere = (users: Candidate[], rule: (u: Candidate) => boolean): Recipient[] =>
  users.filter(rule).map((u) => u.recipient);

/** The next deadline of every cycle that is near or overdue on the day. */
async function deadlineReminders(q: Queryable, users: Candidate[], today: string): Promise<Reminder[]> {
  const horizon = addDays(today, NEAR_DAYS);
  const instruments = await q.query<{
    id: string;
    short_name: string;
    lead_organisation_id: string | null;
    coordinating_organisation_id: string | null;
  }>('select id, short_name, lead_organisation_id, coordinating_organisation_id from instruments');
  const instrumentById = new Map(
    instruments.rows.map((i): [string, { name: string; owners: InstrumentOwners }] => [
      i.id,
      { name: i.short_name, owners: ownersOfRow(i) },
    ]),
  );
  const out: Reminder[] = [];
  for (const cycle of await loadCycles(q, {}, today)) {
    const s = cycle.status;
    if (!s.nextStep || !s.nextDueDate) continue;
    const inst = instrumentById.get(cycle.instrumentId);
    if (!inst) continue;
    const due = endOfPeriod(s.nextDueDate, s.nextDuePrecision ?? 'day');
    const kind = s.overdue ? 'overdue' : due >= today && due <= horizon ? 'near' : null;
    if (!kind) continue;
    const lead = recipientsWhere(users, (u) => reminderPolicy.hearsOfDeadline(u, inst.owners));
    const escalation =
      kind === 'overdue' || lead.length === 0
        ? recipientsWhere(users, (u) => reminderPolicy.hearsOfEscalation(u, inst.owners))
        : [];
    const recipients = [...new Map([...lead, ...escalation].map((r) => [r.id, r])).values()];
    if (!recipients.length) continue;
    const name = `${inst.name} – ${cycle.label}`;
    const nameNl = `${inst.name} – ${cycleLabelNl(cycle.label)}`;
    const step = s.nextStep.replace(/_/g, ' ');
    const text = reminderText(
      kind,
      { nl: `${nameNl}: ${STEP_NL[s.nextStep] ?? phaseLabel('nl', s.nextStep)}`, en: `${name}: ${step}` },
      s.nextDueDate.slice(0, KEY_LENGTH[s.nextDuePrecision ?? 'day']),
    );
    out.push({
      kind,
      subjectType: 'cycle_deadline',
      subjectKey: `${cycle.id}:${s.nextStep}:${s.nextDueDate}`,
      // The title is the notification's and the e-mail's subject: in Dutch, the app's language.
      title: `${nameNl} (${phaseLabel('nl', s.nextStep).toLowerCase()})`,
      body: text.nl,
      link: `/instruments/${cycle.instrumentId}`,
      dueDate: due,
      recipients,
    });
  }
  return out;
}

/** The open tasks due by the horizon: near, or overdue when their date has passed. */
async function taskReminders(q: Queryable, users: Candidate[], today: string): Promise<Reminder[]> {
  const tasks = await q.query<{
    id: string;
    title: string;
    due_date: string;
    owner_organisation_id: string | null;
    instrument_id: string | null;
  }>(
    `select t.id, t.title, t.due_date, t.owner_organisation_id, cy.instrument_id
       from tasks t left join cycles cy on cy.id = t.cycle_id
      where t.status in ('open', 'in_progress') and t.due_date is not null and t.due_date <= $1
      order by t.due_date, t.id`,
    [addDays(today, NEAR_DAYS)],
  );
  const out: Reminder[] = [];
  for (const t of tasks.rows) {
    const due = t.due_date;
    const kind = due < today ? 'overdue' : 'near';
    const recipients = recipientsWhere(users, (u) => reminderPolicy.hearsOfTask(u, t.owner_organisation_id));
    if (!recipients.length) continue;
    const text = reminderText(kind, { nl: `de taak "${t.title}"`, en: `the task "${t.title}"` }, due);
    out.push({
      kind,
      subjectType: 'task',
      subjectKey: `${t.id}:${due}`,
      title: t.title,
      body: text.nl,
      link: t.instrument_id ? `/instruments/${t.instrument_id}` : null,
      dueDate: due,
      recipients,
    });
  }
  return out;
}

/** What is near or overdue on the day, with who must hear of it. */
export async function collectReminders(q: Queryable, today: string): Promise<Reminder[]> {
  const users = await candidates(q);
  return [
    ...(await deadlineReminders(q, users, today)),
    ...(await taskReminders(q, users, today)),
    ...(await followUpReminders(q, today)),
    ...(await commitmentReminders(q, today)),
    ...(await stateReportReminders(q, today)),
  ];
}
