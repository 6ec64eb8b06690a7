/**
 * The follow-up's reminders, sent through the notification channel (src/notifications/): one notice
 * per organisation, not one per recommendation, so that a ministry with thousands of
 * recommendations hears what needs doing without being flooded.
 * - Drafts waiting: progress updates still a draft DRAFT_DAYS after they were written; the
 *   coordinators of the lead and co-responsible organisations hear of them (at most once a week).
 * - No progress: recommendations an organisation leads without an approved update in the last
 *   STALE_MONTHS; its coordinators hear of them (at most once a month).
 */
import { addDays } from '../core/dates.ts';
import { ACTION_DAYS, DRAFT_DAYS, STALE_MONTHS, followUpBacklog } from './backlog.ts';
import type { Queryable } from '../core/db.ts';
import type { Reminder } from '../notifications/reminders.ts';

export { DRAFT_DAYS, STALE_MONTHS };

/** The Monday of the week of a day (YYYY-MM-DD): drafts are reminded of once per week. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

export async function followUpReminders(q: Queryable, today: string): Promise<Reminder[]> {
  const { drafts, stale, staleSince, actions } = await followUpBacklog(q, today);
  const out: Reminder[] = [];
  const week = weekOf(today);
  for (const d of drafts) {
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
  for (const s of stale) {
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
  for (const a of actions) {
    if (!a.recipients?.length) continue;
    const soon = a.n - a.overdue;
    out.push({
      kind: a.overdue ? 'overdue' : 'near',
      subjectType: 'action_due',
      subjectKey: `${a.organisation_id}:${week}`,
      title: `${a.code}: ${[a.overdue ? `${a.overdue} maatregel(en) verlopen` : '', soon ? `${soon} binnen ${ACTION_DAYS} dagen` : ''].filter(Boolean).join(', ')}`,
      body:
        `${a.code} is eigenaar van ${a.n} maatregel(en) die binnen ${ACTION_DAYS} dagen aflopen of zijn afgelopen zonder ` +
        'vastgelegd resultaat. Leg het resultaat vast of pas de einddatum aan.',
      link: `/actions?organisationId=${a.organisation_id}`,
      dueDate: a.oldest,
      recipients: a.recipients,
    });
  }
  return out;
}
