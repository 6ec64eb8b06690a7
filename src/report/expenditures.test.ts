import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { domActivities, sampleXml } from './iati-sample.ts';

let t: TestApp;
let bz: Session;
beforeAll(async () => {
  t = await testApp();
  bz = await t.as('coordinator', 'BZ');
});
afterAll(() => t?.close());

const upload = (
  s: Session | null,
  kind: 'iati' | 'sheet',
  fileName: string,
  body: string | Buffer,
  type = 'application/xml',
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/report/expenditures/imports/${kind}?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': type, ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) },
    payload: body,
  });

const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
const snapshot = async () => ({
  expenditures: await count('expenditures'),
  imports: await count('expenditure_imports'),
  audit: await count('audit_events'),
});
/** The stored sums per activity and year, in euros. */
const storedSums = async () => {
  const r = await t.db.query<{ activity_identifier: string; year: number; sum: number }>(
    `select activity_identifier, year, sum(amount_eur) as sum from expenditures where source = 'iati'
      group by activity_identifier, year`,
  );
  const out = new Map<string, Map<number, number>>();
  for (const row of r.rows) {
    const m = out.get(row.activity_identifier) ?? new Map<number, number>();
    m.set(row.year, Number(row.sum));
    out.set(row.activity_identifier, m);
  }
  return out;
};

describe('importing the IATI sample', () => {
  const human = domActivities(sampleXml()).filter((a) => a.sectors.includes('15160'));

  it('a coordinator outside BZ and BZK may not import; nothing is saved', async () => {
    const vws = await t.as('coordinator', 'VWS');
    const before = await snapshot();
    const res = await upload(vws, 'iati', 'sample.xml', sampleXml());
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'report.import_forbidden' });
    expect(await snapshot()).toEqual(before);
  });

  it('imports the human rights activities with the yearly disbursements of the XML', async () => {
    const res = await upload(bz, 'iati', 'sample.xml', sampleXml());
    expect(res.statusCode, res.body).toBe(200);
    const payments = human.reduce((n, a) => n + a.disbursementCount, 0);
    expect(res.json()).toMatchObject({ rowsRead: 12, created: payments, updated: 0, deleted: 0, skipped: 7 });
    expect(human).toHaveLength(5);
    expect(await storedSums()).toEqual(new Map(human.map((a) => [a.identifier, a.disbursements])));
    const stored = await t.db.query<{ priority: string; currency: string; source: string }>(
      'select distinct priority, currency, source from expenditures',
    );
    expect(stored.rows).toEqual([{ priority: 'other', currency: 'EUR', source: 'iati' }]);
    const audit = await t.db.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity_type = 'expenditure' and action = 'create'",
    );
    expect(audit.rows[0]!.n).toBe(payments);
  });

  it('a re-import updates what changed and adds nothing twice', async () => {
    const before = await count('expenditures');
    const again = await upload(bz, 'iati', 'sample.xml', sampleXml());
    expect(again.json()).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: before });
    expect(await count('expenditures')).toBe(before);
    // 27787's 2016 payment of 68 926 corrected to 70 000.
    const changed = sampleXml().replace(
      '<value value-date="2016-03-28">68926</value>',
      '<value value-date="2016-03-28">70000</value>',
    );
    expect(changed).not.toBe(sampleXml());
    const res = await upload(bz, 'iati', 'sample-v2.xml', changed);
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: before - 1 });
    expect(await count('expenditures')).toBe(before);
    expect((await storedSums()).get('NL-1-PPR-27787')).toEqual(
      new Map([
        [2015, 56665],
        [2016, 70000],
      ]),
    );
    const audit = await t.db.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_events where entity_type = 'expenditure' and action = 'update'",
    );
    expect(audit.rows).toEqual([
      { before: { amount: 68926, amountEur: 68926 }, after: { amount: 70000, amountEur: 70000 } },
    ]);
    await upload(bz, 'iati', 'sample.xml', sampleXml());
  });

  it('a file that is not IATI, or IATI 1.05, is refused and nothing is saved', async () => {
    const before = await snapshot();
    const notXml = await upload(bz, 'iati', 'uitgaven.csv', 'jaar,bedrag\n2024,100\n', 'text/csv');
    expect(notXml.statusCode).toBe(400);
    expect(notXml.json()).toMatchObject({
      code: 'report.iati_not_xml',
      params: { fileName: 'uitgaven.csv' },
    });
    const old = await upload(bz, 'iati', 'old.xml', sampleXml().replace('version="2.03"', 'version="1.05"'));
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({ code: 'report.iati_version', params: { version: '1.05' } });
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown currency refuses the whole file, naming the activity and transaction; nothing is saved', async () => {
    const before = await snapshot();
    // The first disbursement of 27790, and a new payment of 28384, which the file would otherwise add.
    const bad = sampleXml()
      .replace(
        '<value value-date="2016-08-24">54116</value>',
        '<value value-date="2016-08-24" currency="EUX">54116</value>',
      )
      .replace(
        '<value value-date="2015-12-17">28405</value>',
        '<value value-date="2015-12-17">28406</value>',
      );
    const res = await upload(bz, 'iati', 'bad.xml', bad);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; params: Record<string, unknown>; detail: string };
    expect(body.code).toBe('report.iati_transaction');
    expect(body.params).toMatchObject({
      activity: 'NL-1-PPR-27790',
      problem: 'currency_unknown',
      value: 'EUX',
    });
    expect(body.detail).toContain('nothing was saved');
    expect(await snapshot()).toEqual(before);
  });
});

describe('priorities, sectors and totals', () => {
  it('setting an activity priority moves its expenditures and shows in the totals', async () => {
    const res = await t.call(bz, 'PATCH', '/api/report/expenditures/activities/NL-1-PPR-27790', {
      priority: 'defenders_civic_space',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ priority: 'defenders_civic_space', version: 1, expendituresMoved: 3 });
    const totals = (await t.call(bz, 'GET', '/api/report/expenditures/totals?from=2016&to=2016')).json() as {
      years: { year: number; totalEur: number; priorities: { priority: string; amountEur: number }[] }[];
      abilities: { manage: boolean };
    };
    const dom = domActivities(sampleXml()).filter((a) => a.sectors.includes('15160'));
    const sum2016 = dom.reduce((s, a) => s + (a.disbursements.get(2016) ?? 0), 0);
    const y = totals.years.find((x) => x.year === 2016)!;
    expect(totals.years.map((x) => x.year)).toEqual([2016]);
    expect(y.totalEur).toBe(sum2016);
    expect(y.priorities).toHaveLength(6);
    expect(y.priorities.find((p) => p.priority === 'defenders_civic_space')!.amountEur).toBe(54116);
    expect(y.priorities.find((p) => p.priority === 'other')!.amountEur).toBe(sum2016 - 54116);
    expect(totals.abilities).toEqual({ manage: true });

    // A stale version is refused; a re-import keeps the priority.
    const stale = await t.call(bz, 'PATCH', '/api/report/expenditures/activities/NL-1-PPR-27790', {
      priority: 'other',
    });
    expect(stale.statusCode).toBe(409);
    await upload(bz, 'iati', 'sample.xml', sampleXml());
    const r = await t.db.query<{ priority: string }>(
      "select distinct priority from expenditures where activity_identifier = 'NL-1-PPR-27790'",
    );
    expect(r.rows).toEqual([{ priority: 'defenders_civic_space' }]);
  });

  it('an observer reads the totals but may not set a priority', async () => {
    const observer = await t.as('observer', 'BZ');
    expect((await t.call(observer, 'GET', '/api/report/expenditures?year=2016')).statusCode).toBe(200);
    const vws = await t.as('coordinator', 'VWS');
    const res = await t.call(vws, 'PATCH', '/api/report/expenditures/activities/NL-1-PPR-27787', {
      priority: 'lgbtiq',
    });
    expect(res.statusCode).toBe(403);
    expect(await count('report_activity_priorities')).toBe(1);
  });

  it('a sector a coordinator adds is imported next time', async () => {
    const added = await t.call(bz, 'POST', '/api/report/expenditures/sectors', {
      code: '15220',
      label: 'Civilian peace-building',
    });
    expect(added.statusCode, added.body).toBe(201);
    const res = await upload(bz, 'iati', 'sample.xml', sampleXml());
    const peace = domActivities(sampleXml()).filter((a) => a.sectors.includes('15220'));
    expect(res.json()).toMatchObject({
      skipped: 5,
      created: peace.reduce((n, a) => n + a.disbursementCount, 0),
    });
    const sums = await storedSums();
    for (const a of peace) expect(sums.get(a.identifier)).toEqual(a.disbursements);
  });
});
