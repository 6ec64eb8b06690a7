import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { readUprInfo } from '../recommendations/import-upr-info.ts';
import { storeRecords } from '../recommendations/store.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { ProposalList, SimilarList } from './schema.ts';
import { similarRecommendations } from './service.ts';

/**
 * Similar recommendations (issue 14) of real ones: a part of the UPR Info extract imported with the
 * real importer (the Kingdom's recommendations, every one naming the Optional Protocol to the
 * Convention against Torture, and the first 1,500 rows besides).
 */
const FILE = path.resolve(
  import.meta.dirname,
  '../../../shared/data/upr-info/upr-recommendations-sessions-01-16.csv',
);
const OPCAT = 'Optional Protocol to the Convention against Torture';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let observer: Session;
let jenv: Session;
let contributor: Session;
let opcat: string;
const published: string[] = [];

const similar = async (session: Session | null, id: string) => {
  const res = await t.call(session, 'GET', `/api/recommendations/${id}/similar`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SimilarList;
};
const text = async (id: string) =>
  (await t.db.query<{ text: string }>('select text from recommendations where id = $1', [id])).rows[0]!.text;

beforeAll(async () => {
  t = await testApp();
  [observer, jenv, contributor] = [
    await t.as('observer'),
    await t.as('coordinator', 'JenV'),
    await t.as('contributor', 'JenV'),
  ];
  const read = readUprInfo(fs.readFileSync(FILE));
  const records = read.records.filter(
    (r, i) => i < 1500 || r.stateUnderReview === 'Netherlands' || r.text.includes(OPCAT),
  );
  await storeRecords(t.db, systemActor('test'), {
    kind: 'upr-info',
    fileName: path.basename(FILE),
    sha256: 'similar-test',
    records,
    rowErrors: [],
    totalRows: records.length,
  });
  opcat = (
    await t.db.query<{ id: string }>(
      `select id from recommendations where state_under_review = 'Netherlands' and upr_session = 1
          and text like 'Ratify the Optional Protocol to the Convention against Torture%'`,
    )
  ).rows[0]!.id;
}, 120_000);
afterAll(() => t?.close());

describe('similar recommendations', () => {
  it('of "ratify OPCAT": others asking the same, from other states and sessions, none unrelated', async () => {
    const list = await similar(observer, opcat);
    expect(list.id).toBe(opcat);
    expect(list.items).toHaveLength(10);
    expect(list.items.map((i) => i.id)).not.toContain(opcat);
    for (const item of list.items) expect(item.text).toMatch(/torture|OPCAT|OP-CAT/i);
    expect(new Set(list.items.map((i) => i.stateUnderReview)).size).toBeGreaterThan(3);
    expect(new Set(list.items.map((i) => i.uprSession)).size).toBeGreaterThan(1);
    // The best is the same text addressed to another state: a score of 1, marked as a duplicate.
    expect(list.items[0]!.score).toBeGreaterThan(0.95);
    expect(list.items[0]!.duplicate).toBe(true);
    const scores = list.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of list.items) {
      expect(item.score).toBeGreaterThan(0.3);
      expect(item.receivedAgain).toBe(item.stateUnderReview === 'Netherlands');
    }
  });

  it('marks what the Kingdom received again in another session, and only that', async () => {
    const kingdom = await t.db.query<{ id: string; upr_session: number }>(
      "select id, upr_session from recommendations where state_under_review = 'Netherlands' order by n",
    );
    const session = new Map(kingdom.rows.map((r) => [r.id, r.upr_session]));
    let again = 0;
    for (const { id } of kingdom.rows) {
      for (const item of (await similarRecommendations(t.db, systemActor('test'), id)).items) {
        if (!item.receivedAgain) continue;
        again++;
        expect(item.stateUnderReview).toBe('Netherlands');
        expect(item.uprSession).not.toBe(session.get(id));
      }
    }
    expect(again).toBeGreaterThan(10);
  });

  it('lists only published recommendations to a visitor; another is not found', async () => {
    const coordinator = await t.as('coordinator');
    const before = await similar(observer, opcat);
    published.push(opcat, before.items[2]!.id, before.items[5]!.id);
    for (const id of published) {
      const res = await t.call(coordinator, 'POST', `/api/recommendations/${id}/followup/publish`, {});
      expect(res.statusCode, res.body).toBe(200);
    }
    const visitor = await similar(null, opcat);
    expect(visitor.items.map((i) => i.id).sort()).toEqual([before.items[2]!.id, before.items[5]!.id].sort());
    const hidden = before.items[0]!.id;
    const res = await t.call(null, 'GET', `/api/recommendations/${hidden}/similar`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(await text(hidden));
  });

  it('answers 404 for an unknown recommendation and 400 for a malformed id', async () => {
    const unknown = await t.call(observer, 'GET', `/api/recommendations/${UNKNOWN}/similar`);
    expect(unknown.statusCode).toBe(404);
    expect((unknown.json() as { code: string }).code).toBe('recommendation.not_found');
    const bad = await t.call(observer, 'GET', '/api/recommendations/not-an-id/similar');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('must be an id (UUID)');
  });
});

describe('cluster proposals', () => {
  const proposals = async (session: Session, query = '') => {
    const res = await t.call(session, 'GET', `/api/similar/cluster-proposals${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ProposalList;
  };
  const clusterCount = async () =>
    (await t.db.query<{ n: number }>('select count(*)::int as n from clusters')).rows[0]!.n;

  it("group the Kingdom's similar recommendations; a coordinator makes a cluster of one, audited", async () => {
    const list = await proposals(jenv);
    const jenvId = (await t.db.query<{ id: string }>("select id from organisations where code = 'JenV'"))
      .rows[0]!.id;
    expect(list.ownerOrganisationId).toBe(jenvId);
    expect(list.abilities.createCluster).toBe(true);
    expect(list.items.length).toBeGreaterThan(2);
    for (const p of list.items) {
      expect(p.members.length).toBeGreaterThan(1);
      for (const m of p.members) expect(m.stateUnderReview).toBe('Netherlands');
      expect(p.sharedTerms.length).toBeGreaterThan(0);
    }
    const first = list.items[0]!;
    const res = await t.call(jenv, 'POST', '/api/clusters', {
      title: first.title,
      ownerOrganisationId: list.ownerOrganisationId,
      recommendationIds: first.members.map((m) => m.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    const cluster = res.json() as { id: string; memberCount: number };
    expect(cluster.memberCount).toBe(first.members.length);
    const audit = await t.db.query<{ action: string; after: { membersAdded?: string[] } }>(
      "select action, after from audit_events where entity_type = 'cluster' and entity_id = $1 order by id",
      [cluster.id],
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit.rows[1]!.after.membersAdded?.sort()).toEqual(first.members.map((m) => m.id).sort());
    // Its members are in a cluster now: no proposal names them again.
    const after = await proposals(jenv);
    const clustered = new Set(first.members.map((m) => m.id));
    for (const p of after.items) for (const m of p.members) expect(clustered.has(m.id)).toBe(false);
  });

  it('are refused as clusters to whom the clusters policy refuses, and nothing is made', async () => {
    const list = await proposals(contributor);
    expect(list.abilities.createCluster).toBe(false);
    const before = await clusterCount();
    const p = list.items[0]!;
    const body = {
      title: p.title,
      ownerOrganisationId: list.ownerOrganisationId,
      recommendationIds: p.members.map((m) => m.id),
    };
    expect((await t.call(contributor, 'POST', '/api/clusters', body)).statusCode).toBe(403);
    const ocw = await t.as('coordinator', 'OCW');
    const refused = await t.call(ocw, 'POST', '/api/clusters', body);
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as { code: string }).code).toBe('cluster.edit_forbidden');
    expect(await clusterCount()).toBe(before);
    expect((await proposals(observer)).abilities.createCluster).toBe(false);
  });

  it('refuse a similarity out of range with a clear message; visitors may not ask', async () => {
    const res = await t.call(jenv, 'GET', '/api/similar/cluster-proposals?minScore=2');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('must be at most 0.95');
    expect((await t.call(null, 'GET', '/api/similar/cluster-proposals')).statusCode).toBe(401);
  });
});
