/**
 * What the annual letter on treaty reporting says about a year, read from the data: the network's
 * meetings and process guides, the treaty overview, the cycle phases and documents dated in the
 * year per treaty, the follow-up of the Kingdom's recommendations (positions and approved progress)
 * and the recommendations received in the year per document.
 */
import type { DatePrecision } from '../../core/dates.ts';
import type { Queryable } from '../../core/db.ts';
import type { GovernmentPosition } from '../../followup/schema.ts';
import { treatyOverview } from '../../instruments/overview.ts';
import { KINGDOM_NAMES } from '../../recommendations/link-cycle.ts';

export interface MeetingFact {
  id: string;
  title: string;
  date: string;
  location: string | null;
  organisations: number;
  agenda: string[];
}

export interface TreatyEvent {
  code: string;
  name: string;
  date: string;
  precision: DatePrecision;
  /** A phase of a cycle, or a document. */
  what:
    | { phase: string; cycle: string; symbol: string | null }
    | { document: string; kind: string; symbol: string | null };
}

export interface FollowUpFacts {
  total: number;
  byPosition: { position: GovernmentPosition | null; n: number }[];
  /** Recommendations with a free appreciation only (treaty bodies and others). */
  appreciated: number;
  withApprovedProgress: number;
  approvedInYear: number;
  byStatus: { status: string; n: number }[];
  byMechanism: { mechanism: string; total: number; positions: number; progress: number }[];
}

export interface ReceivedRecommendation {
  group: string;
  paragraph: string | null;
  text: string;
  position: GovernmentPosition | null;
  recorded: boolean;
}

/** The first and the last day of the year, for a range on a date column. */
const range = (year: number) => [`${year}-01-01`, `${year}-12-31`];

export async function meetingsIn(q: Queryable, year: number): Promise<MeetingFact[]> {
  const r = await q.query<MeetingFact>(
    `select m.id, m.title, m.date::text as date, m.location,
            (select count(distinct p.organisation_id)::int from meeting_participants p where p.meeting_id = m.id) as organisations,
            coalesce((select array_agg(a.title order by a.position) from meeting_agenda_items a where a.meeting_id = m.id), '{}') as agenda
       from meetings m where m.date between $1 and $2 order by m.date, m.title`,
    range(year),
  );
  return r.rows;
}

export async function processGuides(q: Queryable): Promise<{ name: string; steps: number }[]> {
  const r = await q.query<{ name: string; steps: number }>(
    `select t.name_nl as name, (select count(*)::int from process_template_steps s where s.template_id = t.id) as steps
       from process_templates t order by t.name_nl`,
  );
  return r.rows;
}

/** The rows of the overview table: the treaties the Kingdom is party to (not the UPR, not optional protocols). */
export async function overviewRows(q: Queryable) {
  return (await treatyOverview(q)).filter((r) => r.kind === 'treaty');
}

/** The phases and documents dated in the year, per treaty (an optional protocol's under its treaty). */
export async function treatyEvents(q: Queryable, year: number): Promise<TreatyEvent[]> {
  const phases = await q.query<{
    code: string;
    name: string;
    date: string;
    precision: DatePrecision;
    phase: string;
    cycle: string;
    symbol: string | null;
  }>(
    `select coalesce(pi.code, i.code) as code, coalesce(pi.name_nl, i.name_nl) as name, p.date::text as date,
            p.date_precision as precision, p.kind as phase, c.label as cycle, p.symbol
       from cycle_phases p join cycles c on c.id = p.cycle_id join instruments i on i.id = c.instrument_id
       left join instruments pi on pi.id = i.parent_id
      where p.date between $1 and $2`,
    range(year),
  );
  const docs = await q.query<{
    code: string;
    name: string;
    date: string;
    document: string;
    kind: string;
    symbol: string | null;
  }>(
    `select coalesce(pi.code, i.code) as code, coalesce(pi.name_nl, i.name_nl) as name, d.date::text as date,
            d.title as document, d.kind, d.symbol
       from documents d
       left join cycles c on c.id = d.cycle_id
       join instruments i on i.id = coalesce(d.instrument_id, c.instrument_id)
       left join instruments pi on pi.id = i.parent_id
      where d.date between $1 and $2`,
    range(year),
  );
  return [
    ...phases.rows.map(({ code, name, date, precision, phase, cycle, symbol }) => ({
      code,
      name,
      date,
      precision,
      what: { phase, cycle, symbol },
    })),
    ...docs.rows.map(({ code, name, date, document, kind, symbol }) => ({
      code,
      name,
      date,
      precision: 'day' as const,
      what: { document, kind, symbol },
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export async function followUpFacts(q: Queryable, year: number): Promise<FollowUpFacts> {
  const kingdom = [KINGDOM_NAMES];
  const count = async <T>(sql: string, params: unknown[] = kingdom) => (await q.query<T>(sql, params)).rows;
  const [totals] = await count<{ total: number; appreciated: number; progress: number }>(
    `select count(*)::int as total,
            count(*) filter (where p.id is not null and p.position is null)::int as appreciated,
            count(*) filter (where s.last_approved_at is not null)::int as progress
       from recommendations r
       left join recommendation_positions p on p.id = r.id
       left join recommendation_progress_summary s on s.recommendation_id = r.id
      where r.state_under_review = any($1)`,
  );
  const byPosition = await count<{ position: GovernmentPosition | null; n: number }>(
    `select p.position, count(*)::int as n from recommendations r join recommendation_positions p on p.id = r.id
      where r.state_under_review = any($1) and p.position is not null group by 1
      order by array_position(array['supported', 'supported_in_part', 'noted', 'agrees', 'partly_agrees',
               'disagrees', 'under_consideration'], p.position)`,
  );
  const byStatus = await count<{ status: string; n: number }>(
    `select s.latest_status as status, count(*)::int as n
       from recommendations r join recommendation_progress_summary s on s.recommendation_id = r.id
      where r.state_under_review = any($1) and s.latest_status is not null group by 1 order by 2 desc, 1`,
  );
  const byMechanism = await count<{ mechanism: string; total: number; positions: number; progress: number }>(
    `select r.mechanism, count(*)::int as total, count(p.id)::int as positions,
            count(*) filter (where s.last_approved_at is not null)::int as progress
       from recommendations r
       left join recommendation_positions p on p.id = r.id
       left join recommendation_progress_summary s on s.recommendation_id = r.id
      where r.state_under_review = any($1) group by 1 order by 2 desc, 1`,
  );
  const [approved] = await count<{ n: number }>(
    `select count(*)::int as n from progress_updates
      where state = 'approved' and approved_at >= $1::date and approved_at < ($1::date + interval '1 year')`,
    [`${year}-01-01`],
  );
  return {
    total: totals!.total,
    byPosition,
    appreciated: totals!.appreciated,
    withApprovedProgress: totals!.progress,
    approvedInYear: approved!.n,
    byStatus,
    byMechanism,
  };
}

/**
 * The Kingdom's recommendations received in the year, each with the document it came from (its
 * symbol, else its body): those of the year, and those of a document dated in the year (a row of
 * the documents table, or the report or concluding observations a cycle phase records).
 */
export async function receivedIn(q: Queryable, year: number): Promise<ReceivedRecommendation[]> {
  const r = await q.query<ReceivedRecommendation>(
    `select coalesce(r.symbol, d.symbol, d.title, b.code, r.body_code, r.mechanism) as "group",
            r.paragraph, coalesce(r.text_nl, r.text) as text, p.position, (p.id is not null) as recorded
       from recommendations r
       left join recommendation_positions p on p.id = r.id
       left join documents d on d.id = r.document_id
       left join monitoring_bodies b on b.id = r.monitoring_body_id
      where r.state_under_review = any($1)
        and (r.year = $2
             or exists (select 1 from documents x where (x.id = r.document_id or upper(x.symbol) = upper(r.symbol))
                          and x.date between $3 and $4)
             or exists (select 1 from cycle_phases x where upper(x.symbol) = upper(r.symbol)
                          and x.kind in ('concluding_observations', 'upr_wg_report', 'evaluation_report')
                          and x.date between $3 and $4))`,
    [KINGDOM_NAMES, year, ...range(year)],
  );
  return r.rows;
}
