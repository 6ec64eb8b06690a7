import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, importFile, login } from './helpers.ts';

/**
 * The register of commitments to parliament in the browser, as the coordinating ministry's
 * coordinator: a motion with a citation that does not parse is refused at the citation field with
 * the reason; corrected, it is registered with its canonical citation; it is set to done with its
 * evidence; the Tweede Kamer's motions on human rights (a real OData export) are imported, and the
 * adopted ones show as open commitments. The tests build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const MOTIONS = path.resolve(
  import.meta.dirname,
  '../../shared/data/tweedekamer/zaak-moties-mensenrechten-2022-2023.json',
);
const TEXT = 'Verzoekt de regering persvrijheid als speerpunt in de VN-Mensenrechtenraad te nemen';
const state = { url: '' };

test('the register opens, empty, without accessibility violations', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/commitments');
  await expect(page.getByRole('heading', { level: 1, name: 'Toezeggingen en moties' })).toBeVisible();
  await expect(page.getByTestId('commitments-none')).toBeVisible();
  await expect(page.getByTestId('commitments-overdue')).toContainText('Er zijn geen verlopen');
  await expectNoSeriousA11yViolations(page, 'the register of commitments');
});

test('a citation that does not parse is refused at its field; corrected, the motion is registered', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.goto('/commitments');
  await page.getByRole('button', { name: 'Nieuwe toezegging of motie' }).click();
  const form = page.getByTestId('commitment-form');
  await form.getByLabel('Soort').selectOption({ label: 'Motie' });
  await form.getByLabel('Tekst').fill(TEXT);
  await form.getByLabel('Bron (Kamerstuk of Handelingen)').fill('Kamerstuk 35 300 V');
  await form
    .getByLabel('Verantwoordelijk ministerie')
    .selectOption({ label: 'Ministerie van Buitenlandse Zaken (BZ)' });
  await form.getByLabel('Termijn').fill('2020-06-01');
  await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
  const citation = form.getByLabel('Bron (Kamerstuk of Handelingen)');
  await expect(citation).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('het ondernummer ontbreekt');
  await expectNoSeriousA11yViolations(page, 'the form with a refused citation');

  await citation.fill('Kamerstukken II 2019/20, 35300 V, nr. 33');
  await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
  await expect(page).toHaveURL(/\/commitments\/[0-9a-f-]{36}$/);
  state.url = page.url();
  await expect(page.getByTestId('commitment-citation')).toHaveText(
    'Kamerstukken II 2019/20, 35 300 V, nr. 33',
  );
  await expect(page.getByTestId('commitment-facts')).toContainText('Dossier 35300 V, nr. 33');
  // Its due date has passed: it is overdue.
  await expect(page.getByTestId('commitment-facts')).toContainText('te laat');
  await expectNoSeriousA11yViolations(page, 'a commitment');

  // The dashboard counts it, and the register's overdue view names the ministry.
  await page.goto('/dashboards');
  await expect(page.getByTestId('dashboard-commitments-overdue')).toContainText(
    '1 toezegging(en) of motie(s) verlopen',
  );
  await page.goto('/commitments');
  await expect(page.getByTestId('commitments-overdue')).toContainText('BZ: 1');
});

test('done needs evidence; with the letter cited it is done', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto(state.url);
  const form = page.getByTestId('status-form');
  await form.getByLabel('Status').selectOption({ label: 'Afgedaan' });
  await form.getByRole('button', { name: 'Status opslaan' }).click();
  await expect(form.getByLabel('Verwijzing naar de brief of het document')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByTestId('commitment-status')).toHaveText('Open');

  await form.getByLabel('Verwijzing naar de brief of het document').fill('Kamerstuk 32 735, nr. 300');
  await form.getByRole('button', { name: 'Status opslaan' }).click();
  await expect(page.getByTestId('commitment-status')).toHaveText('Afgedaan');
  await expect(page.getByTestId('commitment-evidence')).toContainText('Kamerstuk 32 735, nr. 300');
  await expect(page.getByTestId('commitment-facts')).not.toContainText('te laat');
});

test("the Tweede Kamer's motions import; the adopted ones are open commitments", async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/commitments');
  const panel = page.getByTestId('commitments-import');
  await panel.getByLabel('Bestand (.json of .xml)').setInputFiles(MOTIONS);
  await panel.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('commitments-imported')).toContainText('33 nieuw');

  await page.goto('/commitments?q=2023Z15918');
  const table = page.getByTestId('commitments-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Motie van het lid Boswijk');
  await expect(table).toContainText('Open (aangenomen)');

  await page.goto('/commitments?q=2022Z14227');
  await expect(page.getByTestId('commitments-table')).toContainText('Vervallen (verworpen)');

  await page.goto('/commitments?status=open&kind=motie');
  await expect(page.getByTestId('commitments-table')).not.toContainText('verworpen');
  await page
    .getByTestId('commitments-table')
    .getByRole('link', { name: /Boswijk over een structureel interdepartementaal/ })
    .click();
  await expect(page.getByTestId('commitment-facts')).toContainText('D.G. Boswijk');
  await expect(page.getByTestId('commitment-facts')).toContainText('aangenomen');
  await expectNoSeriousA11yViolations(page, 'an imported motion');
});

const AIV_RESPONSE = path.resolve(
  import.meta.dirname,
  '../../shared/seeds/kabinetsreactie-aiv-advies-122.txt',
);

test('a point of a cabinet response is registered as a commitment and marked on the document', async ({
  page,
}) => {
  await login(page, 'coordinator');
  // The AIV advice and the cabinet's response to it, drafted in the workspace.
  await importFile(
    page.request,
    'document',
    'kabinetsreactie-aiv-advies-122.txt',
    fs.readFileSync(AIV_RESPONSE),
    'application/octet-stream',
  );
  const docs = (await (await page.request.get('/api/documents?kind=advisory_report&pageSize=50')).json()) as {
    items: { id: string; kind: string }[];
  };
  const report = docs.items.find((d) => d.kind === 'advisory_report')!;
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const made = await page.request.post('/api/letters', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { params: { kind: 'advisory_response', document: report.id } },
  });
  expect(made.status(), await made.text()).toBe(201);
  const letter = (await made.json()) as { id: string };

  await page.goto(`/brieven/${letter.id}`);
  const panel = page.getByTestId('response-points');
  await expect(panel.getByRole('heading', { name: 'Punten uit deze kabinetsreactie' })).toBeVisible();
  const section = panel.locator('[data-testid="response-section"][data-key^="recommendation:"]').first();
  await expect(section.getByRole('link', { name: /Over aanbeveling/ })).toBeVisible();
  const part = section.getByTestId('response-part').nth(1);
  await part.getByRole('button', { name: /Vastleggen als toezegging: .*Alinea of punt 1/ }).click();
  const form = part.getByTestId('response-point-form');
  const text = form.getByLabel('Tekst van de toezegging');
  await expect(text).not.toHaveValue('');
  await text.fill('Het kabinet werkt de aanbeveling uit in de beleidsbrief (e2e-punt-7731).');
  // Without the responsible ministry it is refused at that field; nothing is saved.
  await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
  await expect(form.getByLabel('Verantwoordelijk ministerie')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page, 'the form of a response point');
  await form
    .getByLabel('Verantwoordelijk ministerie')
    .selectOption({ label: 'Ministerie van Buitenlandse Zaken (BZ)' });
  await form.getByLabel('Termijn').fill('2031-12-31');
  await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
  await expect(panel.getByTestId('response-point-saved')).toContainText(
    'Het punt is vastgelegd als toezegging.',
  );
  await expect(part).toHaveAttribute('data-registered', 'true');
  await expect(part).toContainText('Vastgelegd als toezegging (BZ, Open)');
  await expectNoSeriousA11yViolations(page, 'a cabinet response with a registered point');

  await part.getByRole('link', { name: 'Vastgelegd als toezegging' }).click();
  await expect(page).toHaveURL(/\/commitments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('e2e-punt-7731');
  await expect(page.getByTestId('commitment-facts')).toContainText('Punt uit kabinetsreactie');
  await expect(page.getByTestId('commitment-response-source')).toContainText('alinea of punt 1');
  await expect(page.getByTestId('commitment-links').getByRole('link').first()).toBeVisible();
});

test('recommendations are found by words and picked, in the new commitment and as links', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await importFile(
    page.request,
    'document',
    'kabinetsreactie-aiv-advies-122.txt',
    fs.readFileSync(AIV_RESPONSE),
    'application/octet-stream',
  );
  await page.goto('/commitments');
  await page.getByRole('button', { name: 'Nieuwe toezegging of motie' }).click();
  const form = page.getByTestId('commitment-form');
  await form.getByLabel('Soort').selectOption({ label: 'Pledge' });
  await form.getByLabel('Tekst').fill('Pledge met gekozen aanbevelingen (e2e-picker-4417)');
  await form
    .getByLabel('Verantwoordelijk ministerie')
    .selectOption({ label: 'Ministerie van Buitenlandse Zaken (BZ)' });
  const picker = form.getByTestId('recommendation-picker');
  // Enter searches; it does not submit the form around the picker.
  await picker.getByLabel('Aanbevelingen zoeken').fill('rechtsstaat');
  await picker.getByLabel('Aanbevelingen zoeken').press('Enter');
  await expect(picker.getByTestId('picker-count')).toContainText('gevonden');
  await expect(page).toHaveURL(/\/commitments(\?.*)?$/);
  await picker
    .getByTestId('picker-results')
    .getByRole('button', { name: /^Kiezen: / })
    .first()
    .click();
  await expect(picker.getByTestId('picker-picked').getByRole('listitem')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'the recommendation picker');
  await form.getByRole('button', { name: 'Toezegging vastleggen' }).click();
  await expect(page).toHaveURL(/\/commitments\/[0-9a-f-]{36}$/);
  const links = page.getByTestId('commitment-links');
  await expect(links.getByRole('link')).toHaveCount(1);

  // On the commitment's page the picker links one more at once.
  const more = links.getByTestId('recommendation-picker');
  await more.getByLabel('Aanbevelingen zoeken').fill('mensenrechten');
  await more.getByRole('button', { name: 'Zoeken' }).click();
  await more
    .getByTestId('picker-results')
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Kiezen: / }) })
    .first()
    .getByRole('button')
    .click();
  await expect(links).toContainText('De koppeling is gelegd.');
  await expect(links.getByRole('link')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page, 'a commitment with recommendations picked');
});
