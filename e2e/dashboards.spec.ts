import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login, PASSWORD, USERS } from './helpers.ts';

/**
 * The progress dashboard in the browser: four recommendations found by the word "okapi", three led by
 * BZK, of which one has implemented progress, one progress in implementation and one only a draft
 * (which does not count); the fourth has no lead. Grouped by ministry, the chart, the table and the
 * .csv download show the same numbers. Below it, the follow-up priorities of the same search (none of
 * the UPR's; one of a treaty body found by "narwhal") with their .csv, and what is overdue.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
const CSV = [
  HEADER,
  '97001,Netherlands,WEOG,EU,"Protect okapi rangers against intimidation.",Brazil,GRULAC,,Accepted,4,Environment,14',
  '97002,Netherlands,WEOG,EU,"Fund okapi reserves with local communities.",Chile,GRULAC,,Accepted,4,Environment,14',
  '97003,Netherlands,WEOG,EU,"Report on okapi trade in the Caribbean parts.",Peru,GRULAC,,Noted,3,Environment,14',
  '97004,Netherlands,WEOG,EU,"Include okapi habitats in climate plans.",Kenya,African Group,,Accepted,4,Environment,14',
].join('\n');

type Session = { request: APIRequestContext; csrf: string };

async function csrfOf(request: APIRequestContext): Promise<string> {
  const me = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

async function send(s: Session, method: 'POST' | 'PATCH', url: string, data: unknown): Promise<unknown> {
  const res = await s.request.fetch(url, { method, headers: { 'x-csrf-token': s.csrf }, data });
  expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
  return res.json();
}

/** The cells of the dashboard table, header, body and footer, as text. */
async function tableCells(page: Page): Promise<string[][]> {
  return page
    .getByTestId('dashboard-table')
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

test('the progress dashboard by ministry: chart, table and .csv agree', async ({ page, request }) => {
  // The coordinator of the coordinating ministry (BZK) imports the recommendations and assigns three to BZK.
  await login(page, 'coordinator');
  const coordinator: Session = { request: page.request, csrf: await csrfOf(page.request) };
  const imported = await page.request.post('/api/imports/upr-info?fileName=okapi.csv', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': coordinator.csrf },
    data: CSV,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const found = (await (await page.request.get('/api/recommendations?q=okapi&pageSize=10')).json()) as {
    items: { id: string; text: string }[];
  };
  expect(found.items).toHaveLength(4);
  const byWord = (w: string) => found.items.find((i) => i.text.includes(w))!.id;
  const [rangers, reserves, trade] = [byWord('rangers'), byWord('reserves'), byWord('trade')];
  const orgs = (await (await page.request.get('/api/organisations?q=BZK')).json()) as {
    items: { id: string; code: string }[];
  };
  const bzk = orgs.items.find((o) => o.code === 'BZK')!.id;
  await send(coordinator, 'POST', '/api/followup/assign', {
    ids: [rangers, reserves, trade],
    leadOrganisationId: bzk,
  });

  // The administrator drafts progress on three; the coordinator approves two of the drafts.
  const signedIn = await request.post('/api/auth/login', {
    data: { email: USERS.admin.email, password: PASSWORD },
  });
  expect(signedIn.status()).toBe(200);
  const admin: Session = { request, csrf: ((await signedIn.json()) as { csrfToken: string }).csrfToken };
  const draft = (id: string, status: string) =>
    send(admin, 'POST', `/api/recommendations/${id}/progress`, {
      status,
      text: 'Voortgang over de okapi.',
    }) as Promise<{
      id: string;
      version: number;
    }>;
  const done = await draft(rangers, 'implemented');
  const busy = await draft(reserves, 'in_progress');
  await draft(trade, 'implemented');
  for (const u of [done, busy])
    await send(coordinator, 'POST', `/api/progress-updates/${u.id}/approve`, { version: u.version });

  // The dashboard is in the main navigation of a signed-in user.
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Dashboards' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voortgang van de aanbevelingen');

  // Searched for "okapi", grouped by ministry.
  await page.getByLabel('Zoekterm').fill('okapi');
  await page.getByLabel('Indelen naar').selectOption({ label: 'Ministerie (trekker)' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/groupBy=ministry/);
  await expect(page).toHaveURL(/q=okapi/);
  await expect(page.getByTestId('dashboard-total')).toHaveText('4 aanbevelingen gevonden.');

  // The chart: a canvas image with a text alternative.
  const chart = page.getByTestId('dashboard-chart').getByRole('img');
  await expect(chart).toHaveAccessibleName(/Gestapeld staafdiagram: 4 aanbevelingen in 2 groepen/);
  await expect(page.getByTestId('dashboard-chart').locator('canvas')).toBeVisible();

  // The table: a row per ministry, a column per status, and the totals.
  const table = page.getByTestId('dashboard-table');
  await expect(table.locator('caption')).toHaveText(
    'Aanbevelingen per ministerie (trekker) en voortgangsstatus (4 in totaal)',
  );
  const cell = (row: string, status: string) =>
    table
      .locator('tr')
      .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
      .locator(`[data-status="${status}"]`);
  await expect(cell('BZK', 'implemented')).toHaveText('1');
  await expect(cell('BZK', 'in_progress')).toHaveText('1');
  await expect(cell('BZK', 'none')).toHaveText('1');
  await expect(cell('BZK', 'not_started')).toHaveText('0');
  await expect(cell('BZK', 'total')).toHaveText('3');
  await expect(cell('Niet toegewezen', 'none')).toHaveText('1');
  await expect(cell('Niet toegewezen', 'total')).toHaveText('1');
  await expect(cell('Alle aanbevelingen', 'implemented')).toHaveText('1');
  await expect(cell('Alle aanbevelingen', 'none')).toHaveText('2');
  await expect(cell('Alle aanbevelingen', 'total')).toHaveText('4');

  // The .csv download holds the same numbers as the table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('dashboard-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^voortgang-ministry-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const csv = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .map((line) => line.split(';'));
  expect(csv).toEqual(await tableCells(page));
  const xlsx = page.getByTestId('dashboard-xlsx');
  await expect(xlsx).toHaveAttribute(
    'href',
    /\/api\/dashboards\/progress\.xlsx\?.*groupBy=ministry.*lang=nl/,
  );

  await expectNoSeriousA11yViolations(page, 'progress dashboard');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress of the recommendations');
  await expect(cell('Not assigned', 'total')).toHaveText('1');
  await expectNoSeriousA11yViolations(page, 'progress dashboard (English)');
  await page.getByRole('button', { name: 'Nederlands' }).click();

  // A filter of the search narrows the dashboard: only what BZK leads.
  await page.getByLabel('Ministerie (trekker)', { exact: true }).selectOption(bzk);
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(new RegExp(`leadOrganisationId=${bzk}`));
  await expect(page.getByTestId('dashboard-total')).toHaveText('3 aanbevelingen gevonden.');
  await expect(cell('Niet toegewezen', 'total')).toHaveCount(0);
  await expect(cell('Alle aanbevelingen', 'total')).toHaveText('3');

  // The UPR's recommendations are no treaty body's follow-up priorities: the section says so.
  const priorities = page.getByTestId('dashboard-priorities');
  await expect(priorities.getByRole('heading', { level: 2 })).toHaveText('Prioriteiten voor follow-up');
  await expect(priorities.getByTestId('dashboard-priorities-none')).toHaveText(
    'Geen aanbevelingen met follow-upprioriteit binnen deze zoekopdracht.',
  );
  await expect(page.getByTestId('dashboard-priorities-csv')).toHaveAttribute(
    'href',
    new RegExp(`/api/dashboards/priorities\\.csv\\?.*q=okapi.*leadOrganisationId=${bzk}.*lang=nl`),
  );
});

/** Days before today, as YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test('the follow-up priorities of the search and what is overdue', async ({ page }) => {
  // A treaty body's paragraph marked for follow-up, led by BZK, served by an action that has ended.
  await login(page, 'coordinator');
  const coordinator: Session = { request: page.request, csrf: await csrfOf(page.request) };
  const sheet = [
    'reference,mechanism,body,state,symbol,paragraph,text,follow_up',
    'e2e-narwhal-12,treaty_body,CAT,Netherlands,CAT/C/NLD/CO/8,12,"Ensure that narwhal hunters are prosecuted.",yes',
    'e2e-narwhal-13,treaty_body,CAT,Netherlands,CAT/C/NLD/CO/8,13,"Train customs officers on narwhal tusks.",no',
  ].join('\n');
  const imported = await page.request.post('/api/imports/spreadsheet?fileName=narwhal.csv', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': coordinator.csrf },
    data: sheet,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  const found = (await (await page.request.get('/api/recommendations?q=narwhal&pageSize=10')).json()) as {
    items: { id: string; paragraph: string }[];
  };
  expect(found.items).toHaveLength(2);
  const priority = found.items.find((i) => i.paragraph === '12')!.id;
  const orgs = (await (await page.request.get('/api/organisations?q=BZK')).json()) as {
    items: { id: string; code: string }[];
  };
  const bzk = orgs.items.find((o) => o.code === 'BZK')!.id;
  await send(coordinator, 'POST', '/api/followup/assign', { ids: [priority], leadOrganisationId: bzk });
  const action = (await send(coordinator, 'POST', '/api/actions', {
    title: 'Narwalverbod handhaven',
    ownerOrganisationId: bzk,
    startDate: daysAgo(60),
    endDate: daysAgo(3),
    recommendationIds: [priority],
  })) as { id: string };

  await page.goto('/dashboards?q=narwhal');
  await expect(page.getByTestId('dashboard-total')).toHaveText('2 aanbevelingen gevonden.');

  // The priorities: only the marked paragraph, linked, with its lead and status in words.
  const priorities = page.getByTestId('dashboard-priorities');
  await expect(priorities.getByRole('heading', { level: 2 })).toHaveText('Prioriteiten voor follow-up');
  await expect(priorities.getByTestId('dashboard-priorities-total')).toHaveText(
    'Aanbevelingen met follow-upprioriteit: 1.',
  );
  const table = priorities.getByTestId('dashboard-priorities-table');
  await expect(table.locator('caption')).toHaveText(
    'Prioriteiten voor follow-up, met de termijn van het follow-uprapport (1)',
  );
  await expect(table.getByRole('columnheader')).toHaveText([
    'Orgaan',
    'Kenmerk en paragraaf',
    'Tekst',
    'Trekker',
    'Standpunt',
    'Laatste status',
    'Termijn follow-up',
  ]);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const link = rows.getByRole('rowheader').getByRole('link');
  await expect(link).toHaveText('CAT/C/NLD/CO/8 par. 12');
  await expect(link).toHaveAttribute('href', `/recommendations/${priority}`);
  await expect(rows.locator('td')).toHaveText([
    'CAT',
    'Ensure that narwhal hunters are prosecuted.',
    'BZK',
    '—',
    'Nog geen voortgang',
    'onbekend',
  ]);

  // Its .csv: the header and the same row.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('dashboard-priorities-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^prioriteiten-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs
    .readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(csv).toEqual([
    'Orgaan;Documentkenmerk;Paragraaf;Tekst;Trekker;Standpunt;Laatste status;Termijn follow-up;Te laat;Verzonden',
    'CAT;CAT/C/NLD/CO/8;12;Ensure that narwhal hunters are prosecuted.;BZK;;Nog geen voortgang;;nee;nee',
  ]);
  const href = await page.getByTestId('dashboard-priorities-csv').getAttribute('href');
  const answer = await page.request.get(href!);
  expect(answer.status()).toBe(200);
  expect((await answer.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(csv[0]);

  // What is overdue: the action past its end date, and BZK's recommendations without progress.
  const overdue = page.getByTestId('dashboard-overdue');
  await expect(overdue.getByRole('heading', { level: 2 })).toHaveText('Achterstanden');
  const actionRow = overdue
    .getByTestId('dashboard-overdue-actions')
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name: 'Narwalverbod handhaven' }) });
  await expect(actionRow.getByRole('link')).toHaveAttribute('href', `/actions/${action.id}`);
  await expect(actionRow.locator('td').first()).toHaveText('BZK');
  await expect(actionRow.locator('td').last()).toHaveText('1');
  const bzkRow = overdue
    .getByTestId('dashboard-overdue-organisations')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: 'BZK', exact: true }) });
  await expect(bzkRow.locator('[data-kind="without-progress"]')).toHaveText(/^[1-9]\d* \(sinds .+\)$/);

  await expectNoSeriousA11yViolations(page, 'dashboard priorities and overdue');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(priorities.getByRole('heading', { level: 2 })).toHaveText('Follow-up priorities');
  await expect(overdue.getByRole('heading', { level: 2 })).toHaveText('Overdue');
  await expect(page.getByTestId('dashboard-priorities-csv')).toHaveAttribute('href', /lang=en/);
  await expectNoSeriousA11yViolations(page, 'dashboard priorities and overdue (English)');
  await page.getByRole('button', { name: 'Nederlands' }).click();
});
