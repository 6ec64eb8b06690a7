import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import type { Cycle } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

async function cycleOf(code: string, sequence: number): Promise<Cycle> {
  const inst = (await t.call(null, 'GET', `/api/instruments?q=${code}`))
    .json()
    .items.find((i: { code: string }) => i.code === code);
  const cycles = (await t.call(null, 'GET', `/api/cycles?instrumentId=${inst.id}`)).json().items as Cycle[];
  return cycles.find((c) => c.sequence === sequence)!;
}

const auditOf = async (entityId: string) => {
  const admin = await t.as('admin');
  const r = await t.call(admin, 'GET', `/api/audit?entityType=deadline_override&entityId=${entityId}`);
  return r.json().items as { action: string; entityId: string; after: unknown; before: unknown }[];
};

describe('derived deadlines of the Dutch reference cycles', () => {
  it('CEDAW: follow-up and next report derived from the concluding observations (Feb 2026)', async () => {
    const c = await cycleOf('CEDAW', 7);
    expect(c.derivedPhases.map((d) => [d.kind, d.date, d.datePrecision, d.derived])).toEqual([
      ['follow_up_due', '2028-02-01', 'month', true],
      ['next_report_due', '2034-02-01', 'month', true],
    ]);
    expect(c.derivedPhases[0]!.rule).toMatch(/CEDAW.*24 months|CEDAW.*2 years/);
    expect(c.derivedPhases[0]!.ruleSource).toMatch(/unverified/);
    // Derived, never stored: no phase row of these kinds exists.
    const stored = await t.db.query('select 1 from cycle_phases where cycle_id = $1 and kind = $2', [
      c.id,
      'follow_up_due',
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it('an earlier cycle whose successor started has no overdue derived deadline', async () => {
    const c = await cycleOf('CAT', 6);
    expect(c.derivedPhases.length).toBeGreaterThan(0);
    expect(c.status.overdue).toBe(false);
  });
});

describe('overriding a derived due date', () => {
  it('a coordinator of the coordinating ministry overrides, with a reason; audited; removal restores', async () => {
    const coord = await t.as('coordinator', 'BZK');
    const c = await cycleOf('CEDAW', 7);

    const noReason = await t.call(coord, 'POST', `/api/cycles/${c.id}/overrides`, {
      kind: 'follow_up_due',
      date: '2028-03-15',
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toMatch(/reason/);
    const notDerived = await t.call(coord, 'POST', `/api/cycles/${c.id}/overrides`, {
      kind: 'replies_due',
      date: '2028-03-15',
      reason: 'letter',
    });
    expect(notDerived.statusCode).toBe(400);
    expect(notDerived.json().code).toBe('cycle.nothing_to_override');
    expect((await t.db.query('select 1 from deadline_overrides')).rowCount).toBe(0);

    const set = await t.call(coord, 'POST', `/api/cycles/${c.id}/overrides`, {
      kind: 'follow_up_due',
      date: '2028-03-15',
      reason: 'Committee letter of 1 March 2026 set 15 March 2028',
    });
    expect(set.statusCode, set.body).toBe(200);
    const after = set.json() as Cycle;
    const fu = after.derivedPhases.find((d) => d.kind === 'follow_up_due')!;
    expect(fu).toMatchObject({ date: '2028-03-15', datePrecision: 'day', derivedDate: '2028-02-01' });
    expect(fu.override).toMatchObject({
      reason: 'Committee letter of 1 March 2026 set 15 March 2028',
      version: 1,
    });
    expect(after.status).toMatchObject({ nextDueDate: '2028-03-15', nextDueDerived: true });

    // A second edit needs the version the user saw.
    const stale = await t.call(coord, 'POST', `/api/cycles/${c.id}/overrides`, {
      kind: 'follow_up_due',
      date: '2028-04-01',
      reason: 'again',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_edit');
    const again = await t.call(coord, 'POST', `/api/cycles/${c.id}/overrides`, {
      kind: 'follow_up_due',
      date: '2028-04-01',
      reason: 'corrected',
      version: 1,
    });
    expect(again.statusCode).toBe(200);

    const audit = await auditOf(fu.override!.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);

    // Removing needs the version the user saw too.
    const staleRemoval = await t.call(
      coord,
      'DELETE',
      `/api/cycles/${c.id}/overrides/follow_up_due?version=1`,
    );
    expect(staleRemoval.statusCode).toBe(409);
    expect(staleRemoval.json().code).toBe('stale_edit');
    const removed = await t.call(coord, 'DELETE', `/api/cycles/${c.id}/overrides/follow_up_due?version=2`);
    expect(removed.statusCode).toBe(200);
    const restored = (removed.json() as Cycle).derivedPhases.find((d) => d.kind === 'follow_up_due')!;
    expect(restored).toMatchObject({ date: '2028-02-01', datePrecision: 'month', override: null });
    expect((await auditOf(fu.override!.id)).map((a) => a.action)).toContain('delete');
    const gone = await t.call(coord, 'DELETE', `/api/cycles/${c.id}/overrides/follow_up_due?version=2`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('cycle.override_not_found');
  });

  it('a coordinator of another ministry may not override', async () => {
    const other = await t.as('coordinator', 'SZW');
    const c = await cycleOf('CEDAW', 7);
    const r = await t.call(other, 'POST', `/api/cycles/${c.id}/overrides`, {
      kind: 'next_report_due',
      date: '2034-01-01',
      reason: 'x',
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('instrument.edit_forbidden');
  });
});

describe('dates out of order', () => {
  it('a dialogue before the report was submitted is refused and nothing is saved', async () => {
    const admin = await t.as('admin');
    const c = await cycleOf('ICERD', 24);
    const before = await t.db.query('select count(*)::int as n from cycle_phases where cycle_id = $1', [
      c.id,
    ]);
    const r = await t.call(admin, 'POST', `/api/cycles/${c.id}/phases`, {
      kind: 'report_submitted',
      date: '2022-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toMatch(/out of order/);
    expect(r.json()).toMatchObject({ code: 'cycle.phases_out_of_order', params: { later: 'dialogue' } });
    const after = await t.db.query('select count(*)::int as n from cycle_phases where cycle_id = $1', [c.id]);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('simplified procedure: the list of issues prior to reporting must precede the report', async () => {
    const admin = await t.as('admin');
    const inst = (await t.call(null, 'GET', '/api/instruments?q=CED'))
      .json()
      .items.find((i: { code: string }) => i.code === 'CED');
    const created = await t.call(admin, 'POST', '/api/cycles', {
      instrumentId: inst.id,
      label: 'Second report',
      sequence: 2,
      procedure: 'simplified',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const loi = await t.call(admin, 'POST', `/api/cycles/${id}/phases`, {
      kind: 'list_of_issues',
      date: '2025-06-01',
    });
    expect(loi.statusCode).toBe(201);
    // CED: the report replies to the list of issues prior to reporting, due a year later (derived).
    expect((loi.json() as Cycle).derivedPhases).toMatchObject([{ kind: 'report_due', date: '2026-06-01' }]);
    const early = await t.call(admin, 'POST', `/api/cycles/${id}/phases`, {
      kind: 'report_submitted',
      date: '2025-01-01',
    });
    expect(early.statusCode).toBe(400);
    const ok = await t.call(admin, 'POST', `/api/cycles/${id}/phases`, {
      kind: 'report_submitted',
      date: '2026-05-20',
      followUpParagraphs: null,
    });
    expect(ok.statusCode).toBe(201);
    expect((ok.json() as Cycle).status.overdue).toBe(false);
  });

  it('the concluding observations record the paragraphs chosen for follow-up', async () => {
    const admin = await t.as('admin');
    const c = await cycleOf('CEDAW', 7);
    const co = c.phases.find((p) => p.kind === 'concluding_observations')!;
    const r = await t.call(admin, 'PATCH', `/api/phases/${co.id}`, {
      followUpParagraphs: '12, 24, 36',
      version: co.version,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((r.json() as Cycle).phases.find((p) => p.id === co.id)!.followUpParagraphs).toBe('12, 24, 36');
  });
});
