/**
 * Similar recommendations (src/similar): the look-up of 200 recommendations drawn at random (a fixed
 * seed, so each run asks the same ones at the same size), through the service call as a signed-in
 * user, after the counts of the words were made once (printed first: the first look-up of a server
 * pays it). Goal at 250,000 recommendations: every look-up < 100 ms. Then the cluster proposals of the
 * Kingdom's recommendations, computed once.
 */
import { systemActor } from '../src/core/actor.ts';
import type { Db } from '../src/core/db.ts';
import { clusterProposals } from '../src/similar/proposals.ts';
import { similarRecommendations } from '../src/similar/service.ts';
import { lexemeStats } from '../src/similar/vectors.ts';

const LOOKUPS = 200;
const GOAL_MS = 100;

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;

export async function similarFigures(engine: 'pglite' | 'postgresql', db: Db): Promise<void> {
  const total = (await db.query<{ n: number }>('select count(*)::int as n from recommendations')).rows[0]!.n;
  const ids = (await db.query<{ id: string }>('select id from recommendations order by n')).rows.map(
    (r) => r.id,
  );
  const next = random(14);
  const sample = Array.from({ length: LOOKUPS }, () => ids[Math.floor(next() * ids.length)]!);
  const actor = systemActor('bench');

  let start = performance.now();
  const stats = await lexemeStats(db);
  const countMs = performance.now() - start;
  const times: number[] = [];
  let found = 0;
  for (const id of sample) {
    start = performance.now();
    const r = await similarRecommendations(db, actor, id);
    times.push(performance.now() - start);
    found += r.items.length;
  }
  times.sort((a, b) => a - b);
  const p95 = pct(times, 0.95);
  console.log(
    `\n[${engine}] similar recommendations at ${total.toLocaleString('en-GB')} recommendations ` +
      `(words counted once: ${stats.df.size.toLocaleString('en-GB')} words in ${ms(countMs)}):`,
  );
  console.log(
    `  ${LOOKUPS} look-ups through the service: p50 ${ms(pct(times, 0.5))}, p95 ${ms(p95)}, max ${ms(times.at(-1)!)} ` +
      `(goal < ${GOAL_MS} ms: ${times.at(-1)! < GOAL_MS ? 'met' : p95 < GOAL_MS ? 'met at p95, not at max' : 'NOT met'}); ` +
      `${(found / LOOKUPS).toFixed(1)} similar each on average`,
  );
  start = performance.now();
  const proposals = await clusterProposals(db, actor, { minScore: 0.5 });
  console.log(
    `  cluster proposals of the Kingdom's recommendations: ${proposals.items.length} groups ` +
      `(${proposals.items.reduce((s, p) => s + p.members.length, 0)} recommendations) in ${ms(performance.now() - start)}`,
  );
}
