/**
 * Follow-up figures for `npm run bench` (and `npm run bench -- followup`), on the database the search
 * figures grew (250,000 recommendations from the real UPR Info rows), through HTTP as the browser app
 * asks them:
 * - a bulk assignment of 10,000 recommendations to a ministry, audited per recommendation
 *   (POST /api/followup/assign by a coordinator of the coordinating ministry); goal < 3 s. Each run
 *   assigns the same 10,000 to another ministry than the run before, so every recommendation changes;
 * - a ministry's worklist (GET /api/followup/worklist, every view, pages 1 and 2), with 10,000
 *   recommendations assigned to the ministry and 100,000 progress updates (a third approved) spread over
 *   the assigned recommendations, written in SQL from the real texts; goal p95 < 100 ms on PostgreSQL.
 * - each dashboard's data (GET /api/dashboards/progress grouped by instrument, cycle, ministry, theme,
 *   SDG and mechanism, without and with a filter; /api/dashboards/priorities and /api/dashboards/overdue),
 *   with 25,000 actions besides (titles from the real texts, each linked to one to three
 *   recommendations); goal p95 < 150 ms on PostgreSQL and < 400 ms on PGlite.
 * Repeated BENCH_FOLLOWUP_REPEATS times (at least 5); min, median and p95 printed beside the goals.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../src/core/db.ts';
import { systemActor } from '../src/core/actor.ts';
import { loadConfig } from '../src/core/config.ts';
import { startServer } from '../src/server/app.ts';
import { createUser } from '../src/users/service.ts';

type Engine = 'pglite' | 'postgresql';
const REPEATS = Math.max(5, Number(process.env.BENCH_FOLLOWUP_REPEATS ?? 5));
const PASSWORD = 'correct horse battery staple';
const ASSIGNED = 10_000;
const UPDATES = 100_000;
const GOALS = {
  assign: 3000,
  worklist: { postgresql: 100, pglite: null },
  dashboard: { postgresql: 150, pglite: 400 },
} as const;
const ACTIONS = 25_000;
const DASHBOARDS = [
  ...['instrument', 'cycle', 'ministry', 'theme', 'sdg', 'mechanism'].flatMap((g) => [
    `progress?groupBy=${g}`,
    `progress?groupBy=${g}&mechanism=upr&q=children`,
  ]),
  'priorities',
  'overdue',
];
const VIEWS = ['all', 'no_position', 'no_progress', 'due_soon', 'to_approve'] as const;

interface Session {
  cookie: string;
  csrf: string;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { n: s.length, min: s[0]!, median: at(0.5), p95: at(0.95) };
}
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
const line = (s: ReturnType<typeof stats>) => `${ms(s.min)} / ${ms(s.median)} / ${ms(s.p95)}`;

async function orgId(db: Db, code: string): Promise<string> {
  return (await db.query<{ id: string }>('select id from organisations where code = $1', [code])).rows[0]!.id;
}

/** A user of the role and organisation (made once per database). */
export async function user(db: Db, role: 'coordinator' | 'contributor', code: string): Promise<string> {
  const email = `bench.${role}.${code.toLowerCase()}@example.org`;
  const known = await db.query<{ id: string }>('select id from users where email = $1', [email]);
  if (known.rows[0]) return known.rows[0].id;
  const u = await createUser(db, systemActor('bench'), {
    email,
    name: `Bench ${role} ${code}`,
    role,
    organisationId: await orgId(db, code),
    password: PASSWORD,
  });
  return u.id;
}

async function login(url: string, email: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const me = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

async function call(url: string, s: Session, method: string, route: string, body?: unknown) {
  const res = await fetch(`${url}${route}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/** 100,000 progress updates over the recommendations VWS leads, a third approved; written once. */
async function addProgress(db: Db, vws: string, contributor: string, coordinator: string) {
  const have = (await db.query<{ n: number }>('select count(*)::int as n from progress_updates')).rows[0]!.n;
  if (have >= UPDATES) return;
  await db.query(
    `with led as (select id, text, row_number() over (order by id) - 1 as n
                   from recommendations where lead_organisation_id = $1)
     , m as (select count(*)::int as c from led)
     insert into progress_updates (recommendation_id, status, text, period_start, period_end, state,
                                   organisation_id, created_by, approved_by, approved_at, created_at)
     select r.id,
            (array['not_started','in_progress','partially_implemented','implemented','not_implemented'])[1 + g.k % 5],
            'Progress ' || g.k || ': ' || left(r.text, 200),
            date '2020-01-01' + (g.k * 7 % 2000), date '2020-01-01' + (g.k * 7 % 2000) + 90,
            case when g.k % 3 = 0 then 'approved' else 'draft' end, $1, $2,
            case when g.k % 3 = 0 then $3::uuid end,
            case when g.k % 3 = 0 then now() - make_interval(days => g.k % 400) end,
            now() - make_interval(days => g.k % 400)
       from generate_series(1, $4::int) g(k) cross join m
       join led r on r.n = g.k % m.c`,
    [vws, contributor, coordinator, UPDATES],
  );
  // The summaries the triggers wrote, counted as autovacuum would (PGlite has none).
  await db.exec('analyze progress_updates; analyze recommendation_progress_summary');
}

/** 25,000 actions owned by the ministries in turn, from the real texts, each linked to one to three recommendations. */
async function addActions(db: Db) {
  const have = (await db.query<{ n: number }>('select count(*)::int as n from actions')).rows[0]!.n;
  if (have >= ACTIONS) return;
  await db.query(
    `with src as (
       select r.id, left(r.text, 120) as title, row_number() over (order by r.fingerprint) as n
         from recommendations r order by r.fingerprint limit $1::int * 3)
     , orgs as (select array_agg(id order by code) as ids from organisations where kind = 'ministry')
     , made as (
       insert into actions (title, owner_organisation_id, start_date, end_date, budget)
       select 'Maatregel: ' || s.title, o.ids[1 + s.n % cardinality(o.ids)], date '2022-01-01' + (s.n % 900)::int,
              date '2022-01-01' + (s.n % 900)::int + 180 + (s.n % 1000)::int, (s.n % 50) * 10000
         from src s cross join orgs o where s.n % 3 = 0
       returning id, title)
     , numbered as (select id, row_number() over (order by id) as n from made)
     insert into action_recommendations (action_id, recommendation_id)
     select m.id, s.id from numbered m cross join lateral generate_series(0, (m.n % 3)::int) j(k)
       join src s on s.n = m.n * 3 - 2 + j.k
     on conflict do nothing`,
    [ACTIONS],
  );
  await db.exec('analyze actions; analyze action_recommendations');
}

export async function followUpFigures(engine: Engine, db: Db): Promise<void> {
  const total = (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  const [bzkCoordinator, vwsCoordinator, vwsContributor] = [
    await user(db, 'coordinator', 'BZK'),
    await user(db, 'coordinator', 'VWS'),
    await user(db, 'contributor', 'VWS'),
  ];
  void bzkCoordinator;
  const [vws, ocw] = [await orgId(db, 'VWS'), await orgId(db, 'OCW')];
  // The recommendations assigned: every 25th, spread over the table as a search's hits are.
  const ids = (
    await db.query<{ id: string }>(
      `select id from (select id, row_number() over (order by fingerprint) as n from recommendations) x
        where n % $1::int = 0 limit $2`,
      [Math.max(1, Math.floor(total / ASSIGNED)), ASSIGNED],
    )
  ).rows.map((r) => r.id);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-followup-'));
  const reminders = process.env.REMINDER_INTERVAL_MINUTES;
  process.env.REMINDER_INTERVAL_MINUTES = '0';
  const server = await startServer({
    db,
    config: { ...loadConfig({ PORT: '0' }), host: '127.0.0.1', port: 0, dataDir },
  });
  try {
    const bzk = await login(server.url, 'bench.coordinator.bzk@example.org');
    const assign: number[] = [];
    let audited = 0;
    for (let run = 0; run < REPEATS; run++) {
      // The last run leaves them with VWS, for the worklist.
      const lead = (REPEATS - run) % 2 === 1 ? vws : ocw;
      const before = (await db.query<{ n: number }>('select count(*)::int as n from audit_events')).rows[0]!
        .n;
      const t = performance.now();
      const r = (await call(server.url, bzk, 'POST', '/api/followup/assign', {
        ids,
        leadOrganisationId: lead,
      })) as {
        assigned: number;
      };
      assign.push(performance.now() - t);
      audited =
        (await db.query<{ n: number }>('select count(*)::int as n from audit_events')).rows[0]!.n - before;
      if (r.assigned !== ids.length) throw new Error(`assigned ${r.assigned} of ${ids.length}`);
    }
    const a = stats(assign);
    console.log(`\n[${engine}] follow-up at ${total.toLocaleString('en-GB')} recommendations:`);
    console.log(
      `    bulk assignment of ${ids.length.toLocaleString('en-GB')} (${audited} audit rows each), ${a.n} runs: ` +
        `min / median / p95 ${line(a)}  goal p95 < ${GOALS.assign} ms: ${a.p95 < GOALS.assign ? 'met' : 'NOT met'}`,
    );

    await addProgress(db, vws, vwsContributor, vwsCoordinator);
    const coordinator = await login(server.url, 'bench.coordinator.vws@example.org');
    const samples: number[] = [];
    const perView = new Map<string, number[]>();
    for (let run = 0; run < REPEATS; run++)
      for (const view of VIEWS)
        for (const page of [1, 2]) {
          const t = performance.now();
          await call(
            server.url,
            coordinator,
            'GET',
            `/api/followup/worklist?view=${view}&page=${page}&pageSize=25`,
          );
          const took = performance.now() - t;
          samples.push(took);
          perView.set(view, [...(perView.get(view) ?? []), took]);
        }
    const w = stats(samples);
    const goal = GOALS.worklist[engine];
    console.log(
      `    a ministry's worklist (${ids.length.toLocaleString('en-GB')} assigned, ${UPDATES.toLocaleString('en-GB')} progress updates), ` +
        `${VIEWS.length} views × 2 pages × ${REPEATS} runs: min / median / p95 ${line(w)}` +
        (goal
          ? `  goal p95 < ${goal} ms: ${w.p95 < goal ? 'met' : 'NOT met'}`
          : '  (goal is for PostgreSQL)'),
    );
    console.log(`      p95 per view: ${[...perView].map(([v, s]) => `${v} ${ms(stats(s).p95)}`).join(', ')}`);

    await addActions(db);
    // A server reads the facet index (src/recommendations/facet-index.ts) at its first search or
    // filtered dashboard; the runs measured come after.
    const warm = performance.now();
    await call(server.url, coordinator, 'GET', '/api/dashboards/progress?groupBy=mechanism&mechanism=upr');
    console.log(`    facet index read at the first filtered dashboard: ${ms(performance.now() - warm)}`);
    const dash: number[] = [];
    const perDashboard = new Map<string, number[]>();
    for (let run = 0; run < REPEATS; run++)
      for (const d of DASHBOARDS) {
        const t = performance.now();
        await call(server.url, coordinator, 'GET', `/api/dashboards/${d}`);
        const took = performance.now() - t;
        dash.push(took);
        perDashboard.set(d, [...(perDashboard.get(d) ?? []), took]);
      }
    const d = stats(dash);
    const dGoal = GOALS.dashboard[engine];
    console.log(
      `    dashboards' data (${ACTIONS.toLocaleString('en-GB')} actions), ${DASHBOARDS.length} dashboards × ${REPEATS} runs: ` +
        `min / median / p95 ${line(d)}  goal p95 < ${dGoal} ms: ${d.p95 < dGoal ? 'met' : 'NOT met'}`,
    );
    console.log(
      `      p95 per dashboard: ${[...perDashboard].map(([v, s]) => `${v.replace('progress?', '')} ${ms(stats(s).p95)}`).join(', ')}`,
    );
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (reminders === undefined) delete process.env.REMINDER_INTERVAL_MINUTES;
    else process.env.REMINDER_INTERVAL_MINUTES = reminders;
  }
}
