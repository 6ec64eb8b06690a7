/**
 * Cluster proposals for the follow-up: the Kingdom's recommendations (the Netherlands and the
 * Caribbean countries) that are in no cluster yet, grouped by the similarity of their TF-IDF vectors
 * (vectors.ts): two groups join, the most alike first, when their members are on average at least
 * `minScore` alike; a group stops growing at MAX_MEMBERS. A coordinator makes a cluster of a
 * proposal through the clusters API; the answer says whether the caller may.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { clusterPolicy } from '../clusters/policy.ts';
import { KINGDOM_NAMES } from '../recommendations/link-cycle.ts';
import type { Mechanism } from '../recommendations/schema.ts';
import type { Proposal, ProposalList, ProposalQuery } from './schema.ts';
import { WORDS, cosine, idf, lexemeStats, parseTsvector, vectorOf, type Vector } from './vectors.ts';

/** The Kingdom's states under review: the Netherlands as the sources spell it, and the Caribbean countries. */
export const KINGDOM_STATES = [...KINGDOM_NAMES, 'Aruba', 'Curaçao', 'Curacao', 'Sint Maarten'];
const MAX_MEMBERS = 30;
const MAX_PROPOSALS = 50;
const TITLE_LENGTH = 120;

interface Row {
  id: string;
  mechanism: Mechanism;
  body_code: string | null;
  state_under_review: string;
  symbol: string | null;
  paragraph: string | null;
  upr_session: number | null;
  year: number | null;
  text: string;
  words: string;
}

/** The pairs at least `min` alike, through the words they share (each word's list of recommendations). */
function alikePairs(vectors: Vector[], min: number): { a: number; b: number; score: number }[] {
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const word of v.keys()) {
      const list = postings.get(word);
      if (list) list.push(i);
      else postings.set(word, [i]);
    }
  });
  const pairs: { a: number; b: number; score: number }[] = [];
  const seen = new Int32Array(vectors.length).fill(-1);
  vectors.forEach((v, i) => {
    for (const word of v.keys())
      for (const j of postings.get(word)!) {
        if (j <= i || seen[j] === i) continue;
        seen[j] = i;
        const score = cosine(v, vectors[j]!);
        if (score >= min) pairs.push({ a: i, b: j, score });
      }
  });
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * Groups of the most alike first (average linkage: two groups join when their members are on average
 * at least `min` alike, so that a chain of loosely related texts does not become one group), none
 * larger than MAX_MEMBERS.
 */
function groups(vectors: Vector[], pairs: { a: number; b: number }[], min: number): number[][] {
  const group = vectors.map((_, i) => [i]);
  const of = Int32Array.from(vectors, (_, i) => i);
  for (const { a, b } of pairs) {
    const [ga, gb] = [group[of[a]!]!, group[of[b]!]!];
    if (ga === gb || ga.length + gb.length > MAX_MEMBERS) continue;
    let sum = 0;
    for (const i of ga) for (const j of gb) sum += cosine(vectors[i]!, vectors[j]!);
    if (sum / (ga.length * gb.length) < min) continue;
    for (const j of gb) {
      ga.push(j);
      of[j] = of[a]!;
    }
    gb.length = 0;
  }
  return group.filter((g) => g.length > 1);
}

const shorten = (text: string) => {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= TITLE_LENGTH) return t;
  const cut = t.slice(0, TITLE_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : TITLE_LENGTH).replace(/[,;:.]$/, '')}…`;
};

export async function clusterProposals(
  q: Queryable,
  actor: Actor,
  query: ProposalQuery,
): Promise<ProposalList> {
  const rows = (
    await q.query<Row>(
      `select r.id, r.mechanism, r.body_code, r.state_under_review, r.symbol, r.paragraph, r.upr_session, r.year, r.text,
              ${WORDS} as words
         from recommendations r join recommendation_search s on s.n = r.n
        where r.state_under_review = any($1::text[])
          and not exists (select 1 from cluster_members m where m.recommendation_id = r.id)
        order by r.n`,
      [KINGDOM_STATES],
    )
  ).rows;
  const stats = await lexemeStats(q);
  const words = rows.map((r) => parseTsvector(r.words));
  const vectors = words.map((w) => vectorOf(stats, w));
  const proposals: Proposal[] = groups(vectors, alikePairs(vectors, query.minScore), query.minScore).map(
    (g) => {
      const mean = (i: number) =>
        g.reduce((s, j) => (j === i ? s : s + cosine(vectors[i]!, vectors[j]!)), 0) / (g.length - 1);
      const means = g.map(mean);
      const centre = means.indexOf(Math.max(...means));
      const counts = new Map<string, number>();
      for (const i of g) for (const w of words[i]!.keys()) counts.set(w, (counts.get(w) ?? 0) + 1);
      const sharedTerms = [...counts]
        .filter(([, c]) => c * 2 >= g.length)
        .map(([w]) => w)
        .sort((a, b) => idf(stats, b) - idf(stats, a) || a.localeCompare(b))
        .slice(0, 6);
      return {
        title: shorten(rows[g[centre]!]!.text),
        sharedTerms,
        score: Math.round(means[centre]! * 1000) / 1000,
        members: g.map((i) => {
          const r = rows[i]!;
          return {
            id: r.id,
            mechanism: r.mechanism,
            bodyCode: r.body_code,
            stateUnderReview: r.state_under_review,
            symbol: r.symbol,
            paragraph: r.paragraph,
            uprSession: r.upr_session,
            year: r.year,
            text: r.text,
          };
        }),
      };
    },
  );
  proposals.sort((a, b) => b.members.length - a.members.length || b.score - a.score);
  const owner = actor.organisationId;
  return {
    items: proposals.slice(0, MAX_PROPOSALS),
    ownerOrganisationId: owner,
    abilities: { createCluster: owner !== null && clusterPolicy.edit(actor, { ownerOrganisationId: owner }) },
  };
}
