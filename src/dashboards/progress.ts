/**
 * The progress dashboard: the recommendations of a search counted by the status of their latest
 * approved progress update (its own or its clusters'), per group. One statement: the hits of the search, the latest approved
 * status of each (computed once over the approved updates, not per hit), then the counts per group
 * and status.
 */
import type { Queryable } from '../core/db.ts';
import { where } from '../recommendations/service.ts';
import {
  DASHBOARD_STATUSES,
  type DashboardGroup,
  type DashboardQuery,
  type DashboardStatus,
  type ProgressDashboard,
} from './schema.ts';

/** How a group is found from a hit `h` and labelled, per kind of group. */
const GROUPS: Record<DashboardGroup, { join: string; key: string; label: string; labelNl: string }> = {
  instrument: {
    join: 'left join instruments g on g.id = h.instrument_id',
    key: 'g.id::text',
    label: 'g.short_name',
    labelNl: 'g.short_name',
  },
  cycle: {
    join: 'left join cycles g on g.id = h.cycle_id left join instruments gi on gi.id = g.instrument_id',
    key: 'g.id::text',
    label: "gi.short_name || ' – ' || g.label",
    labelNl: "gi.short_name || ' – ' || g.label",
  },
  ministry: {
    join: 'left join organisations g on g.id = h.lead_organisation_id',
    key: 'g.id::text',
    label: 'g.code',
    labelNl: 'g.code',
  },
  theme: {
    join: `left join (select rt.recommendation_id, t.id, t.label_en, t.label_nl from recommendation_terms rt
             join taxonomy_terms t on t.id = rt.term_id and t.scheme = 'uhri_theme') g on g.recommendation_id = h.id`,
    key: 'g.id::text',
    label: 'g.label_en',
    labelNl: 'coalesce(g.label_nl, g.label_en)',
  },
  sdg: {
    join: `left join (select rt.recommendation_id, t.id, t.code, t.label_en, t.label_nl from recommendation_terms rt
             join taxonomy_terms t on t.id = rt.term_id and t.scheme = 'sdg_target') g on g.recommendation_id = h.id`,
    key: 'g.id::text',
    label: "g.code || ' ' || g.label_en",
    labelNl: "g.code || ' ' || coalesce(g.label_nl, g.label_en)",
  },
  mechanism: { join: '', key: 'h.mechanism', label: 'h.mechanism', labelNl: 'h.mechanism' },
};

const NONE_LABEL: Record<DashboardGroup, [string, string]> = {
  instrument: ['No instrument', 'Geen instrument'],
  cycle: ['No cycle', 'Geen cyclus'],
  ministry: ['Not assigned', 'Niet toegewezen'],
  theme: ['No theme', 'Geen thema'],
  sdg: ['No SDG target', 'Geen SDG-subdoel'],
  mechanism: ['', ''],
};

const emptyCounts = () =>
  Object.fromEntries(DASHBOARD_STATUSES.map((s) => [s, 0])) as Record<DashboardStatus, number>;

export async function progressDashboard(q: Queryable, f: DashboardQuery): Promise<ProgressDashboard> {
  const { w } = where(f);
  const g = GROUPS[f.groupBy];
  const r = await q.query<{
    key: string | null;
    label: string | null;
    label_nl: string | null;
    status: DashboardStatus;
    n: number;
  }>(
    `with hits as materialized (
       select r.id, r.mechanism, r.instrument_id, r.cycle_id, r.lead_organisation_id from recommendations r ${w.sql()})
     -- The latest approved status of every recommendation with one (approved updates are far fewer than
     -- recommendations), then joined to the hits: a join, not "in (select id from hits)", which a planner
     -- may run as a scan of the hits per update when they do not fit in memory.
     , latest as (
       select distinct on (p.for_recommendation) p.for_recommendation as recommendation_id, p.status
         from recommendation_progress p
        where p.state = 'approved'
        order by p.for_recommendation, coalesce(p.period_end, p.approved_at::date) desc, p.approved_at desc)
     , st as (select h.*, coalesce(l.status, 'none') as status from hits h left join latest l on l.recommendation_id = h.id)
     select ${g.key} as key, ${g.label} as label, ${g.labelNl} as label_nl, h.status, count(*)::int as n
       from st h ${g.join}
      group by 1, 2, 3, 4
     union all
     select '#total', null, null, status, count(*)::int from st group by status`,
    w.params,
  );
  const rows = new Map<string, ProgressDashboard['rows'][number]>();
  const totals = emptyCounts();
  let total = 0;
  for (const x of r.rows) {
    if (x.key === '#total') {
      totals[x.status] = x.n;
      total += x.n;
      continue;
    }
    const id = x.key ?? '';
    let row = rows.get(id);
    if (!row) {
      const [en, nl] = x.key === null ? NONE_LABEL[f.groupBy] : [x.label ?? '', x.label_nl ?? x.label ?? ''];
      row = { key: x.key, label: en, labelNl: nl, counts: emptyCounts(), total: 0 };
      rows.set(id, row);
    }
    row.counts[x.status] += x.n;
    row.total += x.n;
  }
  // Largest groups first; recommendations without a group last.
  const sorted = [...rows.values()].sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) || b.total - a.total || a.label.localeCompare(b.label),
  );
  return { groupBy: f.groupBy, statuses: [...DASHBOARD_STATUSES], total, totals, rows: sorted };
}
