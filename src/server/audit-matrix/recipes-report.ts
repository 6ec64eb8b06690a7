import { idOf, sessions, state, type Performed, type Recipe } from './context.ts';

/**
 * The recipes of the financial annex: an IATI file and a spreadsheet imported (each leaves an audit
 * row of its import and one per expenditure), an activity's priority set and a sector added.
 */
const IATI = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
  <iati-activity default-currency="EUR">
    <iati-identifier>XM-DAC-7-PPR-AUDIT</iati-identifier>
    <sector code="15160"/>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2024-05-01"/><value>1000</value></transaction>
  </iati-activity>
</iati-activities>`;
const SHEET = 'jaar,prioriteit,bedrag,valuta,datum,omschrijving\n2024,lgbtiq,2500,EUR,2024-04-02,COC';

async function upload(
  kind: 'iati' | 'sheet',
  fileName: string,
  payload: string,
  type: string,
): Promise<Performed> {
  const s = sessions.admin!;
  const res = await state.t.app.inject({
    method: 'POST',
    url: `/api/report/expenditures/imports/${kind}?fileName=${fileName}`,
    headers: { 'content-type': type, cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload,
  });
  return { status: res.statusCode, body: res.json() as unknown };
}

export const reportRecipes: Record<string, Recipe> = {
  'POST /api/report/expenditures/imports/iati': {
    run: () => upload('iati', 'audit.xml', IATI, 'application/xml'),
    entity: (res) => ({ type: 'expenditure_import', id: idOf(res) }),
  },
  'POST /api/report/expenditures/imports/sheet': {
    run: () => upload('sheet', 'audit.csv', SHEET, 'text/csv'),
    entity: (res) => ({ type: 'expenditure_import', id: idOf(res) }),
  },
  'PATCH /api/report/expenditures/activities/:identifier': {
    run: (call) =>
      call('PATCH', '/api/report/expenditures/activities/XM-DAC-7-PPR-AUDIT', { priority: 'expression' }),
    entity: (res) => ({ type: 'report_activity_priority', id: idOf(res) }),
  },
  'POST /api/report/expenditures/sectors': {
    as: 'coordinator',
    run: (call) =>
      call('POST', '/api/report/expenditures/sectors', { code: '15150', label: 'Democratic participation' }),
    entity: (res) => ({ type: 'report_sector', id: idOf(res) }),
  },
};
