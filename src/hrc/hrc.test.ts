import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Commitment } from '../commitments/schema.ts';
import type { Term, TermList } from './schema.ts';

/**
 * The Human Rights Council membership through the API: BZ's and BZK's coordinators edit, others read
 * or are refused with nothing changed; a term ending before it starts and a resolution symbol not like
 * A/HRC/RES/49/1 are refused; a pledge is a commitment of kind 'pledge' for BZ; stale edits are 409;
 * every write is audited.
 */
let t: TestApp;
let bz: Session;
let bzk: Session;
let vws: Session;
let bzContributor: Session;
let observer: Session;

beforeAll(async () => {
  t = await testApp();
  [bz, bzk, vws, bzContributor, observer] = [
    await t.as('coordinator', 'BZ'),
    await t.as('coordinator', 'BZK'),
    await t.as('coordinator', 'VWS'),
    await t.as('contributor', 'BZ'),
    await t.as('observer'),
  ];
  // The term of the reference data (seed.test.ts tests it): these tests start from no term.
  await t.db.query('delete from hrc_terms');
});
afterAll(() => t?.close());

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const audits = async (type: string, id: string) =>
  (
    await t.db.query<{ action: string }>(
      'select action from audit_events where entity_type = $1 and entity_id = $2 order by id',
      [type, id],
    )
  ).rows.map((r) => r.action);

let term: Term;

describe('Human Rights Council membership', () => {
  it('a BZ coordinator registers a term with its election, audited', async () => {
    const res = await t.call(bz, 'POST', '/api/hrc/terms', {
      startYear: 2044,
      endYear: 2046,
      status: 'past',
      electionDate: '2019-10-17',
      votesReceived: 172,
    });
    expect(res.statusCode, res.body).toBe(201);
    term = res.json() as Term;
    expect(term).toMatchObject({
      startYear: 2044,
      endYear: 2046,
      votesReceived: 172,
      abilities: { edit: true },
    });
    expect(await audits('hrc_term', term.id)).toEqual(['create']);
  });

  it('refuses a term that ends before it starts, and a second term of the same years', async () => {
    const before = await count('hrc_terms');
    const bad = await t.call(bzk, 'POST', '/api/hrc/terms', { startYear: 2024, endYear: 2023 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('hrc.term_order');
    expect(bad.body).toContain('endYear');
    const same = await t.call(bzk, 'POST', '/api/hrc/terms', { startYear: 2044, endYear: 2046 });
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('hrc.term_exists');
    const patch = await t.call(bz, 'PATCH', `/api/hrc/terms/${term.id}`, {
      endYear: 2043,
      version: term.version,
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().code).toBe('hrc.term_order');
    expect(await count('hrc_terms')).toBe(before);
  });

  it('other ministries, contributors and observers cannot edit; they read', async () => {
    for (const s of [vws, bzContributor, observer]) {
      const res = await t.call(s, 'POST', `/api/hrc/terms/${term.id}/priorities`, { title: 'Respect' });
      expect(res.statusCode).toBe(403);
    }
    expect(await count('hrc_priorities')).toBe(0);
    const list = await t.call(observer, 'GET', '/api/hrc/terms');
    expect(list.statusCode).toBe(200);
    const body = list.json() as TermList;
    expect(body.items.map((x) => [x.id, x.abilities.edit])).toEqual([[term.id, false]]);
    expect(body.abilities.edit).toBe(false);
  });

  it('priorities are added, reordered and removed; a stale edit is refused', async () => {
    let res = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/priorities`, {
      title: 'Respond',
      position: 3,
    });
    expect(res.statusCode, res.body).toBe(201);
    res = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/priorities`, { title: 'Respect', position: 1 });
    const p = (res.json() as Term).priorities;
    expect(p.map((x) => x.title)).toEqual(['Respect', 'Respond']);
    const respond = p[1]!;
    const moved = await t.call(bz, 'PATCH', `/api/hrc/priorities/${respond.id}`, {
      position: 0,
      version: respond.version,
    });
    expect((moved.json() as Term).priorities.map((x) => x.title)).toEqual(['Respond', 'Respect']);
    const stale = await t.call(bz, 'PATCH', `/api/hrc/priorities/${respond.id}`, {
      title: 'Oud',
      version: respond.version,
    });
    expect(stale.statusCode).toBe(409);
    const del = await t.call(
      bz,
      'DELETE',
      `/api/hrc/priorities/${respond.id}?version=${respond.version + 1}`,
    );
    expect(del.statusCode, del.body).toBe(200);
    expect((del.json() as Term).priorities.map((x) => x.title)).toEqual(['Respect']);
    expect(await audits('hrc_priority', respond.id)).toEqual(['create', 'update', 'delete']);
  });

  it('a pledge is registered as a commitment of kind pledge for BZ, and shows its status', async () => {
    const before = await count('commitments');
    const res = await t.call(bzk, 'POST', `/api/hrc/terms/${term.id}/pledges`, {
      text: 'Het Koninkrijk zet zich in voor mensenrechtenverdedigers (testgegeven)',
      madeOn: '2019-06-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const pledge = (res.json() as Term).pledges[0]!;
    expect(pledge.status).toBe('open');
    expect(await count('commitments')).toBe(before + 1);
    const c = (await t.call(observer, 'GET', `/api/commitments/${pledge.commitmentId}`)).json() as Commitment;
    expect(c).toMatchObject({ kind: 'pledge', organisation: { code: 'BZ' }, madeOn: '2019-06-01' });
    const listed = await t.call(observer, 'GET', '/api/commitments?kind=pledge');
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(pledge.commitmentId);
    expect(await audits('commitment', pledge.commitmentId)).toEqual(['create']);
    expect(await audits('hrc_pledge', pledge.id)).toEqual(['create']);
    const status = await t.call(bz, 'POST', `/api/commitments/${c.id}/status`, {
      status: 'partly_done',
      version: c.version,
    });
    expect(status.statusCode, status.body).toBe(200);
    const again = (await t.call(observer, 'GET', `/api/hrc/terms/${term.id}`)).json() as Term;
    expect(again.pledges[0]!.status).toBe('partly_done');
  });

  it('a refused pledge leaves no commitment behind', async () => {
    const before = await count('commitments');
    const res = await t.call(vws, 'POST', `/api/hrc/terms/${term.id}/pledges`, { text: 'Niet toegestaan' });
    expect(res.statusCode).toBe(403);
    expect(await count('commitments')).toBe(before);
  });

  it('resolutions need a symbol like A/HRC/RES/49/1 and keep their core group', async () => {
    const bad = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/resolutions`, {
      title: 'Testresolutie',
      symbol: 'HRC/49/1',
      role: 'lead',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('hrc.symbol_invalid');
    expect(await count('hrc_resolutions')).toBe(0);
    const ok = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/resolutions`, {
      title: 'Testresolutie',
      symbol: 'A/HRC/RES/49/1',
      session: 49,
      role: 'co_sponsor',
      coreGroup: ['Testland A', 'Testland B'],
      adoptedOn: '2022-04-01',
      vote: 'zonder stemming',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const r = (ok.json() as Term).resolutions[0]!;
    expect(r).toMatchObject({
      symbol: 'A/HRC/RES/49/1',
      role: 'co_sponsor',
      coreGroup: ['Testland A', 'Testland B'],
    });
    const dup = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/resolutions`, {
      title: 'Nogmaals',
      symbol: 'A/HRC/RES/49/1',
      role: 'lead',
    });
    expect(dup.statusCode).toBe(409);
    const patch = await t.call(bz, 'PATCH', `/api/hrc/resolutions/${r.id}`, {
      symbol: 'A/HRC/RES/x',
      version: r.version,
    });
    expect(patch.statusCode).toBe(400);
    expect(await audits('hrc_resolution', r.id)).toEqual(['create']);
  });

  it('yearly results: one per year, edited with its version', async () => {
    const res = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/results`, {
      year: 2021,
      text: 'Testresultaat',
    });
    expect(res.statusCode, res.body).toBe(201);
    const y = (res.json() as Term).results[0]!;
    const dup = await t.call(bz, 'POST', `/api/hrc/terms/${term.id}/results`, {
      year: 2021,
      text: 'Nog een',
    });
    expect(dup.statusCode).toBe(409);
    const upd = await t.call(bz, 'PATCH', `/api/hrc/results/${y.id}`, {
      text: 'Bijgewerkt',
      version: y.version,
    });
    expect((upd.json() as Term).results[0]!.text).toBe('Bijgewerkt');
    const stale = await t.call(bz, 'PATCH', `/api/hrc/results/${y.id}`, { text: 'Oud', version: y.version });
    expect(stale.statusCode).toBe(409);
    expect(await audits('hrc_result', y.id)).toEqual(['create', 'update']);
    const staleDelete = await t.call(bz, 'DELETE', `/api/hrc/results/${y.id}?version=${y.version}`);
    expect(staleDelete.statusCode).toBe(409);
    expect((await t.call(observer, 'DELETE', `/api/hrc/results/${y.id}?version=2`)).statusCode).toBe(403);
    const del = await t.call(bz, 'DELETE', `/api/hrc/results/${y.id}?version=2`);
    expect(del.statusCode, del.body).toBe(200);
    expect((del.json() as Term).results).toEqual([]);
    expect(await audits('hrc_result', y.id)).toEqual(['create', 'update', 'delete']);
  });
});
