import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Action } from '../actions/schema.ts';
import type { Cluster } from './schema.ts';

/**
 * Clusters: recommendations on one concern from several bodies grouped by hand or from a search,
 * owned by an organisation; an action serves a cluster as it serves a recommendation.
 */
let t: TestApp;
let jenv: Session;
let ocw: Session;
let contributor: Session;
let org: Record<string, string>;
const recs: Record<string, string> = {};

beforeAll(async () => {
  t = await testApp();
  [jenv, ocw, contributor] = [
    await t.as('coordinator', 'JenV'),
    await t.as('coordinator', 'OCW'),
    await t.as('contributor', 'JenV'),
  ];
  org = Object.fromEntries(
    (await t.db.query<{ code: string; id: string }>('select code, id from organisations')).rows.map((r) => [
      r.code,
      r.id,
    ]),
  );
  const rows: [string, string, string | null, string][] = [
    [
      'cat',
      'treaty_body',
      'CAT',
      'Reduce the length of pretrial detention and use alternatives to detention',
    ],
    ['ccpr', 'treaty_body', 'CCPR', 'Ensure that pretrial detention is an exceptional measure'],
    ['upr', 'upr', null, 'Limit the use of pretrial detention for minors'],
    ['other', 'upr', null, 'Increase official development assistance'],
  ];
  for (const [key, mechanism, body, text] of rows) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, text, fingerprint)
       values ($1, $2, 'Netherlands', $3, $4) returning id`,
      [mechanism, body, text, `clusters-test-${key}`],
    );
    recs[key] = r.rows[0]!.id;
  }
});
afterAll(() => t?.close());

const auditOf = async (id: string) =>
  (
    await t.db.query<{ action: string; before: unknown; after: unknown }>(
      "select action, before, after from audit_events where entity_type = 'cluster' and entity_id = $1 order by id",
      [id],
    )
  ).rows;

describe('clusters', () => {
  it('grouped from a search: every hit becomes a member, audited with the ids added', async () => {
    const res = await t.call(jenv, 'POST', '/api/clusters', {
      title: 'Voorlopige hechtenis',
      ownerOrganisationId: org.JenV,
      search: { q: 'pretrial detention' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Cluster;
    expect(c.memberCount).toBe(3);
    expect(c.members.map((m) => m.id).sort()).toEqual([recs.cat, recs.ccpr, recs.upr].sort());
    expect(c.abilities).toEqual({ edit: true, delete: true, addProgress: true });
    const audit = await auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect((audit[1]!.after as { membersAdded: string[] }).membersAdded).toHaveLength(3);
    const list = await t.call(jenv, 'GET', `/api/clusters?recommendationId=${recs.ccpr}`);
    expect((list.json() as { items: { id: string }[] }).items.map((x) => x.id)).toEqual([c.id]);
  });

  it('members change by hand with the version seen; a stale change or another ministry is refused', async () => {
    const c = (
      await t.call(jenv, 'POST', '/api/clusters', {
        title: 'Handmatig',
        ownerOrganisationId: org.JenV,
        recommendationIds: [recs.cat, recs.upr],
      })
    ).json() as Cluster;
    const changed = await t.call(jenv, 'POST', `/api/clusters/${c.id}/members`, {
      recommendationIds: [recs.ccpr],
      removeIds: [recs.upr],
      version: c.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = changed.json() as Cluster;
    expect(after.members.map((m) => m.id).sort()).toEqual([recs.cat, recs.ccpr].sort());
    expect(after.version).toBe(c.version + 1);
    const audit = await auditOf(c.id);
    expect(audit.at(-1)).toMatchObject({
      before: { membersRemoved: [recs.upr] },
      after: { membersAdded: [recs.ccpr], memberCount: 2 },
    });

    const stale = await t.call(jenv, 'POST', `/api/clusters/${c.id}/members`, {
      removeIds: [recs.cat],
      version: c.version,
    });
    expect(stale.statusCode).toBe(409);
    const forbidden = await t.call(ocw, 'POST', `/api/clusters/${c.id}/members`, {
      removeIds: [recs.cat],
      version: after.version,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('cluster.edit_forbidden');
    const unknown = await t.call(jenv, 'POST', `/api/clusters/${c.id}/members`, {
      recommendationIds: ['00000000-0000-4000-8000-000000000000'],
      version: after.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('cluster.recommendations_unknown');
    const now = (await t.call(jenv, 'GET', `/api/clusters/${c.id}`)).json() as Cluster;
    expect(now.memberCount).toBe(2);
    expect(now.version).toBe(after.version);
    // A contributor may not create clusters at all (route access).
    const byContributor = await t.call(contributor, 'POST', '/api/clusters', {
      title: 'X',
      ownerOrganisationId: org.JenV,
    });
    expect(byContributor.statusCode).toBe(403);
  });

  it('an action serves a cluster and is listed with it; deleting the cluster needs its version', async () => {
    const c = (
      await t.call(jenv, 'POST', '/api/clusters', {
        title: 'Met maatregel',
        ownerOrganisationId: org.JenV,
        recommendationIds: [recs.cat],
      })
    ).json() as Cluster;
    const action = await t.call(jenv, 'POST', '/api/actions', {
      title: 'Wet alternatieven voor voorlopige hechtenis',
      ownerOrganisationId: org.JenV,
      clusterIds: [c.id],
    });
    expect(action.statusCode, action.body).toBe(201);
    expect((action.json() as Action).clusters).toEqual([{ id: c.id, title: 'Met maatregel' }]);
    const withAction = (await t.call(jenv, 'GET', `/api/clusters/${c.id}`)).json() as Cluster;
    expect(withAction.actions.map((a) => a.title)).toEqual(['Wet alternatieven voor voorlopige hechtenis']);
    expect((await t.call(jenv, 'DELETE', `/api/clusters/${c.id}?version=${c.version + 5}`)).statusCode).toBe(
      409,
    );
    expect((await t.call(jenv, 'DELETE', `/api/clusters/${c.id}?version=${c.version}`)).statusCode).toBe(204);
    expect((await t.call(jenv, 'GET', `/api/clusters/${c.id}`)).statusCode).toBe(404);
  });
});
