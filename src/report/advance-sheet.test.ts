import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testApp, type Session, type TestApp } from '../test/app.ts';

let t: TestApp;
let bzk: Session;
beforeAll(async () => {
  t = await testApp();
  bzk = await t.as('coordinator', 'BZK');
});
afterAll(() => t?.close());

const upload = (kind: 'iati' | 'sheet', fileName: string, body: string | Buffer, type: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/report/expenditures/imports/${kind}?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': type, cookie: bzk.cookie, 'x-csrf-token': bzk.csrf },
    payload: body,
  });
interface Totals {
  years: {
    year: number;
    totalEur: number;
    priorities: { priority: string; amountEur: number; payments: number; withoutEur: number }[];
    notes: string[];
  }[];
}
const totals = async (query = '') =>
  (await t.call(bzk, 'GET', `/api/report/expenditures/totals${query}`)).json() as Totals;
const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

/** JISRA: the advance for 2025 planned as 2025's disbursement and paid in December 2024. */
const JISRA = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="EUR">
    <iati-identifier>XM-DAC-7-PPR-4000001</iati-identifier>
    <title><narrative>JISRA Power of Voices</narrative></title>
    <sector code="15160" percentage="100"/>
    <planned-disbursement><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>9000000</value></planned-disbursement>
    <planned-disbursement><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value>9395942</value></planned-disbursement>
    <transaction><transaction-type code="2"/><transaction-date iso-date="2021-01-01"/><value>40000000</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-01-15"/><value>9000000</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-12-16"/><value>9395942</value></transaction>
  </iati-activity>
</iati-activities>`;

describe('an advance for 2025 paid in December 2024', () => {
  it('counts in 2024, with the note for 2024 and for 2025', async () => {
    const res = await upload('iati', 'jisra.xml', JISRA, 'text/xml');
    expect(res.statusCode, res.body).toBe(200);
    const set = await t.call(bzk, 'PATCH', '/api/report/expenditures/activities/XM-DAC-7-PPR-4000001', {
      priority: 'religion_belief',
    });
    expect(set.statusCode, set.body).toBe(200);
    const stored = await t.db.query<{ year: number; advance_for: number | null; note: string | null }>(
      "select year, advance_for, note from expenditures where paid_on = '2024-12-16'",
    );
    expect(stored.rows).toEqual([
      {
        year: 2024,
        advance_for: 2025,
        note: 'Het voorschot voor 2025 van activiteit XM-DAC-7-PPR-4000001 (EUR 9.395.942) is in december 2024 betaald en telt daarom mee in 2024.',
      },
    ]);
    const all = await totals('?from=2024&to=2025');
    const y2024 = all.years.find((y) => y.year === 2024)!;
    const religion = y2024.priorities.find((p) => p.priority === 'religion_belief')!;
    expect(religion).toMatchObject({ amountEur: 9000000 + 9395942, payments: 2 });
    expect(y2024.notes).toEqual([stored.rows[0]!.note]);
    const y2025 = all.years.find((y) => y.year === 2025)!;
    expect(y2025.totalEur).toBe(0);
    expect(y2025.notes).toEqual([
      'Het voorschot voor 2025 van activiteit XM-DAC-7-PPR-4000001 (EUR 9.395.942) werd in december 2024 al uitbetaald en is daarom niet meegerekend in de cijfers voor 2025.',
    ]);
  });
});

const HEADER = 'jaar;prioriteit;bedrag;valuta;datum;omschrijving;activiteit;bedrag_eur';

describe('a spreadsheet of expenditures', () => {
  it('a CSV imports on a cash basis, all rows; a re-import adds nothing twice', async () => {
    const csv = [
      HEADER,
      '2024;Vrijheid van meningsuiting online en offline;"1.250.000,50";EUR;12-03-2024;Free Press Unlimited;;',
      '2024;lgbtiq;200000;EUR;2024-06-01;COC Nederland;;',
      '2024;women_girls;100000;USD;2024-07-01;UN Women;;92000',
      '2024;other;5000;USD;2024-08-01;Not converted;;',
    ].join('\n');
    const refusedEur = await upload('sheet', 'uitgaven.csv', csv, 'text/csv');
    expect(refusedEur.statusCode).toBe(400);
    expect(refusedEur.json()).toMatchObject({
      code: 'report.sheet_rows',
      params: { row: 5, problem: 'eur_missing' },
    });
    const good = csv.split('\n').slice(0, 4).join('\n');
    const res = await upload('sheet', 'uitgaven.csv', good, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'spreadsheet', rowsRead: 3, created: 3 });
    const again = await upload('sheet', 'uitgaven.csv', good, 'text/csv');
    expect(again.json()).toMatchObject({ created: 0, unchanged: 3 });
    const y = (await totals('?from=2024&to=2024')).years[0]!;
    const of = (p: string) => y.priorities.find((x) => x.priority === p)!.amountEur;
    expect(of('expression')).toBe(1250000.5);
    expect(of('lgbtiq')).toBe(200000);
    expect(of('women_girls')).toBe(92000);
    const usd = await t.db.query<{ amount: number; currency: string; amount_eur: number }>(
      "select amount, currency, amount_eur from expenditures where currency = 'USD'",
    );
    expect(usd.rows).toEqual([{ amount: 100000, currency: 'USD', amount_eur: 92000 }]);
  });

  it('a row with an unknown currency or no date refuses the whole file, with its row number', async () => {
    const before = { e: await count('expenditures'), i: await count('expenditure_imports') };
    const csv = [
      HEADER,
      '2023;lgbtiq;100;EUR;2023-01-05;ok;;',
      '2023;lgbtiq;100;EUX;2023-01-06;wrong currency;;',
      '2023;lgbtiq;100;EUR;;no date;;',
      '2024;lgbtiq;100;EUR;2023-12-20;advance booked in the wrong year;;',
    ].join('\n');
    const res = await upload('sheet', 'fout.csv', csv, 'text/csv');
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; params: Record<string, unknown>; details?: unknown };
    expect(body).toMatchObject({
      code: 'report.sheet_rows',
      params: { row: 3, problem: 'currency_unknown', value: 'EUX', count: 3 },
    });
    expect({ e: await count('expenditures'), i: await count('expenditure_imports') }).toEqual(before);
  });

  it('an .xlsx imports too, with an advance named in its description', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Uitgaven');
    ws.addRow(['year', 'priority', 'amount', 'currency', 'date', 'description', 'activity']);
    ws.addRow([
      2022,
      'religion_belief',
      5000,
      'EUR',
      new Date(Date.UTC(2022, 11, 20)),
      'Voorschot 2023 FoRB',
      'A-1',
    ]);
    ws.addRow([2022, 'Freedom of religion and belief', 750.25, 'EUR', '2022-05-02', 'FoRB', 'A-1']);
    const res = await upload(
      'sheet',
      'uitgaven.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.statusCode, res.body).toBe(200);
    const all = await totals('?from=2022&to=2023');
    const y2022 = all.years.find((y) => y.year === 2022)!;
    expect(y2022.priorities.find((p) => p.priority === 'religion_belief')!.amountEur).toBe(5750.25);
    expect(y2022.notes).toEqual([
      'Het voorschot voor 2023 van activiteit A-1 (EUR 5.000) is in december 2022 betaald en telt daarom mee in 2022.',
    ]);
    expect(all.years.find((y) => y.year === 2023)!.notes).toHaveLength(1);
  });
});
