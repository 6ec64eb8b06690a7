/**
 * The progress dashboard: the recommendations of a search counted by the status of their latest
 * approved progress update (its own or its clusters'), per group: the counts in one statement, then
 * the labels of the groups found.
 */
import type { Queryable } from '../core/db.ts';
import type { FacetIndex } from '../recommendations/facet-index.ts';
import { indexedHits, where } from '../recommendations/service.ts';
import {
  DASHBOARD_STATUSES,
  type DashboardGroup,
  type DashboardQuery,
  type DashboardStatus,
  type ProgressDashboard,
} from './schema.ts';

/**
 * Groups a recommendation has one of (or none): the column counted by, and how the labels of the keys
 * found are read afterwards (a few rows, not one label per recommendation).
 */
const SINGLE: Record<
  'instrument' | 'cycle' | 'ministry' | 'mechanism',
  { column: string; facet: string; labels: string | null }
> = {
  instrument: {
    column: 'r.instrument_id',
    facet: 'instrument',
    labels:
      'select g.id::text as key, g.short_name as label, g.short_name as label_nl from instruments g where g.id = any($1::uuid[])',
  },
  cycle: {
    column: 'r.cycle_id',
    facet: 'cycle',
    labels: `select g.id::text as key, gi.short_name || ' – ' || g.label as label, gi.short_name || ' – ' || g.label as label_nl
               from cycles g left join instruments gi on gi.id = g.instrument_id where g.id = any($1::uuid[])`,
  },
  ministry: {
    column: 'r.lead_organisation_id',
    facet: 'lead',
    labels:
      'select g.id::text as key, g.code as label, g.code as label_nl from organisations g where g.id = any($1::uuid[])',
  },
  mechanism: { column: 'r.mechanism', facet: 'mechanism', labels: null },
};

/** Groups a recommendation may have several of: the terms of one taxonomy scheme. */
const MULTI: Record<'theme' | 'sdg', { scheme: string; label: string; labelNl: string }> = {
  theme: { scheme: 'uhri_theme', label: 'g.label_en', labelNl: 'coalesce(g.label_nl, g.label_en)' },
  sdg: {
    scheme: 'sdg_target',
    label: "g.code || ' ' || g.label_en",
    labelNl: "g.code || ' ' || coalesce(g.label_nl, g.label_en)",
  },
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

/** Up to how many hits (as the planner estimates them) their terms are looked up one by one. */
const LOOK_UP_HITS = 60_000;

interface CountRow {
  key: string | null;
  status: DashboardStatus;
  n: number;
  /** The row counts all the hits of the status, not one group. */
  total: boolean;
}

/**
 * The counts per group and status, and per status over all hits. Every hit's status comes from
 * recommendation_progress_summary (one narrow row per recommendation with progress, kept by
 * triggers), never from the updates themselves. A single-valued group is one pass over the hits
 * (grouping sets); a taxonomy is counted over the hits' terms, with the hits without a term of the
 * scheme counted apart.
 */
export async function countsOfSearch(
  q: Queryable,
  f: DashboardQuery,
  /** For tests: take the one way or the other, whatever the estimates. */
  force?: 'look-up' | 'join',
): Promise<CountRow[]> {
  const found = force ? null : await indexedHits(q, f);
  if (found) return countsFromIndex(q, f, found);
  const { w } = where(f);
  const hits = `select r.id, coalesce(s.latest_status, 'none') as status
                  from recommendations r left join recommendation_progress_summary s on s.recommendation_id = r.id
                  ${w.sql()}`;
  if (f.groupBy === 'theme' || f.groupBy === 'sdg') {
    const terms = `select t.id from taxonomy_terms t where t.scheme = '${MULTI[f.groupBy].scheme}'`;
    // A few hits' terms are read by one index scan over their ids; for many, or when the scheme has
    // fewer tags than there are hits, the scheme's tags are joined at once. The planner's estimate of
    // the hits and the kept count of the scheme's tags decide (left to itself, it joins all tags).
    const plan = await q.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      `explain (format json) select 1 from recommendations r ${w.sql()}`,
      w.params,
    );
    const hitsEstimate = plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Infinity;
    const tagged = await q.query<{ n: number }>(
      `select coalesce(sum(c.n), 0)::int as n from recommendation_facet_counts c
        where c.facet = 'term' and c.value in (select id::text from (${terms}) t)`,
    );
    const few = force
      ? force === 'look-up'
      : hitsEstimate <= LOOK_UP_HITS && hitsEstimate < (tagged.rows[0]?.n ?? 0);
    const tags = few
      ? `left join (select rt.recommendation_id, rt.term_id from recommendation_terms rt
                     where rt.recommendation_id = any(array(select id from hits))
                       and rt.term_id = any(array(${terms}))) x on x.recommendation_id = h.id`
      : `left join (select rt.recommendation_id, rt.term_id from recommendation_terms rt
                     where rt.term_id = any(array(${terms}))) x on x.recommendation_id = h.id`;
    const r = await q.query<CountRow>(
      `with hits as materialized (${hits})
       -- Each hit with its terms of the scheme (none: one row with a null key).
       select x.term_id::text as key, h.status, count(*)::int as n, false as total
         from hits h ${tags}
        group by 1, 2
       union all
       select null, h.status, count(*)::int, true from hits h group by 2`,
      w.params,
    );
    return r.rows;
  }
  const column = SINGLE[f.groupBy].column;
  const r = await q.query<CountRow>(
    `select ${column}::text as key, coalesce(s.latest_status, 'none') as status, count(*)::int as n,
            grouping(${column}) = 1 as total
       from recommendations r left join recommendation_progress_summary s on s.recommendation_id = r.id
       ${w.sql()}
      group by grouping sets ((${column}, coalesce(s.latest_status, 'none')), (coalesce(s.latest_status, 'none')))`,
    w.params,
  );
  return r.rows;
}

/**
 * The same counts for all recommendations (a search without filters), from counters kept by
 * triggers instead of a pass over the whole table: the number of recommendations per group from
 * recommendation_facet_counts (migration 0014), and the statuses from the recommendations with
 * approved progress (recommendation_progress_summary, far fewer); the rest of each group has none.
 */
export async function countsOfAll(q: Queryable, groupBy: DashboardGroup): Promise<CountRow[]> {
  const multi = groupBy === 'theme' || groupBy === 'sdg';
  const terms = multi ? `select t.id from taxonomy_terms t where t.scheme = '${MULTI[groupBy].scheme}'` : '';
  const facet = multi ? 'term' : SINGLE[groupBy].facet;
  const r = await q.query<{
    part: 'all' | 'group' | 'progress' | 'status';
    key: string | null;
    status: DashboardStatus | null;
    n: number;
  }>(
    `with progressed as (
       select s.recommendation_id, s.latest_status as status from recommendation_progress_summary s
        where s.latest_status is not null)
     -- The progressed recommendations' groups, read by one index scan over their ids.
     , grouped as (
       ${
         multi
           ? `select rt.recommendation_id, rt.term_id::text as key from recommendation_terms rt
               where rt.recommendation_id = any(array(select recommendation_id from progressed))
                 and rt.term_id = any(array(${terms}))`
           : `select r.id as recommendation_id, ${SINGLE[groupBy].column}::text as key from recommendations r
               where r.id = any(array(select recommendation_id from progressed))`
       })
     select 'all' as part, null as key, null as status, coalesce(sum(c.n), 0)::int as n
       from recommendation_facet_counts c where c.facet = 'total'
     union all
     select 'status', null, p.status, count(*)::int from progressed p group by 3
     union all
     select 'group', c.value, null, sum(c.n)::int from recommendation_facet_counts c
      where c.facet = $1 ${multi ? `and c.value in (select id::text from (${terms}) t)` : ''}
      group by c.value having sum(c.n) <> 0
     union all
     select 'progress', g.key, p.status, count(*)::int
       from progressed p join grouped g on g.recommendation_id = p.recommendation_id group by 2, 3
     ${
       multi
         ? `-- Recommendations with at least one term of the scheme (the others have none of it:
            -- migration 0021), and the progressed ones without.
            union all
            select 'group', '#tagged', null, coalesce(sum(c.n), 0)::int from recommendation_facet_counts c
             where c.facet = 'scheme' and c.value = '${MULTI[groupBy].scheme}'
            union all
            select 'progress', null, p.status, count(*)::int from progressed p
             where not exists (select 1 from grouped g where g.recommendation_id = p.recommendation_id)
             group by 3`
         : ''
     }`,
    [facet],
  );
  const all = r.rows.find((x) => x.part === 'all')?.n ?? 0;
  const groups = new Map<string | null, number>();
  for (const x of r.rows) if (x.part === 'group' && x.key !== '#tagged') groups.set(x.key, x.n);
  // Recommendations without a group: all of them less those in one (for a scheme: those tagged).
  const tagged = r.rows.find((x) => x.key === '#tagged')?.n;
  groups.set(null, all - (tagged ?? [...groups.values()].reduce((a, b) => a + b, 0)));
  const out: CountRow[] = [];
  const progressed = new Map<string | null, number>();
  let withStatus = 0;
  for (const x of r.rows) {
    if (x.part === 'progress') {
      out.push({ key: x.key, status: x.status!, n: x.n, total: false });
      progressed.set(x.key, (progressed.get(x.key) ?? 0) + x.n);
    } else if (x.part === 'status') {
      // Each recommendation once per status (for a scheme, a tagged one is in several groups).
      out.push({ key: null, status: x.status!, n: x.n, total: true });
      withStatus += x.n;
    }
  }
  for (const [key, n] of groups) {
    const none = n - (progressed.get(key) ?? 0);
    if (none > 0) out.push({ key, status: 'none', n: none, total: false });
  }
  if (all > withStatus) out.push({ key: null, status: 'none', n: all - withStatus, total: true });
  return out;
}

/** The labels of the groups found, by key. */
/**
 * The counts per group and status from the facet index (facet-index.ts), which holds each
 * recommendation's latest progress status beside its other facet values: the hits are read once
 * (a text query's from recommendation_search), then counted in memory.
 */
async function countsFromIndex(
  q: Queryable,
  f: DashboardQuery,
  { index, ns }: { index: FacetIndex; ns: Int32Array },
): Promise<CountRow[]> {
  let group: string;
  let keep = (_: string) => true;
  if (f.groupBy === 'theme' || f.groupBy === 'sdg') {
    const terms = await q.query<{ id: string }>(
      'select id::text as id from taxonomy_terms where scheme = $1',
      [MULTI[f.groupBy].scheme],
    );
    const scheme = new Set(terms.rows.map((t) => t.id));
    group = 'term';
    keep = (v) => scheme.has(v);
  } else group = SINGLE[f.groupBy].facet;
  const status = (by: string | null) => (by ?? 'none') as DashboardStatus;
  return [
    ...index.crossCount(ns, group, keep, 'progress').map(({ key, by, n }) => ({
      key,
      status: status(by),
      n,
      total: false,
    })),
    ...index
      .crossCount(ns, 'progress', () => false, 'progress')
      .map(({ by, n }) => ({
        key: null,
        status: status(by),
        n,
        total: true,
      })),
  ];
}

async function labels(
  q: Queryable,
  groupBy: DashboardGroup,
  keys: string[],
): Promise<Map<string, { label: string; label_nl: string }>> {
  const sql =
    groupBy === 'theme' || groupBy === 'sdg'
      ? `select g.id::text as key, ${MULTI[groupBy].label} as label, ${MULTI[groupBy].labelNl} as label_nl
           from taxonomy_terms g where g.id = any($1::uuid[])`
      : SINGLE[groupBy].labels;
  if (!sql) return new Map(keys.map((k) => [k, { label: k, label_nl: k }]));
  const r = await q.query<{ key: string; label: string | null; label_nl: string | null }>(sql, [keys]);
  return new Map(r.rows.map((x) => [x.key, { label: x.label ?? '', label_nl: x.label_nl ?? x.label ?? '' }]));
}

export async function progressDashboard(q: Queryable, f: DashboardQuery): Promise<ProgressDashboard> {
  const { w } = where(f);
  // Without a filter, counters answer; with one, the hits are counted.
  const found = w.parts.length ? await countsOfSearch(q, f) : await countsOfAll(q, f.groupBy);
  const keys = [...new Set(found.flatMap((x) => (x.total || x.key === null ? [] : [x.key])))];
  const named = await labels(q, f.groupBy, keys);
  const rows = new Map<string, ProgressDashboard['rows'][number]>();
  const totals = emptyCounts();
  let total = 0;
  for (const x of found) {
    if (x.total) {
      totals[x.status] = x.n;
      total += x.n;
      continue;
    }
    const id = x.key ?? '';
    let row = rows.get(id);
    if (!row) {
      const name = x.key === null ? undefined : named.get(x.key);
      const [en, nl] =
        x.key === null ? NONE_LABEL[f.groupBy] : [name?.label ?? x.key, name?.label_nl ?? x.key];
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
