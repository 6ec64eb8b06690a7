import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { AnnexActivities } from './schema.ts';
import { domActivities, sampleXml } from './iati-sample.ts';

let t: TestApp;
let bz: Session;
beforeAll(async () => {
  t = await testApp();
  bz = await t.as('coordinator', 'BZ');
});
afterAll(() => t?.close());

const activities = async (s: Session) => {
  const res = await t.call(s, 'GET', '/api/report/expenditures/activities');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AnnexActivities;
};

describe('the activities of the annex', () => {
  it('is empty before an import, and tells whether the user manages the annex', async () => {
    expect(await activities(bz)).toEqual({ items: [], abilities: { manage: true } });
    const observer = await t.as('observer', 'BZ');
    expect(await activities(observer)).toEqual({ items: [], abilities: { manage: false } });
  });

  it('lists each imported activity with its title, payments and total, counting for "other"', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/report/expenditures/imports/iati?fileName=sample.xml',
      headers: { 'content-type': 'application/xml', cookie: bz.cookie, 'x-csrf-token': bz.csrf },
      payload: sampleXml(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const human = domActivities(sampleXml()).filter((a) => a.sectors.includes('15160'));
    const { items } = await activities(bz);
    expect(items.map((a) => a.activityIdentifier)).toEqual(human.map((a) => a.identifier).sort());
    for (const a of human) {
      const item = items.find((i) => i.activityIdentifier === a.identifier)!;
      const total = [...a.disbursements.values()].reduce((s, v) => s + v, 0);
      expect(item).toMatchObject({
        priority: 'other',
        version: null,
        payments: a.disbursementCount,
        amountEur: total,
      });
      const years = [...a.disbursements.keys()];
      expect(item.firstPaidOn!.slice(0, 4)).toBe(String(Math.min(...years)));
      expect(item.lastPaidOn!.slice(0, 4)).toBe(String(Math.max(...years)));
    }
    expect(items.find((i) => i.activityIdentifier === 'NL-1-PPR-27790')!.description).toBe(
      'AST BUSINESS AND HUMAN RIGHTS',
    );
  });

  it('shows a priority set, with the version the next change needs, and one set before any import', async () => {
    const set = await t.call(bz, 'PATCH', '/api/report/expenditures/activities/NL-1-PPR-27790', {
      priority: 'women_girls',
    });
    expect(set.statusCode, set.body).toBe(200);
    const ahead = await t.call(bz, 'PATCH', '/api/report/expenditures/activities/XM-DAC-7-PPR-28250', {
      priority: 'defenders_civic_space',
    });
    expect(ahead.statusCode, ahead.body).toBe(200);
    const { items } = await activities(bz);
    expect(items.find((i) => i.activityIdentifier === 'NL-1-PPR-27790')).toMatchObject({
      priority: 'women_girls',
      version: 1,
    });
    expect(items.find((i) => i.activityIdentifier === 'XM-DAC-7-PPR-28250')).toEqual({
      activityIdentifier: 'XM-DAC-7-PPR-28250',
      description: null,
      priority: 'defenders_civic_space',
      version: 1,
      payments: 0,
      amountEur: 0,
      firstPaidOn: null,
      lastPaidOn: null,
    });
    const again = await t.call(bz, 'PATCH', '/api/report/expenditures/activities/NL-1-PPR-27790', {
      priority: 'lgbtiq',
      version: 1,
    });
    expect(again.json()).toMatchObject({ priority: 'lgbtiq', version: 2 });
  });
});
