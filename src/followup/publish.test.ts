import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { multipart } from '../test/multipart.ts';
import type { Cluster } from '../clusters/schema.ts';
import type { RecommendationDetail } from '../recommendations/schema.ts';
import type { FollowUpPublication, PublicFollowUp, PublishResult } from './publish-schema.ts';
import type { FollowUp, ProgressUpdate } from './schema.ts';

/**
 * Publishing the follow-up of recommendations: the lead's coordinator (or the coordinating ministry)
 * publishes one, a selection or a search's hits, all or nothing, audited per recommendation; the
 * public read answers only what is published, and only the position and the approved progress
 * (the recommendation's own and its cluster's), never drafts, files, links or civil servants' names.
 */
let t: TestApp;
const s: Record<string, Session> = {};
const id: Record<string, string> = {};

const SYMBOL = 'CRC/C/NLD/CO/5-6';
const TEXT = {
  approved: 'De Jeugdwet is gewijzigd; het wetsvoorstel ligt bij de Tweede Kamer.',
  cluster: 'Een landelijk kader voor jeugdbescherming is vastgesteld.',
  draft: 'Concept: nog af te stemmen met het ministerie van Financiën.',
  explanation: 'Het kabinet steunt de aanbeveling en werkt aan een wetswijziging.',
  link: 'https://www.rijksoverheid.nl/documenten/jeugdwet-evaluatie',
  file: 'evaluatie-jeugdwet.txt',
};

async function call<T>(who: Session | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) {
  const res = await t.call(who, method, url, body);
  return {
    status: res.statusCode,
    body: res.json() as T & { code?: string; params?: Record<string, unknown> },
  };
}
const publicRead = (rec: string) =>
  call<PublicFollowUp>(null, 'GET', `/api/public/recommendations/${rec}/followup`);
// Signed in: a visitor who is not finds only published recommendations (another is 404).
const detail = async (rec: string) =>
  (await call<RecommendationDetail>(s.observer!, 'GET', `/api/recommendations/${rec}`)).body;
const published = async () =>
  (
    await t.db.query<{ rec: string }>(
      'select recommendation_id::text as rec from recommendation_publications order by 1',
    )
  ).rows.map((r) => r.rec);
const audits = async () =>
  (
    await t.db.query<{ action: string; entity_id: string; rec: string }>(
      `select action, entity_id, coalesce(after, before)->>'recommendationId' as rec
         from audit_events where entity_type = 'recommendation_publication' order by id`,
    )
  ).rows;

/** Counts the statements the transactions send while `fn` runs. */
async function statements(fn: () => Promise<unknown>): Promise<number> {
  const db = t.db;
  const transaction = db.transaction.bind(db);
  let count = 0;
  db.transaction = (work) =>
    transaction((tx) => {
      const query = tx.query.bind(tx);
      tx.query = ((sql: string, params?: unknown[]) => {
        count++;
        return query(sql, params);
      }) as typeof tx.query;
      return work(tx);
    });
  try {
    await fn();
  } finally {
    db.transaction = transaction;
  }
  return count;
}

/** A refused request changes nothing: no publication, no audit row. */
async function refused(who: Session, url: string, body: unknown, status: number, code: string) {
  const before = { published: await published(), audits: await audits() };
  const res = await call(who, 'POST', url, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.code).toBe(code);
  expect({ published: await published(), audits: await audits() }).toEqual(before);
  return res.body;
}

/** A progress update on the subject at `path`, with a file when given, approved when an approver is given. */
async function progress(
  author: Session,
  approver: Session | null,
  path: string,
  text: string,
  extra: { file?: string; [k: string]: unknown } = {},
) {
  const { file, ...fields } = extra;
  const res = await call<ProgressUpdate>(author, 'POST', `/api/${path}/progress`, {
    status: 'in_progress',
    text,
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    ...fields,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (file) {
    const mp = multipart({}, [{ name: file, content: Buffer.from('Evaluatie van de Jeugdwet') }]);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/progress-updates/${res.body.id}/files`,
      payload: mp.payload,
      headers: { cookie: author.cookie, 'x-csrf-token': author.csrf, 'content-type': mp.contentType },
    });
    expect(upload.statusCode, upload.body).toBe(201);
  }
  if (!approver) return res.body;
  const ok = await call(approver, 'POST', `/api/progress-updates/${res.body.id}/approve`, {
    version: res.body.version,
  });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await testApp();
  for (const r of (
    await t.db.query<{ code: string; id: string }>(
      "select code, id from organisations where code in ('VWS', 'JenV')",
    )
  ).rows)
    id[r.code] = r.id;
  // Three CRC recommendations led by VWS, one CAT recommendation led by JenV.
  for (const [key, body, lead] of [
    ['a', 'CRC', 'VWS'],
    ['b', 'CRC', 'VWS'],
    ['c', 'CRC', 'VWS'],
    ['d', 'CAT', 'JenV'],
  ] as const) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, symbol, text, fingerprint, lead_organisation_id)
       values ('treaty_body', $1, 'Netherlands', $2, $3, $4, $5) returning id`,
      [body, body === 'CRC' ? SYMBOL : 'CAT/C/NLD/CO/8', `Recommendation ${key}`, `publish-${key}`, id[lead]],
    );
    id[key] = r.rows[0]!.id;
  }
  s.vws = await t.as('coordinator', 'VWS');
  s.vwsContributor = await t.as('contributor', 'VWS');
  s.jenv = await t.as('coordinator', 'JenV');
  s.bzk = await t.as('coordinator', 'BZK');
  s.observer = await t.as('observer', 'VWS');

  const position = await call(s.vws!, 'PATCH', `/api/recommendations/${id.a}/position`, {
    position: null,
    appreciation: 'Het kabinet onderschrijft de aanbeveling.',
    explanation: TEXT.explanation,
    version: null,
  });
  expect(position.status, JSON.stringify(position.body)).toBe(200);
  // An approved update with a file and a link, a draft, and an approved update on a cluster of a and b.
  await progress(s.vwsContributor!, s.vws!, `recommendations/${id.a}`, TEXT.approved, {
    evidenceLinks: [TEXT.link],
    file: TEXT.file,
  });
  await progress(s.vwsContributor!, null, `recommendations/${id.a}`, TEXT.draft);
  const cluster = await call<Cluster>(s.vws!, 'POST', '/api/clusters', {
    title: 'Jeugdbescherming',
    ownerOrganisationId: id.VWS,
    recommendationIds: [id.a, id.b],
  });
  expect(cluster.status, JSON.stringify(cluster.body)).toBe(201);
  await progress(s.vwsContributor!, s.vws!, `clusters/${cluster.body.id}`, TEXT.cluster, {
    status: 'partially_implemented',
    periodEnd: '2025-12-31',
  });
});
afterAll(() => t?.close());

describe('publishing the follow-up of one recommendation', () => {
  it('is not public before it is published: 404 with a clear code, and published false for everyone', async () => {
    const res = await publicRead(id.a!);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('followup.not_published');
    expect((await detail(id.a!)).published).toBe(false);
    expect((await t.call(null, 'GET', `/api/recommendations/${id.a}`)).statusCode).toBe(404);
    // The internal follow-up stays for signed-in users only.
    expect((await t.call(null, 'GET', `/api/recommendations/${id.a}/followup`)).statusCode).toBe(401);
  });

  it('tells the browser who may publish: the lead coordinator yes, another ministry no', async () => {
    const ability = async (who: Session) =>
      (await call<FollowUp>(who, 'GET', `/api/recommendations/${id.a}/followup`)).body.abilities
        .publishFollowUp;
    expect(await ability(s.vws!)).toBe(true);
    expect(await ability(s.bzk!)).toBe(true);
    expect(await ability(s.jenv!)).toBe(false);
    expect(await ability(s.observer!)).toBe(false);
  });

  it("refuses another ministry's coordinator (403), an observer and a contributor, and changes nothing", async () => {
    await refused(
      s.jenv!,
      `/api/recommendations/${id.a}/followup/publish`,
      undefined,
      403,
      'followup.publish_forbidden',
    );
    await refused(
      s.observer!,
      `/api/recommendations/${id.a}/followup/publish`,
      undefined,
      403,
      'role_forbidden',
    );
    await refused(
      s.vwsContributor!,
      `/api/recommendations/${id.a}/followup/publish`,
      undefined,
      403,
      'role_forbidden',
    );
    expect((await publicRead(id.a!)).status).toBe(404);
  });

  it("is published by the lead's coordinator, audited, and shown as published to everyone", async () => {
    const res = await call<FollowUpPublication>(
      s.vws!,
      'POST',
      `/api/recommendations/${id.a}/followup/publish`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ recommendationId: id.a, published: true });
    expect(res.body.publishedAt).toBeTruthy();
    expect(await published()).toEqual([id.a]);
    expect(await audits()).toEqual([expect.objectContaining({ action: 'create', rec: id.a })]);
    expect((await detail(id.a!)).published).toBe(true);
    expect((await detail(id.b!)).published).toBe(false);
    // Publishing again changes nothing and writes no audit row.
    const again = await call<FollowUpPublication>(
      s.vws!,
      'POST',
      `/api/recommendations/${id.a}/followup/publish`,
    );
    expect(again.body.publishedAt).toBe(res.body.publishedAt);
    expect(await audits()).toHaveLength(1);
  });

  it('shows the public the position, the lead and the approved progress (own and cluster), nothing else', async () => {
    const res = await publicRead(id.a!);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f.lead).toEqual({ code: 'VWS', nameNl: expect.any(String), nameEn: expect.any(String) });
    expect(f.position).toMatchObject({
      position: null,
      appreciation: 'Het kabinet onderschrijft de aanbeveling.',
      explanation: TEXT.explanation,
    });
    expect(f.position!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(f.progress.map((p) => [p.text, p.status, p.viaCluster])).toEqual([
      [TEXT.cluster, 'partially_implemented', true],
      [TEXT.approved, 'in_progress', false],
    ]);
    expect(f.progress[1]).toMatchObject({ periodStart: '2025-01-01', periodEnd: '2025-06-30' });
    const json = JSON.stringify(f);
    for (const hidden of [
      TEXT.draft,
      TEXT.link,
      TEXT.file,
      'contributor VWS',
      'coordinator VWS',
      '@example.org',
    ])
      expect(json, hidden).not.toContain(hidden);
    for (const key of ['files', 'createdBy', 'approvedBy', 'recordedBy', 'evidenceLinks', 'history'])
      expect(json, key).not.toContain(`"${key}"`);
  });

  it('withdrawn: 404 again, audited', async () => {
    const res = await call<FollowUpPublication>(
      s.vws!,
      'POST',
      `/api/recommendations/${id.a}/followup/withdraw`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ recommendationId: id.a, published: false, publishedAt: null });
    expect((await publicRead(id.a!)).status).toBe(404);
    expect((await detail(id.a!)).published).toBe(false);
    const rows = await audits();
    expect(rows.map((r) => [r.action, r.rec])).toEqual([
      ['create', id.a],
      ['delete', id.a],
    ]);
    expect(rows[1]!.entity_id).toBe(rows[0]!.entity_id);
  });

  it('answers 404 for a recommendation that does not exist', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    const res = await call(s.bzk!, 'POST', `/api/recommendations/${none}/followup/publish`);
    expect(res.status).toBe(404);
    expect((await publicRead(none)).body.code).toBe('followup.not_published');
  });
});

describe('publishing the follow-up of a selection or a search', () => {
  const crc = { search: { bodyCode: 'CRC' } };

  it('refuses the whole search when another ministry leads some of it, naming how many', async () => {
    const body = await refused(s.jenv!, '/api/followup/publish', crc, 403, 'followup.publish_many_forbidden');
    expect(body.params).toEqual({ count: 3 });
    // A selection with one recommendation of another ministry is refused whole too.
    const mixed = await refused(
      s.vws!,
      '/api/followup/publish',
      { ids: [id.a, id.d] },
      403,
      'followup.publish_many_forbidden',
    );
    expect(mixed.params).toEqual({ count: 1 });
  });

  it('refuses unknown ids, an empty search, and both ids and a search', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    await refused(
      s.vws!,
      '/api/followup/publish',
      { ids: [id.a, unknown] },
      400,
      'followup.unknown_recommendations',
    );
    await refused(
      s.vws!,
      '/api/followup/publish',
      { search: { bodyCode: 'XYZ' } },
      400,
      'followup.nothing_selected',
    );
    await refused(s.vws!, '/api/followup/publish', { ids: [id.a], ...crc }, 400, 'validation');
  });

  it("publishes every hit of a search by the lead's coordinator, one audit row per recommendation published", async () => {
    await call(s.vws!, 'POST', `/api/recommendations/${id.a}/followup/publish`);
    const before = (await audits()).length;
    const res = await call<PublishResult>(s.vws!, 'POST', '/api/followup/publish', crc);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ changed: 2, unchanged: 1 });
    expect(await published()).toEqual([id.a, id.b, id.c].sort());
    const added = (await audits()).slice(before);
    expect(added.map((r) => r.action)).toEqual(['create', 'create']);
    expect(added.map((r) => r.rec).sort()).toEqual([id.b, id.c].sort());
    // b belongs to the cluster: its public follow-up has the cluster's approved progress, no position.
    const b = (await publicRead(id.b!)).body;
    expect(b.position).toBeNull();
    expect(b.progress.map((p) => p.text)).toEqual([TEXT.cluster]);
    expect((await publicRead(id.c!)).body.progress).toEqual([]);
  });

  it('lets the coordinating ministry publish what another ministry leads', async () => {
    const res = await call<PublishResult>(s.bzk!, 'POST', '/api/followup/publish', { ids: [id.d] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ changed: 1, unchanged: 0 });
    expect((await publicRead(id.d!)).body.lead?.code).toBe('JenV');
  });

  it('withdraws by search all or nothing, one audit row per recommendation withdrawn', async () => {
    await refused(s.jenv!, '/api/followup/withdraw', crc, 403, 'followup.publish_many_forbidden');
    await call(s.vws!, 'POST', `/api/recommendations/${id.c}/followup/withdraw`);
    const before = (await audits()).length;
    const res = await call<PublishResult>(s.vws!, 'POST', '/api/followup/withdraw', crc);
    expect(res.body).toEqual({ changed: 2, unchanged: 1 });
    expect(await published()).toEqual([id.d]);
    const added = (await audits()).slice(before);
    expect(added.map((r) => [r.action, r.rec]).sort()).toEqual(
      [
        ['delete', id.a],
        ['delete', id.b],
      ].sort(),
    );
    for (const rec of [id.a, id.b, id.c]) expect((await publicRead(rec!)).status).toBe(404);
  });

  it('is set-based: as many statements for three recommendations as for one', async () => {
    const run = (verb: string, ids: string[]) =>
      statements(async () => {
        const res = await call<PublishResult>(s.bzk!, 'POST', `/api/followup/${verb}`, { ids });
        expect(res.body.changed).toBe(ids.length);
      });
    const one = await run('publish', [id.a!]);
    await run('withdraw', [id.a!]);
    const three = await run('publish', [id.a!, id.b!, id.c!]);
    expect(three).toBe(one);
    expect(await run('withdraw', [id.a!, id.b!, id.c!])).toBe(one);
    expect(await published()).toEqual([id.d]);
  });
});
