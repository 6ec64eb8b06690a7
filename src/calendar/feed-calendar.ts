import type { Queryable } from '../core/db.ts';
import { openDeadlines } from './deadlines.ts';
import { calendarErrors } from './errors.ts';
import { hashToken } from './feeds.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';
import { phaseLabel, type Lang } from './labels.ts';
import type { FeedOwnerRow } from './rows.ts';
import type { Deadline } from './schema.ts';

const periodText = (lang: Lang, d: Deadline) =>
  d.datePrecision === 'day'
    ? ''
    : lang === 'nl'
      ? ` (${d.datePrecision === 'year' ? 'jaar' : 'maand'} ${d.datePrecision === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7)}, precieze datum onbekend)`
      : ` (${d.datePrecision} ${d.datePrecision === 'year' ? d.date.slice(0, 4) : d.date.slice(0, 7)}, exact date unknown)`;

const calendarName = (lang: Lang, feed: FeedOwnerRow) => {
  const whose = feed.org_code ? ` ${feed.org_code}` : feed.user_name ? ` (${feed.user_name})` : '';
  return lang === 'nl' ? `Rightsdesk-termijnen${whose}` : `Rightsdesk deadlines${whose}`;
};

function eventOf(d: Deadline, lang: Lang, origin: string): IcsEvent {
  const overdue = d.overdue ? (lang === 'nl' ? '[VERSTREKEN] ' : '[OVERDUE] ') : '';
  const how = d.derived
    ? lang === 'nl'
      ? `Afgeleide datum${d.overridden ? ' (handmatig aangepast)' : ''}: ${d.ruleNl ?? d.rule ?? ''}. Regel niet geverifieerd.`
      : `Derived date${d.overridden ? ' (overridden)' : ''}: ${d.rule ?? ''}. Rule unverified.`
    : lang === 'nl'
      ? 'Vastgelegde datum.'
      : 'Recorded date.';
  return {
    uid: `${d.cycleId}.${d.kind}@rightsdesk`,
    date: d.date,
    summary: `${overdue}${d.instrumentShortName}: ${phaseLabel(lang, d.kind)}${periodText(lang, d)} – ${d.cycleLabel}`,
    description: `${lang === 'nl' ? d.instrumentNameNl : d.instrumentNameEn}\n${how}${
      d.lead ? `\n${lang === 'nl' ? 'Verantwoordelijk' : 'Lead'}: ${d.lead.code}` : ''
    }`,
    url: `${origin}/instruments/${d.instrumentId}`,
    alarmDaysBefore: 14,
  };
}

/** The iCalendar text of the feed with this token, or 404 for an unknown or revoked token. */
export async function feedCalendar(
  q: Queryable,
  token: string,
  opts: { lang: Lang; origin: string; now?: Date },
): Promise<string> {
  const r = await q.query<FeedOwnerRow>(
    `select f.user_id, f.organisation_id, u.name as user_name, u.organisation_id as user_org, o.code as org_code
       from calendar_feeds f left join users u on u.id = f.user_id
       left join organisations o on o.id = f.organisation_id
      where f.token_hash = $1 and (f.user_id is null or u.active)`,
    [hashToken(token)],
  );
  const feed = r.rows[0];
  if (!feed) throw calendarErrors.feed_link_unknown();
  const organisationId = feed.organisation_id ?? feed.user_org ?? undefined;
  const deadlines = await openDeadlines(q, { organisationId });
  return buildCalendar({
    name: calendarName(opts.lang, feed),
    events: deadlines.map((d) => eventOf(d, opts.lang, opts.origin)),
    ...(opts.now ? { now: opts.now } : {}),
  });
}
