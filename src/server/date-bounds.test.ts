import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { DATE_BOUNDS, yearsOf } from '../shared/schema.ts';

/** Dates are bounded by what makes sense for each field (DATE_BOUNDS in src/shared/schema.ts). */

let t: TestApp;
let admin: Session;
let cycleId: string;
const year = Number(today().slice(0, 4));

beforeAll(async () => {
  t = await testApp();
  admin = await t.as('admin');
  const r = await t.db.query<{ id: string }>(
    `select cy.id from cycles cy join instruments i on i.id = cy.instrument_id
      where i.code = 'CEDAW' order by cy.sequence desc limit 1`,
  );
  cycleId = r.rows[0]!.id;
});
afterAll(() => t?.close());

const refusedField = async (res: { statusCode: number; json(): unknown }, path: string, range: string) => {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { code: string; errors: { path: string; message: string }[] };
  expect(body.code).toBe('validation');
  expect(body.errors).toContainEqual({ path, message: `must be between ${range}` });
};

describe('bounds on dates', () => {
  it('a meeting lies within ten years back and five years ahead', async () => {
    const { from, to } = yearsOf(DATE_BOUNDS.meeting);
    expect([from, to]).toEqual([year - 10, year + 5]);
    for (const date of ['0001-01-01', `${year - 11}-12-31`, `${year + 6}-01-01`])
      await refusedField(
        await t.call(admin, 'POST', '/api/meetings', { title: 'Netwerkoverleg', date }),
        'body.date',
        `${from}-01-01 and ${to}-12-31`,
      );
    const ok = await t.call(admin, 'POST', '/api/meetings', { title: 'Netwerkoverleg', date: today() });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('an override of a derived deadline is a treaty fact: 1945 to 2100', async () => {
    for (const date of ['9999-12-31', '1944-12-31', '2101-01-01'])
      await refusedField(
        await t.call(admin, 'POST', `/api/cycles/${cycleId}/overrides`, {
          kind: 'follow_up_due',
          date,
          reason: 'brief van het comité',
        }),
        'body.date',
        '1945-01-01 and 2100-12-31',
      );
    expect((await t.db.query('select 1 from deadline_overrides')).rowCount).toBe(0);
    const ok = await t.call(admin, 'POST', `/api/cycles/${cycleId}/overrides`, {
      kind: 'follow_up_due',
      date: '2028-03-15',
      reason: 'brief van het comité',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a consultation opens and closes within five years of today', async () => {
    const round = (opensAt: string, closesAt: string) =>
      t.call(admin, 'POST', '/api/consultations', {
        cycleId,
        titleNl: 'Consultatie',
        titleEn: 'Consultation',
        opensAt,
        closesAt,
      });
    const { from, to } = yearsOf(DATE_BOUNDS.consultation);
    await refusedField(
      await round('1970-01-01T09:00:00+01:00', `${year}-12-31T17:00:00+01:00`),
      'body.opensAt',
      `${from}-01-01 and ${to}-12-31`,
    );
    await refusedField(
      await round(`${year}-01-01T09:00:00+01:00`, '9999-12-31T17:00:00+01:00'),
      'body.closesAt',
      `${from}-01-01 and ${to}-12-31`,
    );
    expect((await t.db.query('select 1 from consultations')).rowCount).toBe(0);
    const ok = await round(`${year}-01-01T09:00:00+01:00`, `${year + 1}-01-31T17:00:00+01:00`);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a document and an organisation keep to 1945..2100', async () => {
    const org = await t.call(admin, 'POST', '/api/organisations', {
      code: 'TESTORG',
      nameNl: 'Testorganisatie',
      nameEn: 'Test organisation',
      kind: 'ministry',
      validFrom: '1800-01-01',
    });
    await refusedField(org, 'body.validFrom', '1945-01-01 and 2100-12-31');
    const doc = await t.call(admin, 'POST', '/api/documents', { title: 'Rapport', date: '0001-01-01' });
    expect(doc.statusCode).toBe(400);
    expect(doc.body).toContain('body.date');
  });
});
