import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import type { Cycle } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const instrumentId = async (code: string) =>
  (await t.db.query<{ id: string }>('select id from instruments where code = $1', [code])).rows[0]!.id;

const auditOf = async (entityType: string, entityId: string) => {
  const r = await t.call(
    await t.as('admin'),
    'GET',
    `/api/audit?entityType=${entityType}&entityId=${entityId}`,
  );
  return (r.json().items as { action: string }[]).map((a) => a.action);
};

/** A CEDAW cycle with a dated report, concluding observations and an override of a derived date. */
async function cycleWithOverride(sequence: number): Promise<Cycle> {
  const admin = await t.as('admin');
  const created = await t.call(admin, 'POST', '/api/cycles', {
    instrumentId: await instrumentId('CEDAW'),
    label: `Cycle ${sequence}`,
    sequence,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  for (const [kind, date] of [
    ['report_submitted', '2040-01-10'],
    ['concluding_observations', '2041-03-01'],
  ])
    expect((await t.call(admin, 'POST', `/api/cycles/${id}/phases`, { kind, date })).statusCode).toBe(201);
  const set = await t.call(admin, 'POST', `/api/cycles/${id}/overrides`, {
    kind: 'follow_up_due',
    date: '2043-04-01',
    reason: 'Committee letter',
  });
  expect(set.statusCode, set.body).toBe(200);
  return set.json() as Cycle;
}

describe('deletes carry the version the user saw', () => {
  it('a phase: refused without a version (400) and with a stale one (409); deleted with the current one', async () => {
    const admin = await t.as('admin');
    const c = await cycleWithOverride(101);
    const phase = c.phases.find((p) => p.kind === 'report_submitted')!;
    expect((await t.call(admin, 'DELETE', `/api/phases/${phase.id}`)).statusCode).toBe(400);
    const edited = await t.call(admin, 'PATCH', `/api/phases/${phase.id}`, {
      version: phase.version,
      note: 'x',
    });
    expect(edited.statusCode).toBe(200);
    const stale = await t.call(admin, 'DELETE', `/api/phases/${phase.id}?version=${phase.version}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_edit', params: { current: phase.version + 1 } });
    expect((await t.db.query('select 1 from cycle_phases where id = $1', [phase.id])).rowCount).toBe(1);
    const ok = await t.call(admin, 'DELETE', `/api/phases/${phase.id}?version=${phase.version + 1}`);
    expect(ok.statusCode).toBe(204);
    expect((await t.db.query('select 1 from cycle_phases where id = $1', [phase.id])).rowCount).toBe(0);
    expect(await auditOf('cycle_phase', phase.id)).toContain('delete');
  });

  it('a cycle: a stale version keeps the cycle, its phases and overrides; the current one deletes all, audited', async () => {
    const admin = await t.as('admin');
    const c = await cycleWithOverride(102);
    const renamed = await t.call(admin, 'PATCH', `/api/cycles/${c.id}`, {
      version: c.version,
      label: 'Renamed',
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await t.call(admin, 'DELETE', `/api/cycles/${c.id}?version=${c.version}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
    expect((await t.db.query('select 1 from cycle_phases where cycle_id = $1', [c.id])).rowCount).toBe(2);
    expect((await t.db.query('select 1 from deadline_overrides where cycle_id = $1', [c.id])).rowCount).toBe(
      1,
    );

    const ok = await t.call(admin, 'DELETE', `/api/cycles/${c.id}?version=${c.version + 1}`);
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await t.call(null, 'GET', `/api/cycles/${c.id}`)).statusCode).toBe(404);
    expect(await auditOf('cycle', c.id)).toContain('delete');
    for (const p of c.phases) expect(await auditOf('cycle_phase', p.id)).toContain('delete');
    const override = c.derivedPhases.find((d) => d.kind === 'follow_up_due')!.override!;
    expect(await auditOf('deadline_override', override.id)).toEqual(
      expect.arrayContaining(['create', 'delete']),
    );
  });

  it('a cycle that documents belong to is kept (409 with its own code)', async () => {
    const admin = await t.as('admin');
    const c = await cycleWithOverride(103);
    await t.db.query(
      `insert into documents (title, kind, cycle_id, instrument_id, public) values ('Report', 'state_report', $1, $2, true)`,
      [c.id, c.instrumentId],
    );
    const r = await t.call(admin, 'DELETE', `/api/cycles/${c.id}?version=${c.version}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('cycle.has_documents');
  });

  it('an override: only with the version the user saw', async () => {
    const coord = await t.as('coordinator', 'BZK');
    const c = await cycleWithOverride(104);
    const o = c.derivedPhases.find((d) => d.kind === 'follow_up_due')!.override!;
    const url = `/api/cycles/${c.id}/overrides/follow_up_due`;
    expect((await t.call(coord, 'DELETE', url)).statusCode).toBe(400);
    expect((await t.call(coord, 'DELETE', `${url}?version=${o.version + 1}`)).statusCode).toBe(409);
    expect((await t.db.query('select 1 from deadline_overrides where id = $1', [o.id])).rowCount).toBe(1);
    const ok = await t.call(coord, 'DELETE', `${url}?version=${o.version}`);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as Cycle).derivedPhases.find((d) => d.kind === 'follow_up_due')!.override).toBeNull();
  });
});

describe('abilities on cycles', () => {
  it('edit follows the instrument’s edit right, in the list and the detail', async () => {
    const c = await cycleWithOverride(105);
    const abilitiesAs = async (session: Awaited<ReturnType<TestApp['as']>> | null) => {
      const one = (await t.call(session, 'GET', `/api/cycles/${c.id}`)).json() as Cycle;
      const list = (await t.call(session, 'GET', `/api/cycles?instrumentId=${c.instrumentId}`)).json()
        .items as Cycle[];
      expect(list.find((x) => x.id === c.id)!.abilities).toEqual(one.abilities);
      return one.abilities;
    };
    expect(await abilitiesAs(null)).toEqual({ edit: false });
    expect(await abilitiesAs(await t.as('observer'))).toEqual({ edit: false });
    expect(await abilitiesAs(await t.as('coordinator', 'SZW'))).toEqual({ edit: false });
    expect(await abilitiesAs(await t.as('coordinator', 'BZK'))).toEqual({ edit: true });
    expect(await abilitiesAs(await t.as('admin'))).toEqual({ edit: true });
    // The ability matches what the server allows.
    const szw = await t.as('coordinator', 'SZW');
    const denied = await t.call(szw, 'PATCH', `/api/cycles/${c.id}`, { version: c.version, label: 'x' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('instrument.edit_forbidden');
  });
});
