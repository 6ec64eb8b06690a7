import type { Queryable } from '../core/db.ts';
import { cycleLabelNl } from '../cycles/labels.ts';
import { resolveState } from './parse/states.ts';
import type { Facet } from './schema.ts';

/**
 * The total of a search and its counts per facet value. A search with a query or a filter counts
 * its hits; the list without either reads the counts kept per value by the statements that change
 * recommendations (migration 0014), a few thousand rows instead of the whole table.
 */

/** Facets over plain columns of the hits: name and the (text) expression counted. */
const COLUMN_FACETS: [string, string][] = [
  ['mechanism', 'mechanism'],
  ['year', 'year::text'],
  ['position', 'position'],
  ['state', 'state_under_review'],
  ['followUp', 'follow_up::text'],
  ['status', 'status'],
  ['body', 'body_code'],
];
/** The grouping() value of the rows grouped by mechanism alone (the first column). */
const MECHANISM_ONLY = (1 << COLUMN_FACETS.length) - 1 - (1 << (COLUMN_FACETS.length - 1));
/** Every state is offered (the list can be searched in the browser); other facets show their 30 largest values. */
const STATES = 400;
const FACET_LIMIT: Record<string, number> = { year: 60, state: STATES, recommendingState: STATES };
const limitOf = (name: string) => FACET_LIMIT[name] ?? 30;

/** The taxonomy facets, by scheme. */
const TERM_FACETS: [string, string][] = [
  ['theme', 'uhri_theme'],
  ['group', 'uhri_group'],
  ['sdg', 'sdg_target'],
];
/** Labels of taxonomy terms in both languages, from the counts `n` (term_id, count). */
const TERM_LABELS = `select t.id::text as value, t.scheme,
         case when t.scheme = 'sdg_target' then t.code || ' ' || t.label_en else t.label_en end as label,
         case when t.scheme = 'sdg_target' then t.code || ' ' || coalesce(t.label_nl, t.label_en)
              else coalesce(t.label_nl, t.label_en) end as "labelNl",
         n.count
    from n join taxonomy_terms t on t.id = n.term_id
   where t.scheme in (${TERM_FACETS.map(([, sc]) => `'${sc}'`).join(', ')})`;

/** The facets shown by a label of another table: lead organisation, instrument, cycle. */
const LABELLED = {
  lead: { join: 'organisations o on o.id = n.id', label: 'o.code' },
  instrument: { join: 'instruments i on i.id = n.id', label: 'i.short_name' },
  cycle: {
    join: 'cycles c on c.id = n.id join instruments i on i.id = c.instrument_id',
    label: "i.short_name || ' – ' || c.label",
  },
};
/** The 30 largest values of a labelled facet, from its counts `n` (id, count). */
const labelled = (name: keyof typeof LABELLED) =>
  `'${name}', (select coalesce(json_agg(x), '[]') from (
     select n.id::text as value, ${LABELLED[name].label} as label, n.count
       from ${name}_n n join ${LABELLED[name].join} order by 3 desc, 2 limit 30) x)`;

export type Facets = Record<string, Facet[]>;
export interface Counts {
  total: number;
  facets: Facets;
}
/** A value of a plain-column facet (or of the recommending states) with its count. */
interface ValueCount {
  facet: string;
  value: string;
  count: number;
}
type TermCount = Facet & { scheme: string; label: string; labelNl: string };
interface RawFacets {
  values: ValueCount[];
  lead: Facet[];
  instrument: Facet[];
  cycle: Facet[];
  terms: TermCount[];
}

/** The total and the facets of the hits of `whereSql`. */
export async function countFacets(q: Queryable, whereSql: string, params: unknown[]): Promise<Counts> {
  const n = COLUMN_FACETS.length;
  const agg = await q.query<{ total: number; facets: RawFacets }>(
    `with hits as materialized (
       select r.id, r.mechanism, r.year, r.position, r.state_under_review, r.follow_up, r.status, r.body_code,
              r.lead_organisation_id, r.recommending_states, r.instrument_id, r.cycle_id
         from recommendations r ${whereSql})
     -- The plain-column facets in one pass over the hits; g tells which column a row counts.
     , columns as (
       select grouping(${COLUMN_FACETS.map(([, e]) => e).join(', ')}) as g,
              coalesce(${COLUMN_FACETS.map(([, e]) => e).join(', ')}) as value, count(*)::int as count
         from hits group by grouping sets (${COLUMN_FACETS.map(([, e]) => `(${e})`).join(', ')}))
     , lead_n as (select lead_organisation_id as id, count(*)::int as count from hits
                   where lead_organisation_id is not null group by 1)
     , instrument_n as (select instrument_id as id, count(*)::int as count from hits
                         where instrument_id is not null group by 1)
     , cycle_n as (select cycle_id as id, count(*)::int as count from hits where cycle_id is not null group by 1)
     -- Tags counted per term first, labels joined to the few hundred counts after.
     , n as (select rt.term_id, count(*)::int as count
               from recommendation_terms rt where rt.recommendation_id in (select id from hits) group by rt.term_id)
     -- The total from the same pass: every hit has a mechanism (a column that is never null).
     select (select coalesce(sum(count), 0)::int from columns where g = ${MECHANISM_ONLY}) as total,
       json_build_object(
         -- grouping() sets a bit for each column a row is NOT grouped by; the first column is the highest bit.
         'values', (select coalesce(json_agg(x), '[]') from (
            select case g ${COLUMN_FACETS.map(([name], i) => `when ${(1 << n) - 1 - (1 << (n - 1 - i))} then '${name}'`).join(' ')} end as facet,
                   value, count
              from columns where value is not null
            union all
            select * from (select 'recommendingState', s, count(*)::int from hits h cross join unnest(h.recommending_states) s
                            group by 2 order by 3 desc, 2 limit ${STATES}) rs) x),
         ${labelled('lead')}, ${labelled('instrument')}, ${labelled('cycle')},
         'terms', (select coalesce(json_agg(x), '[]') from (${TERM_LABELS}) x)
       ) as facets`,
    params,
  );
  const { total, facets } = agg.rows[0]!;
  return { total, facets: finish(facets) };
}

/**
 * The total and the facets of a search counted by the facet index (facet-index.ts): the labels of
 * lead organisations, instruments, cycles and taxonomy terms joined to the counts, as countFacets does.
 */
export async function labelFacets(
  q: Queryable,
  total: number,
  counts: Map<string, Map<string, number>>,
): Promise<Counts> {
  const pairs = (facet: string) => {
    const m = counts.get(facet) ?? new Map<string, number>();
    return [[...m.keys()], [...m.values()]];
  };
  const agg = await q.query<{ facets: Omit<RawFacets, 'values'> }>(
    `with lead_n as (select * from unnest($1::uuid[], $2::int[]) n(id, count))
     , instrument_n as (select * from unnest($3::uuid[], $4::int[]) n(id, count))
     , cycle_n as (select * from unnest($5::uuid[], $6::int[]) n(id, count))
     , n as (select * from unnest($7::uuid[], $8::int[]) n(term_id, count))
     select json_build_object(${labelled('lead')}, ${labelled('instrument')}, ${labelled('cycle')},
       'terms', (select coalesce(json_agg(x), '[]') from (${TERM_LABELS}) x)) as facets`,
    ['lead', 'instrument', 'cycle', 'term'].flatMap(pairs),
  );
  const values: ValueCount[] = [];
  for (const name of [...COLUMN_FACETS.map(([n]) => n), 'recommendingState'])
    for (const [value, count] of counts.get(name) ?? []) values.push({ facet: name, value, count });
  return { total, facets: finish({ ...agg.rows[0]!.facets, values }) };
}

/**
 * The total and the facets of all recommendations, from the kept counts (migration 0014). Folds the
 * counts together again when the changes appended since have made them several times longer.
 */
export async function countAllFacets(q: Queryable): Promise<Counts> {
  const agg = await q.query<{ total: number; parts: number; groups: number; facets: RawFacets }>(
    `with c as (select facet, value, sum(n)::int as count from recommendation_facet_counts
                 group by facet, value having sum(n) > 0)
     , lead_n as (select value::uuid as id, count from c where facet = 'lead')
     , instrument_n as (select value::uuid as id, count from c where facet = 'instrument')
     , cycle_n as (select value::uuid as id, count from c where facet = 'cycle')
     , n as (select value::uuid as term_id, count from c where facet = 'term')
     select (select coalesce(sum(count), 0)::int from c where facet = 'total') as total,
            (select count(*)::int from recommendation_facet_counts) as parts,
            (select count(*)::int from c) as groups,
       json_build_object(
         'values', (select coalesce(json_agg(x), '[]') from (
            select facet, value, count from c
             where facet in (${[...COLUMN_FACETS.map(([name]) => name), 'recommendingState'].map((f) => `'${f}'`).join(', ')})) x),
         ${labelled('lead')}, ${labelled('instrument')}, ${labelled('cycle')},
         'terms', (select coalesce(json_agg(x), '[]') from (${TERM_LABELS}) x)
       ) as facets`,
  );
  const { total, parts, groups, facets } = agg.rows[0]!;
  if (parts > 4 * groups + 1000) await compactFacetCounts(q);
  return { total, facets: finish(facets) };
}

/**
 * Folds the appended changes of the kept counts into one row per value. Rows other transactions are
 * adding meanwhile are not seen, so not deleted: their sums stay whole.
 */
export async function compactFacetCounts(q: Queryable): Promise<void> {
  await q.query(
    `with gone as (delete from recommendation_facet_counts returning facet, value, n)
     insert into recommendation_facet_counts (facet, value, n)
     select facet, value, sum(n) from gone group by facet, value having sum(n) <> 0`,
  );
}

/** Each facet's values, largest first and cut to its length, with Dutch labels where they differ. */
function finish(raw: RawFacets): Facets {
  const facets: Facets = {};
  const byCount = (a: { count: number; value: string }, b: { count: number; value: string }) =>
    b.count - a.count || a.value.localeCompare(b.value);
  for (const name of [...COLUMN_FACETS.map(([n]) => n), 'recommendingState']) {
    facets[name] = raw.values
      .filter((r) => r.facet === name)
      .sort(byCount)
      .slice(0, limitOf(name))
      .map(({ value, count }) => ({ value: String(value), count }));
  }
  facets.lead = raw.lead;
  facets.instrument = raw.instrument;
  for (const [name, scheme] of TERM_FACETS) {
    facets[name] = raw.terms
      .filter((r) => r.scheme === scheme)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      .slice(0, 30)
      .map(({ value, count, label, labelNl }) => ({ value, count, label, labelNl }));
  }
  // Cycles are named in English ("UPR – UPR 2nd cycle"); the Dutch interface shows their Dutch names.
  facets.cycle = raw.cycle.map((v) => {
    const [instrument, ...rest] = (v.label ?? '').split(' – ');
    return rest.length ? { ...v, labelNl: `${instrument} – ${cycleLabelNl(rest.join(' – '))}` } : v;
  });
  // States are counted by their UN name; the Dutch interface shows their Dutch names.
  for (const name of ['state', 'recommendingState']) {
    facets[name] = facets[name]!.map((v) => {
      const nl = resolveState(v.value, { fuzzy: false })?.nameNl;
      return nl && nl !== v.value ? { ...v, labelNl: nl } : v;
    });
  }
  return facets;
}
