import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';

/**
 * The kept summaries (migrations 0020 and 0021) say what counting afresh says, after every kind of
 * change: drafts written and approved, updates on a cluster, members joining and leaving, updates,
 * clusters and recommendations deleted, tags added and removed.
 */
let t: TestApp;
let author: string;
let approver: string;
const rec: string[] = [];
let owner: string;

beforeAll(async () => {
  t = await testApp();
  author = (await t.as('contributor', 'VWS')).userId;
  approver = (await t.as('coordinator', 'VWS')).userId;
  owner = (await t.db.query<{ id: string }>("select id from organisations where code = 'VWS'")).rows[0]!.id;
  for (let i = 0; i < 4; i++)
    rec.push(
      (
        await t.db.query<{ id: string }>(
          `insert into recommendations (mechanism, state_under_review, text, fingerprint)
           values ('upr', 'Netherlands', $1, $2) returning id`,
          [`Summary ${i}`, `summary-${i}`],
        )
      ).rows[0]!.id,
    );
});
afterAll(() => t?.close());

/** The summaries as kept, and as counted afresh from the progress that counts for each recommendation. */
async function expectSummariesTrue() {
  const kept = await t.db.query(
    `select recommendation_id::text as id, drafts, last_approved_at::text as at, latest_status, latest_at::text as latest_at
       from recommendation_progress_summary
      where drafts > 0 or last_approved_at is not null order by 1`,
  );
  const fresh = await t.db.query(
    `select pu.for_recommendation::text as id,
            count(*) filter (where pu.state = 'draft' and pu.cluster_id is null)::int as drafts,
            (max(pu.approved_at) filter (where pu.state = 'approved'))::text as at,
            (array_agg(pu.status order by coalesce(pu.period_end, pu.approved_at::date) desc, pu.approved_at desc)
               filter (where pu.state = 'approved'))[1] as latest_status,
            (max(coalesce(pu.period_end, pu.approved_at::date)) filter (where pu.state = 'approved'))::text as latest_at
       from recommendation_progress pu group by 1
     having count(*) filter (where pu.state = 'draft' and pu.cluster_id is null) > 0
         or count(*) filter (where pu.state = 'approved') > 0
      order by 1`,
  );
  expect(kept.rows).toEqual(fresh.rows);
  return kept.rows.length;
}

async function expectSchemeCountsTrue() {
  const kept = await t.db.query(
    `select value as scheme, sum(n)::int as n from recommendation_facet_counts where facet = 'scheme'
      group by 1 having sum(n) <> 0 order by 1`,
  );
  const fresh = await t.db.query(
    `select t.scheme, count(distinct rt.recommendation_id)::int as n
       from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id group by 1 order by 1`,
  );
  expect(kept.rows).toEqual(fresh.rows);
  return kept.rows.length;
}

const progress = (subject: 'recommendation_id' | 'cluster_id', id: string, status: string, end: string) =>
  t.db.query<{ id: string }>(
    `insert into progress_updates (${subject}, status, text, period_end, created_by) values ($1, $2, 'Voortgang', $3, $4)
     returning id`,
    [id, status, end, author],
  );
const approve = (id: string) =>
  t.db.query(
    `update progress_updates set state = 'approved', approved_by = $2, approved_at = now() where id = $1`,
    [id, approver],
  );

describe('kept progress summaries', () => {
  it('follow drafts, approvals, clusters and deletions', async () => {
    const d1 = (await progress('recommendation_id', rec[0]!, 'in_progress', '2025-03-31')).rows[0]!.id;
    await progress('recommendation_id', rec[0]!, 'implemented', '2025-09-30');
    expect(await expectSummariesTrue()).toBe(1);
    await approve(d1);
    await expectSummariesTrue();
    const cluster = (
      await t.db.query<{ id: string }>(
        `insert into clusters (title, owner_organisation_id, created_by) values ('Samenvatting', $1, $2) returning id`,
        [owner, approver],
      )
    ).rows[0]!.id;
    await t.db.query(
      'insert into cluster_members (cluster_id, recommendation_id) values ($1, $2), ($1, $3)',
      [cluster, rec[0], rec[1]],
    );
    const c1 = (await progress('cluster_id', cluster, 'partially_implemented', '2026-01-31')).rows[0]!.id;
    await approve(c1);
    // The cluster's later period is the latest for both members.
    const latest = await t.db.query<{ latest_status: string }>(
      'select latest_status from recommendation_progress_summary where recommendation_id = any($1) order by 1',
      [[rec[0], rec[1]]],
    );
    expect(latest.rows.map((r) => r.latest_status)).toEqual([
      'partially_implemented',
      'partially_implemented',
    ]);
    expect(await expectSummariesTrue()).toBe(2);
    await t.db.query('insert into cluster_members (cluster_id, recommendation_id) values ($1, $2)', [
      cluster,
      rec[2],
    ]);
    expect(await expectSummariesTrue()).toBe(3);
    await t.db.query('delete from cluster_members where cluster_id = $1 and recommendation_id = $2', [
      cluster,
      rec[1],
    ]);
    expect(await expectSummariesTrue()).toBe(2);
    await t.db.query('delete from progress_updates where id = $1', [d1]);
    await expectSummariesTrue();
    await t.db.query('delete from clusters where id = $1', [cluster]);
    expect(await expectSummariesTrue()).toBe(1);
    await t.db.query('delete from recommendations where id = $1', [rec[0]]);
    expect(await expectSummariesTrue()).toBe(0);
  });

  it('count the recommendations carrying a term of each scheme', async () => {
    const terms = (
      await t.db.query<{ id: string; scheme: string }>(
        `(select id, scheme from taxonomy_terms where scheme = 'uhri_theme' order by code limit 2)
         union all (select id, scheme from taxonomy_terms where scheme = 'sdg_target' order by code limit 1)`,
      )
    ).rows;
    const [theme1, theme2, sdg] = terms.map((x) => x.id);
    await t.db.query(
      `insert into recommendation_terms (recommendation_id, term_id) values ($1, $3), ($1, $4), ($2, $3), ($2, $5)`,
      [rec[1], rec[2], theme1, theme2, sdg],
    );
    expect(await expectSchemeCountsTrue()).toBe(2);
    // Losing one of two themes leaves it tagged; losing the last does not.
    await t.db.query('delete from recommendation_terms where recommendation_id = $1 and term_id = $2', [
      rec[1],
      theme1,
    ]);
    await expectSchemeCountsTrue();
    await t.db.query('delete from recommendation_terms where recommendation_id = $1 and term_id = $2', [
      rec[1],
      theme2,
    ]);
    await expectSchemeCountsTrue();
    await t.db.query('insert into recommendation_terms (recommendation_id, term_id) values ($1, $2)', [
      rec[3],
      sdg,
    ]);
    await t.db.query('delete from recommendations where id = $1', [rec[2]]);
    expect(await expectSchemeCountsTrue()).toBe(1);
  });
});
