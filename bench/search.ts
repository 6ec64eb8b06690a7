/**
 * Search figures for `npm run bench` (and `npm run bench -- search`), on a database that holds the
 * UPR Info extract imported through the importer.
 *
 * The data grows to 30,000, 100,000 and 250,000 recommendations (BENCH_SEARCH_SCALES) by copies of
 * the real rows made in SQL: the same texts, recommending states, positions, sessions, years and
 * taxonomy tags, each copy addressed to a real state of the UN list (parse/data/un-states.json)
 * other than the Kingdom, spelled as the extract spells it: the states under review of the extract
 * are numbered, and copy k of a row goes to the UN state k × 37 places further in the list (37 and
 * the 194 states have no common divisor, so each round of copies spreads over other states). The
 * facets keep their real cardinality (the 195 states under review of the extract, the real
 * recommending states, years and sessions), and the Kingdom's own recommendations stay the real
 * ones, the only ones linked to a cycle. Copies have no source rows and no audit rows: the search
 * reads neither.
 *
 * A text query with facet filters, and facet filters alone, are answered with the facet index
 * (src/recommendations/facet-index.ts), which a server reads at its first search: the time that read
 * takes is printed before the runs.
 *
 * At each size the same varied searches are asked through the service call and through HTTP (a
 * server started in this process on 127.0.0.1, one client at a time): the default list page (no
 * query, no filter), text searches (different words, Dutch too, with and without a facet, pages
 * 1 to 3) and filters without a query. Each is repeated BENCH_SEARCH_REPEATS times (at least 5;
 * the default page twice as often); min, median and p95 are over every run of the set. First with
 * the results cache off (RIGHTSDESK_SEARCH_CACHE=false: every search computed, the honest cold
 * figure), then with it on, the same searches asked a second time. Goals at 250,000: default page
 * p95 < 100 ms (PostgreSQL), < 200 ms (PGlite); text search through HTTP p95 < 40 ms (PostgreSQL),
 * < 80 ms (PGlite). Every search must give the same total each way it is asked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../src/core/db.ts';
import { loadConfig } from '../src/core/config.ts';
import { startServer } from '../src/server/app.ts';
import { searchRecommendations } from '../src/recommendations/service.ts';
import { facetIndexOf } from '../src/recommendations/facet-index.ts';
import { RecommendationQuery } from '../src/recommendations/schema.ts';
import { resolveState, stateNames } from '../src/recommendations/parse/states.ts';
import { KINGDOM_NAMES } from '../src/recommendations/link-cycle.ts';

type Engine = 'pglite' | 'postgresql';
type Kind = 'default' | 'text' | 'filter';
type Way = 'service' | 'http';

const SCALES = (process.env.BENCH_SEARCH_SCALES ?? '30000,100000,250000').split(',').map(Number);
const REPEATS = Math.max(5, Number(process.env.BENCH_SEARCH_REPEATS ?? 5));

const GOALS: Record<Engine, { default: number; text: number }> = {
  postgresql: { default: 100, text: 40 },
  pglite: { default: 200, text: 80 },
};

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'default', label: 'default page (no query, no filter)' },
  { kind: 'text', label: 'text search' },
  { kind: 'filter', label: 'filters without a query' },
];

/** The searches of each kind, as the browser app asks them (25 a page); `{theme}` is a real theme id. */
function searchSet(kingdom: string, theme: string): Record<Kind, string[]> {
  const text = [
    'q=discrimination',
    'q=torture&page=2',
    'q=women+violence&position=supported',
    'q=children+education&mechanism=upr',
    'q=freedom+of+expression&state=Brazil',
    'q=migrants&page=3',
    'q=human+rights+defenders&recommendingState=Norway',
    'q=death+penalty&year=2010',
    'q=kinderen',
    `q=trafficking&termId=${theme}`,
    'q=optional+protocol&position=noted&page=2',
    'q=national+human+rights+institution',
    'q=roma&sort=year',
    'q=%22hate+speech%22',
  ];
  const filter = [
    `state=${encodeURIComponent(kingdom)}`,
    'state=Brazil&page=2',
    'recommendingState=Canada',
    'position=noted',
    'year=2012&page=3',
    `termId=${theme}`,
    'mechanism=upr&page=2',
  ];
  const page = (qs: string) => `${qs ? `${qs}&` : ''}pageSize=25`;
  return { default: [page('')], text: text.map(page), filter: filter.map(page) };
}

interface Stats {
  n: number;
  min: number;
  median: number;
  p95: number;
}
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, min: s[0]!, median: at(0.5), p95: at(0.95) };
}
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
const thousands = (n: number) => n.toLocaleString('en-GB');

/**
 * The same database under a new identity. The search caches are kept per database object and are
 * switched on or off (RIGHTSDESK_SEARCH_CACHE) when that object first searches, so each measurement
 * starts with caches of its own, empty.
 */
function freshHandle(db: Db): Db {
  return new Proxy(db, {
    get(target, key) {
      const v: unknown = Reflect.get(target, key, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const count = async (db: Db, sql = 'select count(*)::int as n from recommendations') =>
  (await db.query<{ n: number }>(sql)).rows[0]!.n;

/** The UN name of a state as UPR Info spells it ("St Lucia", "Trinidad & Tobago", "DPR Korea"). */
const UPR_INFO_NAMES: Record<string, string> = {
  'DPR Korea': "Democratic People's Republic of Korea",
  'Macedonia FYR': 'North Macedonia',
};
const unName = (s: string) =>
  UPR_INFO_NAMES[s] ?? resolveState(s.replace(/\s*&\s*/g, ' and ').replace(/^St /, 'Saint '))?.name ?? s;

/** Adds copies of the imported rows until `target` recommendations (see the comment at the top). */
export async function grow(db: Db, target: number): Promise<number> {
  await db.exec(`create table if not exists bench_originals (id uuid primary key, fingerprint text not null);
    create table if not exists bench_copies (id uuid primary key default gen_random_uuid(),
      original_id uuid not null, k int not null, batch int not null, unique (original_id, k))`);
  const missing = target - (await count(db));
  if (missing <= 0) return count(db);
  let originals = await count(db, 'select count(*)::int as n from bench_originals');
  if (!originals) {
    await db.exec(
      'insert into bench_originals select id, fingerprint from recommendations; analyze bench_originals',
    );
    originals = await count(db, 'select count(*)::int as n from bench_originals');
  }
  const batch = (await count(db, 'select coalesce(max(batch), 0)::int as n from bench_copies')) + 1;
  const done = await count(db, 'select coalesce(max(k), 0)::int as n from bench_copies');
  await db.query(
    `insert into bench_copies (original_id, k, batch)
     select o.id, g.k, $3 from bench_originals o cross join generate_series(1, $1::int) g(k)
      where not exists (select 1 from bench_copies c where c.original_id = o.id and c.k = g.k)
      order by g.k, o.fingerprint limit $2`,
    [done + Math.ceil(missing / originals) + 1, missing, batch],
  );
  await db.exec('analyze bench_copies');
  const surs = (
    await db.query<{ s: string }>(
      `select distinct r.state_under_review as s from bench_originals o join recommendations r on r.id = o.id
        order by 1`,
    )
  ).rows.map((r) => r.s);
  // Each UN state as the extract spells it ("Bolivia", not a second "Bolivia (Plurinational State of)").
  const spelling = new Map(surs.map((s) => [unName(s), s]));
  const kingdom = new Set([...KINGDOM_NAMES, resolveState('Netherlands')?.name]);
  const targets = stateNames.filter((s) => !kingdom.has(s)).map((s) => spelling.get(s) ?? s);
  const kept = new Set(['id', 'n', 'state_under_review', 'fingerprint', 'cycle_id', 'instrument_id']);
  const columns = (
    await db.query<{ c: string }>(
      `select column_name as c from information_schema.columns
        where table_name = 'recommendations' and table_schema = current_schema() and is_generated = 'NEVER'
        order by ordinal_position`,
    )
  ).rows
    .map((r) => r.c)
    .filter((c) => !kept.has(c));
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into recommendations (id, state_under_review, fingerprint, ${columns.join(', ')})
       select c.id, ($2::text[])[(coalesce(array_position($1::text[], o.state_under_review), 0) + c.k * 37)
                                  % cardinality($2::text[]) + 1],
              o.fingerprint || ' copy ' || c.k, ${columns.map((x) => `o.${x}`).join(', ')}
         from bench_copies c join recommendations o on o.id = c.original_id
        where c.batch = $3`,
      [surs, targets, batch],
    );
    await tx.query(
      `insert into recommendation_terms (recommendation_id, term_id)
       select c.id, rt.term_id from bench_copies c join recommendation_terms rt on rt.recommendation_id = c.original_id
        where c.batch = $1`,
      [batch],
    );
  });
  // As after an import: PostgreSQL's autovacuum does it shortly after, the application on PGlite at once.
  for (const table of ['recommendations', 'recommendation_terms'])
    await db.query(`vacuum (analyze) ${table}`);
  await db.exec('analyze');
  return count(db);
}

/** How many values the facets can show: states under review, recommending states, years, sessions. */
async function cardinality(db: Db): Promise<string> {
  const r = await db.query<{ sur: number; rs: number; years: number; sessions: number }>(
    `select count(distinct state_under_review)::int as sur, count(distinct year)::int as years,
            count(distinct upr_session)::int as sessions,
            (select count(distinct s)::int from recommendations cross join unnest(recommending_states) s) as rs
       from recommendations`,
  );
  const c = r.rows[0]!;
  return `${c.sur} states under review, ${c.rs} recommending states, ${c.years} years, ${c.sessions} sessions`;
}

type Samples = Record<Way, Record<Kind, number[]>>;
const emptySamples = (): Samples => ({
  service: { default: [], text: [], filter: [] },
  http: { default: [], text: [], filter: [] },
});

/**
 * Asks every search of the set `repeats` times (the default page twice as often) through the
 * service and through HTTP, one at a time; records the times and each search's total.
 */
async function measure(
  db: Db,
  set: Record<Kind, string[]>,
  cache: boolean,
  totals: Map<string, Set<number>>,
): Promise<Samples> {
  const before = process.env.RIGHTSDESK_SEARCH_CACHE;
  const reminders = process.env.REMINDER_INTERVAL_MINUTES;
  process.env.RIGHTSDESK_SEARCH_CACHE = cache ? 'true' : 'false';
  process.env.REMINDER_INTERVAL_MINUTES = '0';
  const handle = freshHandle(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-search-'));
  const config = { ...loadConfig({ PORT: '0' }), host: '127.0.0.1', port: 0, dataDir };
  const server = await startServer({ db: handle, config });
  const samples = emptySamples();
  const note = (qs: string, total: number) => {
    if (!totals.has(qs)) totals.set(qs, new Set());
    totals.get(qs)!.add(total);
  };
  const ask: Record<Way, (qs: string) => Promise<number>> = {
    service: async (qs) =>
      (
        await searchRecommendations(
          handle,
          RecommendationQuery.parse(Object.fromEntries(new URLSearchParams(qs))),
        )
      ).total,
    http: async (qs) => {
      const res = await fetch(`${server.url}/api/recommendations?${qs}`);
      if (!res.ok) throw new Error(`GET /api/recommendations?${qs}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { total: number }).total;
    },
  };
  try {
    // A server reads the facet index (facet-index.ts) at its first search; the runs measured come after.
    const t = performance.now();
    await ask.service('q=rights&pageSize=1');
    const index = facetIndexOf(handle);
    console.log(
      `  facet index read at the first search: ${ms(performance.now() - t)} (the full read ${ms(index?.loadMs ?? 0)})`,
    );
    for (const way of ['service', 'http'] as const) {
      // With the cache on, each search is asked once beforehand: the runs measured ask it again.
      if (cache) for (const kind of KINDS) for (const qs of set[kind.kind]) await ask[way](qs);
      for (let run = 0; run < REPEATS * 2; run++) {
        for (const { kind } of KINDS) {
          if (kind !== 'default' && run >= REPEATS) continue;
          for (const qs of set[kind]) {
            const t = performance.now();
            const total = await ask[way](qs);
            samples[way][kind].push(performance.now() - t);
            note(qs, total);
          }
        }
      }
    }
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (before === undefined) delete process.env.RIGHTSDESK_SEARCH_CACHE;
    else process.env.RIGHTSDESK_SEARCH_CACHE = before;
    if (reminders === undefined) delete process.env.REMINDER_INTERVAL_MINUTES;
    else process.env.REMINDER_INTERVAL_MINUTES = reminders;
  }
  return samples;
}

function report(engine: Engine, set: Record<Kind, string[]>, samples: Samples) {
  const goals = GOALS[engine];
  const line = (s: Stats) => `${ms(s.min)} / ${ms(s.median)} / ${ms(s.p95)}`.padEnd(30);
  for (const { kind, label } of KINDS) {
    const service = stats(samples.service[kind]);
    const http = stats(samples.http[kind]);
    const runs = `${set[kind].length > 1 ? `${set[kind].length} varied × ` : ''}${service.n / set[kind].length} runs`;
    const goal =
      kind === 'default'
        ? `goal p95 < ${goals.default} ms: ${Math.max(service.p95, http.p95) < goals.default ? 'met' : 'NOT met'}`
        : kind === 'text'
          ? `goal HTTP p95 < ${goals.text} ms: ${http.p95 < goals.text ? 'met' : 'NOT met'}`
          : '';
    console.log(`    ${`${label}, ${runs}`.padEnd(52)}service ${line(service)}HTTP ${line(http)}${goal}`);
  }
}

/**
 * Grows the database to each size and prints the search figures there, then the scaling; `db`
 * holds the imported extract (migrated and seeded). Leaves the copies in the database.
 */
export async function searchFigures(engine: Engine, db: Db, label: string = engine): Promise<void> {
  const theme = (
    await db.query<{ id: string }>(
      `select rt.term_id as id from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
        where t.scheme = 'uhri_theme' group by 1 order by count(*) desc, 1 limit 1`,
    )
  ).rows[0]?.id;
  const kingdom = (
    await db.query<{ s: string }>(
      'select state_under_review as s from recommendations where state_under_review = any($1) group by 1 order by count(*) desc limit 1',
      [[...KINGDOM_NAMES, resolveState('Netherlands')?.name ?? 'Netherlands']],
    )
  ).rows[0]?.s;
  if (!theme || !kingdom) throw new Error('The search figures need the UPR Info extract imported first.');
  const set = searchSet(kingdom, theme);
  const imported = await count(db);
  const scaling: { n: number; off: Samples }[] = [];
  const totals = new Map<string, Set<number>>();
  for (const target of SCALES) {
    const t = performance.now();
    const n = await grow(db, target);
    const grown = ((performance.now() - t) / 1000).toFixed(1);
    console.log(
      `\n[${label}] searches at ${thousands(n)} recommendations (${thousands(imported)} imported, the rest ` +
        `copies made in ${grown} s; ${await cardinality(db)}); goals are for 250,000:`,
    );
    totals.clear();
    const off = await measure(db, set, false, totals);
    console.log('  results cache off (every search computed); min / median / p95:');
    report(engine, set, off);
    const on = await measure(db, set, true, totals);
    console.log('  results cache on (the same searches asked a second time); min / median / p95:');
    report(engine, set, on);
    const differing = [...totals].filter(([, s]) => s.size > 1).map(([qs]) => qs);
    console.log(
      differing.length
        ? `  DIFFERENT TOTALS (service, HTTP, cache off and on) for: ${differing.join('; ')}`
        : `  every search gave the same total through the service and HTTP, with the cache off and on`,
    );
    scaling.push({ n, off });
  }
  console.log(`\n[${label}] scaling, results cache off, p95 through HTTP (service call):`);
  console.log(`    ${''.padEnd(36)}${scaling.map((s) => thousands(s.n).padStart(20)).join('')}`);
  for (const { kind, label: what } of KINDS) {
    const cells = scaling.map((s) =>
      `${ms(stats(s.off.http[kind]).p95)} (${ms(stats(s.off.service[kind]).p95)})`.padStart(20),
    );
    console.log(`    ${what.padEnd(36)}${cells.join('')}`);
  }
}
