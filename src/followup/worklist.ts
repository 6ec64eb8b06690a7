/**
 * The worklist of an organisation: the recommendations it leads or is co-responsible for, with what
 * still needs doing (no position, no approved progress in six months, a deadline of its cycle within
 * 90 days or already overdue, drafts to approve). Every signed-in user may read any organisation's worklist: inside the
 * government the follow-up is not secret.
 *
 * One statement answers a request: the counts of every view and the page asked for. It starts from
 * the organisation's own rows (recommendations_lead_idx, recommendation_co_responsible_org_idx) and
 * reads what their progress comes to from recommendation_progress_summary (one row per recommendation,
 * kept by triggers), so it stays fast with hundreds of thousands of recommendations and progress updates.
 */
import type { Actor } from '../core/actor.ts';
import { addDays, addMonths, today } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { loadCycles } from '../cycles/load.ts';
import type { DatePrecision } from '../cycles/schema.ts';
import type { OrgRef } from '../instruments/schema.ts';
import type { Mechanism } from '../recommendations/schema.ts';
import { followUpErrors } from './errors.ts';
import type { GovernmentPosition, ProgressStatus, Worklist, WorklistQuery, WorklistView } from './schema.ts';

/** How far ahead a deadline counts as due soon (an overdue one counts too: it is the most urgent). */
export const DUE_SOON_DAYS = 90;
/** How long an approved update counts as recent progress. */
export const PROGRESS_MONTHS = 6;

/** The condition on the per-recommendation facts that selects each view. */
const VIEW_CONDITION: Record<WorklistView, string> = {
  all: 'true',
  no_position: 'not f.has_position',
  no_progress: 'not f.recent',
  due_soon: 'f.due_date <= $5::date',
  to_approve: 'f.drafts > 0',
};

interface WorklistRow {
  n_all: number;
  n_no_position: number;
  n_no_progress: number;
  n_due_soon: number;
  n_to_approve: number;
  /** Null on the one row that carries only the counts (an empty page). */
  id: string | null;
  role: 'lead' | 'co';
  mechanism: Mechanism;
  body_code: string | null;
  symbol: string | null;
  paragraph: string | null;
  text: string;
  year: number | null;
  position: GovernmentPosition | null;
  has_appreciation: boolean;
  latest_status: ProgressStatus | null;
  latest_at: string | null;
  drafts: number;
  due_date: string | null;
  due_precision: DatePrecision | null;
}

/**
 * The next due date of every cycle that has one (recorded phases and derived deadlines, as the
 * cycles' derived status gives it), read once per request rather than per recommendation.
 */
async function cycleDueDates(q: Queryable, now: string) {
  const ids: string[] = [];
  const dates: string[] = [];
  const precisions: DatePrecision[] = [];
  for (const c of await loadCycles(q, {}, now)) {
    if (!c.status.nextDueDate) continue;
    ids.push(c.id);
    dates.push(c.status.nextDueDate);
    precisions.push(c.status.nextDuePrecision ?? 'day');
  }
  return { ids, dates, precisions };
}

async function organisationOf(q: Queryable, actor: Actor, query: WorklistQuery): Promise<OrgRef> {
  const id = query.organisationId ?? actor.organisationId;
  if (!id) throw followUpErrors.worklist_organisation();
  const r = await q.query<{ id: string; code: string; name_nl: string; name_en: string }>(
    'select id, code, name_nl, name_en from organisations where id = $1',
    [id],
  );
  const o = r.rows[0];
  if (!o) throw notFound('organisation', id);
  return { id: o.id, code: o.code, nameNl: o.name_nl, nameEn: o.name_en };
}

/**
 * The order of the items: the nearest due date first, then the newest year, then symbol and paragraph.
 * Symbols and paragraphs compare byte by byte ("C"): sorting ten thousand rows by the database's
 * language collation costs several times as much, and symbols are codes, not words.
 */
const ORDER = (t: string) =>
  `${t}.due_date nulls last, ${t}.year desc nulls last, ${t}.symbol collate "C" nulls last, ` +
  `${t}.paragraph collate "C" nulls last, ${t}.id`;

const SQL = (view: WorklistView) => `
with mine as (
  select r.id, 'lead'::text as role, r.cycle_id, r.year, r.symbol, r.paragraph
    from recommendations r where r.lead_organisation_id = $1
  union all
  select r.id, 'co', r.cycle_id, r.year, r.symbol, r.paragraph
    from recommendation_co_responsible c join recommendations r on r.id = c.recommendation_id
   where c.organisation_id = $1 and r.lead_organisation_id is distinct from $1
),
due as (select d.cycle_id, d.due_date, d.due_precision
          from unnest($2::uuid[], $3::date[], $8::text[]) as d(cycle_id, due_date, due_precision)),
facts as materialized (
  select m.id, m.role, d.due_date, d.due_precision, m.year, m.symbol, m.paragraph,
         p.id is not null as has_position, p.position, p.appreciation is not null as has_appreciation,
         coalesce(g.drafts, 0) as drafts, coalesce(g.last_approved_at >= $4::date, false) as recent,
         g.latest_status, g.latest_at
    from mine m
    left join due d on d.cycle_id = m.cycle_id
    left join recommendation_positions p on p.id = m.id
    -- What its progress comes to, its own and its clusters' (kept by triggers: migration 0020).
    left join recommendation_progress_summary g on g.recommendation_id = m.id
),
counts as (
  select count(*)::int as n_all,
         count(*) filter (where not f.has_position)::int as n_no_position,
         count(*) filter (where not f.recent)::int as n_no_progress,
         count(*) filter (where f.due_date <= $5::date)::int as n_due_soon,
         count(*) filter (where f.drafts > 0)::int as n_to_approve
    from facts f
),
page as (
  select f.* from facts f where ${VIEW_CONDITION[view]} order by ${ORDER('f')} limit $6 offset $7
)
select c.*, pg.id, pg.role, pg.due_date, pg.due_precision, pg.year, pg.symbol, pg.paragraph, pg.position,
       coalesce(pg.has_appreciation, false) as has_appreciation, pg.drafts, pg.latest_status, pg.latest_at,
       r.mechanism, r.body_code, r.text
  from counts c
  left join page pg on true
  left join recommendations r on r.id = pg.id
 order by ${ORDER('pg')}`;

/** The organisation's worklist (the query's organisation, else the actor's own). */
export async function getWorklist(q: Queryable, actor: Actor, query: WorklistQuery): Promise<Worklist> {
  const organisation = await organisationOf(q, actor, query);
  const now = today();
  const due = await cycleDueDates(q, now);
  const r = await q.query<WorklistRow>(SQL(query.view), [
    organisation.id,
    due.ids,
    due.dates,
    addMonths(now, -PROGRESS_MONTHS),
    addDays(now, DUE_SOON_DAYS),
    query.pageSize,
    (query.page - 1) * query.pageSize,
    due.precisions,
  ]);
  const first = r.rows[0]!;
  const counts = {
    all: first.n_all,
    noPosition: first.n_no_position,
    noProgress: first.n_no_progress,
    dueSoon: first.n_due_soon,
    toApprove: first.n_to_approve,
  };
  const total: Record<WorklistView, number> = {
    all: counts.all,
    no_position: counts.noPosition,
    no_progress: counts.noProgress,
    due_soon: counts.dueSoon,
    to_approve: counts.toApprove,
  };
  return {
    organisation,
    view: query.view,
    counts,
    items: r.rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id!,
        mechanism: row.mechanism,
        bodyCode: row.body_code,
        symbol: row.symbol,
        paragraph: row.paragraph,
        text: row.text,
        year: row.year,
        role: row.role,
        position: row.position,
        hasAppreciation: row.has_appreciation,
        latestStatus: row.latest_status,
        latestProgressAt: row.latest_at,
        draftsToApprove: row.drafts,
        dueDate: row.due_date,
        dueDatePrecision: row.due_precision,
      })),
    total: total[query.view],
    page: query.page,
    pageSize: query.pageSize,
  };
}
