import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../recommendations/schema.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { importNetherlandsUprInfo, netherlandsUprInfo, uprInfoPresent } from '../test/upr-info.ts';
import type { FollowUp } from './schema.ts';

/**
 * Recording the government's position: who may, which positions fit the mechanism, the version
 * carried (a stale one is 409, nothing saved), the history kept, and imports that never overwrite it.
 */
const present = uprInfoPresent('the position tests');

let t: TestApp;
let vws: Session;
let ocw: Session;
let bzk: Session;
let records: ImportRecord[];
let uprId: string;
let treatyId: string;

const store = (recs: ImportRecord[]) => importNetherlandsUprInfo(t.db, { records: recs });

const one = async <T>(sql: string, params: unknown[] = []) => (await t.db.query<T>(sql, params)).rows[0]!;
const orgId = async (code: string) =>
  (await one<{ id: string }>('select id from organisations where code = $1', [code])).id;
const positionRow = (id: string) =>
  t.db.query<{ position: string | null; appreciation: string | null; version: number }>(
    'select position, appreciation, version from recommendation_positions where id = $1',
    [id],
  );
const historyCount = async (id: string) =>
  (
    await one<{ n: number }>(
      'select count(*)::int as n from recommendation_position_history where recommendation_id = $1',
      [id],
    )
  ).n;
const patch = (s: Session, id: string, body: object) =>
  t.call(s, 'PATCH', `/api/recommendations/${id}/position`, body);

beforeAll(async () => {
  if (!present) return;
  t = await testApp();
  records = netherlandsUprInfo(200);
  await store(records);
  const ids = await t.db.query<{ id: string }>(
    "select id from recommendations where mechanism = 'upr' order by id limit 2",
  );
  [uprId, treatyId] = ids.rows.map((r) => r.id) as [string, string];
  // One of them a treaty body's, which takes a free appreciation only.
  await t.db.query("update recommendations set mechanism = 'treaty_body' where id = $1", [treatyId]);
  // Both led by VWS.
  await t.db.query('update recommendations set lead_organisation_id = $1 where id = any($2::uuid[])', [
    await orgId('VWS'),
    [uprId, treatyId],
  ]);
  vws = await t.as('coordinator', 'VWS');
  ocw = await t.as('coordinator', 'OCW');
  bzk = await t.as('coordinator', 'BZK');
}, 120_000);
afterAll(() => t?.close());

describe.skipIf(!present)('the follow-up of a recommendation', () => {
  it('shows the responsibility, the options of its mechanism and what the sources reported', async () => {
    const observer = await t.as('observer');
    const res = await t.call(observer, 'GET', `/api/recommendations/${uprId}/followup`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as FollowUp;
    expect(f.lead?.code).toBe('VWS');
    expect(f.positionOptions).toEqual(['supported', 'supported_in_part', 'noted']);
    expect(f.sourcePositions.length).toBeGreaterThan(0);
    expect(f.sourcePositions[0]!.kind).toBe('upr-info');
    expect(f.position).toBeNull();
    expect(f.history).toEqual([]);
    expect(f.abilities).toEqual({
      editPosition: false,
      editResponsibility: false,
      changeLead: false,
      addProgress: false,
      publishFollowUp: false,
    });
    const asVws = (await t.call(vws, 'GET', `/api/recommendations/${uprId}/followup`)).json() as FollowUp;
    expect(asVws.abilities.editPosition).toBe(true);
  });

  it('answers 404 for an unknown recommendation', async () => {
    const res = await t.call(
      vws,
      'GET',
      '/api/recommendations/00000000-0000-4000-8000-000000000000/followup',
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('recommendation.not_found');
  });
});

describe.skipIf(!present)('recording the position', () => {
  it('lets a coordinator of the lead record it, audited and kept in the history', async () => {
    const res = await patch(vws, uprId, {
      position: 'supported',
      explanation: 'Already policy.',
      version: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as FollowUp;
    expect(f.position).toMatchObject({ position: 'supported', explanation: 'Already policy.', version: 1 });
    expect(f.position?.recordedBy?.name).toBe('coordinator VWS');
    expect(f.history).toHaveLength(1);
    const audit = await one<{ action: string; after: { position: string } }>(
      `select action, after from audit_events
        where entity_type = 'recommendation_position' and entity_id = $1 order by id desc limit 1`,
      [uprId],
    );
    expect(audit.action).toBe('create');
    expect(audit.after.position).toBe('supported');
  });

  it('refuses a coordinator of another organisation: 403, nothing changed', async () => {
    const res = await patch(ocw, uprId, { position: 'noted', version: 1 });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('followup.position_forbidden');
    expect((await positionRow(uprId)).rows[0]).toMatchObject({ position: 'supported', version: 1 });
    expect(await historyCount(uprId)).toBe(1);
  });

  it('refuses a stale version with 409 and keeps what was recorded', async () => {
    // A second "first" recording: someone recorded one in between.
    const first = await patch(vws, uprId, { position: 'noted', version: null });
    expect(first.statusCode).toBe(409);
    expect(first.json().code).toBe('stale_edit');
    const next = await patch(bzk, uprId, { position: 'supported_in_part', version: 1 });
    expect(next.statusCode, next.body).toBe(200);
    const f = next.json() as FollowUp;
    expect(f.position?.version).toBe(2);
    expect(f.history.map((h) => h.position)).toEqual(['supported_in_part', 'supported']);
    const stale = await patch(vws, uprId, { position: 'noted', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await positionRow(uprId)).rows[0]).toMatchObject({ position: 'supported_in_part', version: 2 });
    expect(await historyCount(uprId)).toBe(2);
  });

  it('refuses a position that does not fit the mechanism, and an empty one', async () => {
    const wrong = await patch(vws, uprId, { position: 'agrees', version: 2 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('followup.position_not_for_mechanism');
    const treaty = await patch(vws, treatyId, { position: 'supported', version: null });
    expect(treaty.statusCode).toBe(400);
    expect(treaty.json().code).toBe('followup.position_not_for_mechanism');
    const empty = await patch(vws, treatyId, { position: null, appreciation: '  ', version: null });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('followup.position_empty');
    expect((await positionRow(treatyId)).rows).toHaveLength(0);
    expect(await historyCount(treatyId)).toBe(0);
    expect((await positionRow(uprId)).rows[0]).toMatchObject({ position: 'supported_in_part', version: 2 });
  });

  it('takes a free appreciation for a treaty body recommendation', async () => {
    const res = await patch(vws, treatyId, {
      position: null,
      appreciation: 'Partly covered by the youth care reform.',
      version: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as FollowUp;
    expect(f.positionOptions).toEqual([]);
    expect(f.position).toMatchObject({
      position: null,
      appreciation: 'Partly covered by the youth care reform.',
    });
  });

  it('is never overwritten by an import that reports another position', async () => {
    const before = await one<{ position: string; version: number }>(
      'select position, version from recommendation_positions where id = $1',
      [uprId],
    );
    const changed = records.map((r) => ({
      ...r,
      position: r.position === 'supported' ? ('noted' as const) : ('supported' as const),
    }));
    const result = await store(changed);
    expect(result.updated).toBeGreaterThan(0);
    const after = await one<{ position: string; version: number }>(
      'select position, version from recommendation_positions where id = $1',
      [uprId],
    );
    expect(after).toEqual(before);
    expect(await historyCount(uprId)).toBe(2);
    // The source's own fact did change, and is shown as the source's.
    const f = (await t.call(vws, 'GET', `/api/recommendations/${uprId}/followup`)).json() as FollowUp;
    expect(f.position?.position).toBe('supported_in_part');
    expect(f.sourcePositions.length).toBeGreaterThan(0);
  });
});
