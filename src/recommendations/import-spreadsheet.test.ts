import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { TEMPLATE_COLUMNS } from './import-spreadsheet.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const upload = async (bytes: Uint8Array | string, fileName: string, query = '') => {
  const s = await t.as('coordinator');
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/spreadsheet?fileName=${fileName}&${query}`,
    headers: { 'content-type': 'application/octet-stream', cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload: Buffer.from(bytes),
  });
};

describe('the spreadsheet template', () => {
  it('downloads as a real workbook with the columns in Dutch, fills and uploads again', async () => {
    const s = await t.as('observer');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/imports/template.xlsx?lang=nl',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('aanbevelingen-sjabloon.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(7).value).toBe('Tekst (verplicht)');
    // A coordinator replaces the example row with two recommendations of an advisory council.
    ws.spliceRows(2, 1);
    ws.addRow([
      'AIV-122-1',
      'advisory_council',
      'AIV',
      'Netherlands',
      'AIV 122',
      'Aanbeveling 1',
      'Invest in the protection of human rights defenders.',
      'Investeer in de bescherming van mensenrechtenverdedigers.',
      '',
      'agrees',
      'ja',
      2023,
      'Freedom of opinion & expression & right to information',
      '',
      '16.10',
    ]);
    ws.addRow([
      'AIV-122-2',
      'advisory_council',
      'AIV',
      'Netherlands',
      'AIV 122',
      'Aanbeveling 2',
      'Strengthen the budget for multilateral human rights work.',
      'Versterk het budget voor multilateraal mensenrechtenwerk.',
      '',
      'partly_agrees',
      'nee',
      2023,
      '',
      '',
      '',
    ]);
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const done = await upload(filled, 'aiv.xlsx');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ created: 2, totalRows: 2, unmappedTerms: [] });
    // Dutch full-text search finds the Dutch text, stemmed: "verdediger" ~ "mensenrechtenverdedigers" no; "bescherming" yes.
    const nl = (await t.call(await t.as('observer'), 'GET', '/api/recommendations?q=beschermen')).json();
    expect(nl.items.map((r: { paragraph: string }) => r.paragraph)).toEqual(['Aanbeveling 1']);
    expect(nl.items[0]).toMatchObject({ followUp: true, position: 'agrees', mechanism: 'advisory_council' });
    const again = await upload(filled, 'aiv.xlsx');
    expect(again.json()).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('takes a CSV with ";" as Dutch Excel writes it, and reports wrong cells by row', async () => {
    const header = TEMPLATE_COLUMNS.map((c) => c.nl).join(';');
    const csv = `${header}\r\n;other;CRM;;;1;Ensure accessible polling stations.;;;;;2022;;;\r\n;nonsense;;;;;Text;;;maybe;perhaps;20;;;\r\n;;;;;;;;;;;;;;\r\n`;
    const bad = await upload(csv, 'crm.csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      {
        path: 'row 3',
        message: expect.stringMatching(
          /mechanism "nonsense".*position "maybe".*follow-up "perhaps".*year "20"/,
        ),
      },
    ]);
    const valid = await upload(csv, 'crm.csv', 'validRowsOnly=true');
    expect(valid.json()).toMatchObject({ created: 1, skipped: 1 });
    const wrong = await upload('naam;adres\r\nx;y\r\n', 'x.csv');
    expect(wrong.json().detail).toMatch(/first row must hold the template's column names/);
  });
});
