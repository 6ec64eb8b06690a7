/**
 * The follow-up priorities: the paragraphs a treaty body marked for follow-up (recommendations.follow_up),
 * within a search's filters, with the deadline of the follow-up report of their cycle (recorded, or
 * derived by the body's rule: src/cycles/load.ts), the lead, the position and the latest approved
 * progress; the soonest deadline first.
 */
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { effectivePhases, loadCycles } from '../cycles/load.ts';
import { where } from '../recommendations/service.ts';
import type { DashboardQuery, DashboardStatus, Priorities } from './schema.ts';

type Precision = 'day' | 'month' | 'year';

/** Each cycle's follow-up deadline and whether the follow-up report was sent. */
async function followUpDeadlines(q: Queryable, now: string) {
  const out = new Map<string, { date: string | null; precision: Precision | null; submitted: boolean }>();
  for (const c of await loadCycles(q, {}, now)) {
    const phases = effectivePhases(c);
    const due = phases.find((p) => p.kind === 'follow_up_due' && p.date);
    const submitted = phases.some((p) => p.kind === 'follow_up_submitted' && p.date);
    out.set(c.id, {
      date: due?.date ?? null,
      precision: (due?.datePrecision as Precision) ?? null,
      submitted,
    });
  }
  return out;
}

export async function priorities(q: Queryable, f: Omit<DashboardQuery, 'groupBy'>): Promise<Priorities> {
  const { w } = where({ ...f, followUp: 'true' });
  w.add("r.mechanism = 'treaty_body'");
  const r = await q.query<{
    id: string;
    body_code: string | null;
    symbol: string | null;
    paragraph: string | null;
    text: string;
    cycle_id: string | null;
    lead: string | null;
    position: string | null;
    latest: DashboardStatus | null;
  }>(
    `select r.id, r.body_code, r.symbol, r.paragraph, r.text, r.cycle_id, o.code as lead,
            coalesce(p.position, p.appreciation) as position,
            (select pr.status from recommendation_progress pr where pr.for_recommendation = r.id and pr.state = 'approved'
              order by coalesce(pr.period_end, pr.approved_at::date) desc, pr.approved_at desc limit 1) as latest
       from recommendations r
       left join organisations o on o.id = r.lead_organisation_id
       left join recommendation_positions p on p.id = r.id
       ${w.sql()}
      limit 2000`,
    w.params,
  );
  const now = today();
  const deadlines = await followUpDeadlines(q, now);
  const items = r.rows.map((x) => {
    const d = x.cycle_id ? deadlines.get(x.cycle_id) : undefined;
    const dueDate = d?.date ?? null;
    return {
      id: x.id,
      bodyCode: x.body_code,
      symbol: x.symbol,
      paragraph: x.paragraph,
      text: x.text,
      lead: x.lead,
      position: x.position,
      latestStatus: x.latest ?? 'none',
      dueDate,
      duePrecision: d?.precision ?? null,
      submitted: d?.submitted ?? false,
      overdue: Boolean(dueDate && dueDate < now && !d?.submitted),
    };
  });
  items.sort(
    (a, b) =>
      Number(a.dueDate === null) - Number(b.dueDate === null) ||
      (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
      (a.symbol ?? '').localeCompare(b.symbol ?? '') ||
      (a.paragraph ?? '').localeCompare(b.paragraph ?? '', 'en', { numeric: true }),
  );
  return { items, total: items.length };
}
