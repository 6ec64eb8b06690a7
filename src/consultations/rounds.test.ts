import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, fixture, hour, type Fixture, type Round } from './test-fixtures.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f?.t.close());

describe('consultation rounds', () => {
  it('a coordinator of the coordinating ministry creates one; its status follows the dates', async () => {
    const open = await f.createConsultation(at(-hour), at(24 * hour));
    expect(open.status).toBe('open');
    const planned = await f.createConsultation(at(24 * hour), at(48 * hour));
    expect(planned.status).toBe('planned');
    const closed = await f.createConsultation(at(-48 * hour), at(-hour));
    expect(closed.status).toBe('closed');
    const audit = await f.count("audit_events where entity_type = 'consultation' and entity_id = $1", [
      open.id,
    ]);
    expect(audit).toBe(1);
    const list = await f.t.call(null, 'GET', `/api/consultations?cycleId=${f.cycleId}&status=open`);
    expect((list.json() as { items: { id: string }[] }).items.map((c) => c.id)).toContain(open.id);
  });

  it('refuses a closing date before the opening date, and saves nothing', async () => {
    const before = await f.count('consultations');
    const res = await f.t.call(f.bzk, 'POST', '/api/consultations', {
      cycleId: f.cycleId,
      titleNl: 'Verkeerd',
      titleEn: 'Wrong',
      opensAt: at(48 * hour),
      closesAt: at(24 * hour),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/closing date and time must come after the opening/);
    expect(await f.count('consultations')).toBe(before);
    // Also on an edit that moves only one of the dates.
    const c = await f.createConsultation(at(-hour), at(24 * hour));
    const edit = await f.t.call(f.bzk, 'PATCH', `/api/consultations/${c.id}`, {
      version: c.version,
      closesAt: at(-2 * hour),
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json()).toMatchObject({ code: 'consultation.closes_before_opens' });
    expect(edit.json().detail).toMatch(/closing date .* must come after the opening date/);
  });

  it('only coordinators of the lead or coordinating organisation (or an admin) create them', async () => {
    const ocw = await f.t.as('coordinator', 'OCW'); // lead of CEDAW
    const vws = await f.t.as('coordinator', 'VWS');
    const body = {
      cycleId: f.cycleId,
      titleNl: 'x',
      titleEn: 'x',
      opensAt: at(hour),
      closesAt: at(2 * hour),
    };
    expect((await f.t.call(ocw, 'POST', '/api/consultations', body)).statusCode).toBe(201);
    const refused = await f.t.call(vws, 'POST', '/api/consultations', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/lead or coordinating organisation/);
    expect(refused.json()).toMatchObject({
      code: 'instrument.edit_forbidden',
      params: { instrument: 'CEDAW' },
    });
    expect(
      (await f.t.call(ocw, 'POST', '/api/consultations', { ...body, cycleId: f.iccprCycleId })).statusCode,
    ).toBe(403);
    const noCycle = await f.t.call(f.bzk, 'POST', '/api/consultations', {
      ...body,
      cycleId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noCycle.statusCode).toBe(400);
    expect(noCycle.json()).toMatchObject({ code: 'consultation.cycle_missing' });
  });

  it('an edit refused to another ministry names the instrument, and changes nothing', async () => {
    const c = await f.createConsultation(at(hour), at(2 * hour));
    const vws = await f.t.as('coordinator', 'VWS');
    const res = await f.t.call(vws, 'PATCH', `/api/consultations/${c.id}`, {
      version: c.version,
      titleEn: 'y',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/coordinating organisation of CEDAW may change it/);
    const after = await f.t.call(null, 'GET', `/api/consultations/${c.id}`);
    expect(after.json()).toMatchObject({ version: c.version, titleEn: 'Consultation on the seventh report' });
  });

  it('each consultation carries what the caller may do with it', async () => {
    const c = await f.createConsultation(at(hour), at(2 * hour));
    expect(c.abilities).toEqual({ edit: true, moderate: true, erase: false });
    const abilitiesOf = async (session: Awaited<ReturnType<typeof f.t.as>> | null) => {
      const one = (await f.t.call(session, 'GET', `/api/consultations/${c.id}`)).json() as Round;
      const list = (await f.t.call(session, 'GET', `/api/consultations?cycleId=${f.cycleId}`)).json() as {
        items: Round[];
      };
      expect(list.items.find((i) => i.id === c.id)!.abilities).toEqual(one.abilities);
      return one.abilities;
    };
    const none = { edit: false, moderate: false, erase: false };
    const all = { edit: true, moderate: true, erase: false };
    expect(await abilitiesOf(null)).toEqual(none);
    expect(await abilitiesOf(await f.t.as('observer'))).toEqual(none);
    expect(await abilitiesOf(await f.t.as('contributor', 'OCW'))).toEqual(none);
    expect(await abilitiesOf(await f.t.as('coordinator', 'VWS'))).toEqual(none);
    expect(await abilitiesOf(await f.t.as('coordinator', 'OCW'))).toEqual(all);
    expect(await abilitiesOf(f.bzk)).toEqual(all);
    // Erasing a submission on request is for administrators only.
    expect(await abilitiesOf(await f.t.as('admin'))).toEqual({ ...all, erase: true });
  });
});
