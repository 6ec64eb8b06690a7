import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * Recommendations in the browser: a coordinator imports a small UPR Info file (preview first), then
 * searches, filters, opens a recommendation, exports and saves a search. The tests build on each other
 * (one server, one database), so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';

/** Four rows; 90001 and 90003 are the same recommendation made by two states (one recommendation). */
const GOOD_CSV = [
  HEADER,
  '90001,Netherlands,WEOG,EU,"Take further measures to prevent torture and ill-treatment in police custody.",Brazil,GRULAC,,Accepted,4,"Torture in custody,Detention conditions",1',
  '90002,Netherlands,WEOG,EU,"Strengthen efforts to eliminate discrimination against migrants in the labour market.",Mexico,GRULAC,,Noted,3,Migrants,14',
  '90003,Netherlands,WEOG,EU,"Take further measures to prevent torture and ill-treatment in police custody.",Chile,GRULAC,,Accepted,4,"Torture in custody,Detention conditions",1',
  '90004,Netherlands,WEOG,EU,"Ensure that all children in the Caribbean part of the Kingdom have equal access to education.",Portugal,WEOG,EU,Accepted,4,Right to education,14',
].join('\n');

/** Row 3 (the second data row) has a response UPR Info does not use. */
const BAD_CSV = [
  HEADER,
  '91001,Netherlands,WEOG,EU,"Ratify the optional protocol on zebrafinch welfare.",Norway,WEOG,,Accepted,4,Other,14',
  '91002,Netherlands,WEOG,EU,"Adopt a national plan on zebrafinch habitats.",Sweden,WEOG,EU,Perhaps,4,Other,14',
].join('\n');

async function chooseFile(page: Page, name: string, content: string) {
  await page.getByLabel('Soort bestand').selectOption('upr-info');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
}

async function total(page: Page, query: string): Promise<number> {
  const res = await page.request.get(`/api/recommendations?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

test('a file with a bad row shows the row error, and nothing is stored', async ({ page }) => {
  await login(page, 'coordinator');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Importeren' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanbevelingen importeren');
  await chooseFile(page, 'upr-bad.csv', BAD_CSV);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('2 rijen, 1 met een fout');
  const errorRow = preview.getByTestId('import-errors').locator('tbody tr');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow.first().locator('th')).toHaveText('3');
  await expect(errorRow.first()).toContainText('the response "Perhaps" is not Accepted or Noted');
  await expect(preview.getByRole('button', { name: 'Alleen de geldige rijen importeren' })).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Importeren', exact: true })).toHaveCount(0);
  expect(await total(page, 'q=zebrafinch')).toBe(0);
});

test('a coordinator previews a UPR Info file, then imports it', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/imports');
  await chooseFile(page, 'upr-small.csv', GOOD_CSV);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(
    'Voorbeeld: er is nog niets opgeslagen',
  );
  const counts = preview.getByTestId('import-counts');
  await expect(counts).toContainText('Rijen in het bestand4');
  await expect(counts).toContainText('Nieuwe aanbevelingen3');
  await expect(preview.getByTestId('import-unmapped')).toContainText('Torture in custody');
  await expect(page.getByTestId('live-region')).toContainText('Voorbeeld klaar');
  // The preview stored nothing.
  expect(await total(page, 'q=torture')).toBe(0);

  await preview.getByRole('button', { name: 'Importeren', exact: true }).click();
  const result = page.getByTestId('import-result');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText('Resultaat van de import');
  await expect(result).toContainText('Import klaar: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
  await expect(page.getByTestId('live-region')).toHaveText(
    'Import klaar: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd.',
  );
  expect(await total(page, 'mechanism=upr')).toBe(3);

  await result.getByRole('link', { name: 'De geïmporteerde aanbevelingen bekijken' }).click();
  await expect(page).toHaveURL(/\/recommendations\?mechanism=upr/);
  await expect(page.getByTestId('result-count')).toContainText('3 aanbevelingen gevonden.');
});

test('searching full text, two facets, and the recommendation with its provenance', async ({ page }) => {
  // A visitor who is not signed in sees the published recommendations only (none yet), and is told so.
  await page.goto('/recommendations');
  await expect(page.getByTestId('published-only-notice')).toHaveText(
    'U ziet alleen gepubliceerde aanbevelingen. Log in om alle aanbevelingen te zien.',
  );
  await expect(page.getByTestId('result-count')).toContainText('0 aanbevelingen gevonden.');
  await login(page, 'observer');
  await page.goto('/recommendations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanbevelingen');
  await expect(page.getByTestId('published-only-notice')).toHaveCount(0);
  await page.getByLabel('Zoeken in aanbevelingen').fill('tortured');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await expect(page).toHaveURL(/q=tortured/);
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
  await expect(page.getByTestId('live-region')).toHaveText('1 aanbeveling gevonden.');
  await expect(page.getByTestId('recommendation-list')).toContainText('police custody');
  await expect(page.getByTestId('recommendation-list')).toContainText('Brazil, Chile');

  // Remove the search term, then filter by two facets with the keyboard.
  await page
    .getByTestId('active-filters')
    .getByRole('button', { name: /Zoekterm: tortured/ })
    .click();
  await expect(page.getByTestId('result-count')).toContainText('3 aanbevelingen gevonden.');
  const mechanism = page.locator('[data-facet="mechanism"]').getByRole('link', { name: /UPR \(3\)/ });
  await mechanism.focus();
  await mechanism.press('Enter');
  await expect(page).toHaveURL(/mechanism=upr/);
  await page
    .locator('[data-facet="year"]')
    .getByRole('link', { name: /2012 \(2\)/ })
    .click();
  await expect(page).toHaveURL(/year=2012/);
  await expect(page.getByTestId('result-count')).toContainText('2 aanbevelingen gevonden.');
  await expect(page.locator('[data-facet="year"]').getByRole('link', { name: /2012/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const active = page.getByTestId('active-filters');
  await expect(active.getByRole('button', { name: /Mechanisme: UPR/ })).toBeVisible();
  await expect(active.getByRole('button', { name: /Jaar: 2012/ })).toBeVisible();
  await expect(page.getByTestId('recommendation-list')).not.toContainText('police custody');
  await page
    .locator('[data-facet="position"]')
    .getByRole('link', { name: /kennisgenomen \(1\)/ })
    .click();
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
  await active.getByRole('button', { name: /Standpunt: kennisgenomen/ }).click();
  await expect(page.getByTestId('result-count')).toContainText('2 aanbevelingen gevonden.');

  // The bookmarkable URL gives the same result.
  await page.goto('/recommendations?mechanism=upr&year=2008');
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
  await page.getByTestId('recommendation-list').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanbeveling UPR-sessie 1');
  const fields = page.getByTestId('recommendation-fields');
  await expect(fields).toContainText('Take further measures to prevent torture');
  await expect(fields).toContainText('Brazil, Chile');
  await expect(fields).toContainText('aanvaard');
  const sources = page.getByTestId('sources-table').locator('tbody tr');
  await expect(sources).toHaveCount(2);
  await expect(sources.nth(0)).toContainText('90001');
  await expect(sources.nth(1)).toContainText('90003');
  await expect(sources.nth(0)).toContainText('upr-small.csv');
  await expect(sources.nth(0)).toContainText('UPR Info-database (CSV)');
  await expect(page.getByTestId('unmapped-terms')).toContainText('Torture in custody');
  await expect(page.getByTestId('related')).toContainText('Deze aanbeveling heeft geen documentsymbool');
});

test('the export gives a CSV with the chosen columns, and remembers them', async ({ page }) => {
  await login(page, 'observer');
  await page.goto('/recommendations?mechanism=upr&year=2012');
  await expect(page.getByTestId('result-count')).toContainText('2 aanbevelingen gevonden.');
  const columns = page.getByTestId('export-columns');
  // Choose exactly: state under review, text, recommending states, year.
  for (const label of [
    'Id',
    'Mechanisme',
    'Orgaan',
    'Symbool',
    'Paragraaf',
    'Tekst (Nederlands)',
    'Standpunt',
    'Follow-up',
    'Status',
    'UPR-sessie',
    'Thema’s',
    'Groepen',
    'SDG’s',
  ]) {
    await columns.getByLabel(label, { exact: true }).uncheck();
  }
  for (const label of ['Staat onder toetsing', 'Tekst (Engels)', 'Aanbevelende staten', 'Jaar']) {
    await columns.getByLabel(label, { exact: true }).check();
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download als CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^aanbevelingen-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('Staat,Tekst,Aanbevelende staten,Jaar');
  expect(lines).toHaveLength(3);
  expect(csv).toContain('discrimination against migrants in the labour market');
  expect(csv).toContain('equal access to education');
  expect(csv).toContain('Portugal');
  expect(csv).not.toContain('police custody');

  await page.reload();
  await expect(page.getByTestId('export-columns').getByLabel('Jaar', { exact: true })).toBeChecked();
  await expect(page.getByTestId('export-columns').getByLabel('Id', { exact: true })).not.toBeChecked();
  const href = await page.getByRole('link', { name: 'Download als JSON' }).getAttribute('href');
  expect(href).toContain('columns=stateUnderReview%2Ctext%2CrecommendingStates%2Cyear');
});

test('a signed-in user saves a search, reopens it and deletes it', async ({ page }) => {
  // Anonymous visitors see the published ones (none), and a link to log in instead of the saved searches.
  await page.goto('/recommendations?q=education&mechanism=upr');
  await expect(page.getByTestId('result-count')).toContainText('0 aanbevelingen gevonden.');
  await expect(page.getByRole('link', { name: 'Log in om zoekopdrachten te bewaren.' })).toBeVisible();

  await login(page, 'observer');
  // An observer may not import: no menu item, and the page says so.
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await expect(nav.getByRole('link', { name: 'Aanbevelingen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Importeren' })).toHaveCount(0);
  await page.goto('/imports');
  await expect(
    page.getByText('Alleen coördinatoren en beheerders kunnen aanbevelingen importeren.'),
  ).toBeVisible();
  await expect(page.getByLabel('Bestand', { exact: true })).toHaveCount(0);

  await page.goto('/recommendations?q=education&mechanism=upr');
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
  await page.getByLabel('Naam van deze zoekopdracht').fill('Onderwijs in de UPR');
  await page.getByRole('button', { name: 'Zoekopdracht bewaren' }).click();
  await expect(page.getByTestId('live-region')).toHaveText('Zoekopdracht “Onderwijs in de UPR” bewaard.');
  const saved = page.getByTestId('saved-searches');
  await expect(saved).toContainText('Zoekterm: education; Mechanisme: UPR');

  await page.goto('/recommendations');
  await expect(page.getByTestId('result-count')).toContainText('3 aanbevelingen gevonden.');
  await page.getByTestId('saved-searches').getByRole('link', { name: 'Onderwijs in de UPR' }).click();
  await expect(page).toHaveURL(/q=education/);
  await expect(page).toHaveURL(/mechanism=upr/);
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
  await expect(page.getByLabel('Zoeken in aanbevelingen')).toHaveValue('education');

  await page.getByRole('button', { name: 'Verwijderen Onderwijs in de UPR' }).click();
  await expect(page.getByText('U hebt nog geen zoekopdrachten bewaard.')).toBeVisible();
});

test('a coordinator maps an unmapped spelling to a term', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/imports');
  const unmapped = page.getByTestId('unmapped-terms');
  await expect(unmapped).toContainText('Torture in custody');
  await unmapped.getByRole('button', { name: 'Koppelen Torture in custody' }).click();
  const form = page.getByTestId('map-form');
  await form.getByLabel('Zoek een term').fill('torture');
  await form.getByRole('button', { name: 'Termen zoeken' }).click();
  await form.getByRole('button', { name: /^Koppelen aan deze term D25 / }).click();
  await expect(page.getByTestId('live-region')).toContainText('“Torture in custody” is nu een alias van D25');
  const term = await page.request.get('/api/taxonomy/resolve?scheme=uhri_theme&term=Torture%20in%20custody');
  expect(term.status()).toBe(200);
  expect(((await term.json()) as { code: string }).code).toBe('D25');
});

test('the three pages have no serious accessibility problems, in Dutch and in English', async ({ page }) => {
  await login(page, 'coordinator');
  const check = async (lang: string) => {
    await page.goto('/recommendations?mechanism=upr');
    await expect(page.getByTestId('result-count')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `recommendations (${lang})`);
    await page.getByTestId('recommendation-list').getByRole('link').first().click();
    await expect(page.getByTestId('sources-table')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `recommendation (${lang})`);
    await page.goto('/imports');
    await chooseFileAnyLang(page, lang);
    await page.locator('form button[type="submit"]').first().click();
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expectNoSeriousA11yViolations(page, `imports (${lang})`);
  };
  await check('nl');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import recommendations');
  await check('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import recommendations');
});

async function chooseFileAnyLang(page: Page, lang: string) {
  await page.locator('select[name="kind"]').selectOption('upr-info');
  await page.locator('#import-file').setInputFiles({
    name: `upr-${lang}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(BAD_CSV, 'utf8'),
  });
}

test('“import only the valid rows” stores the good rows of a file with a bad row', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/imports');
  await chooseFile(page, 'upr-bad.csv', BAD_CSV);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const preview = page.getByTestId('import-preview');
  await preview.getByRole('button', { name: 'Voorbeeld van alleen de geldige rijen' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('Nieuwe aanbevelingen1');
  expect(await total(page, 'q=zebrafinch')).toBe(0);
  await page
    .getByTestId('import-preview')
    .getByRole('button', { name: 'Alleen de geldige rijen importeren' })
    .click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Import klaar: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
  await expect(result.getByTestId('import-counts')).toContainText('Overgeslagen rijen (fout)1');
  await expect(result.getByTestId('import-errors')).toContainText('Perhaps');
  expect(await total(page, 'q=zebrafinch')).toBe(1);
});

const REAL_FILE = '../shared/data/upr-info/upr-recommendations-sessions-01-16.csv';

test('the preview of the real UPR Info file (7.6 MB) shows that the server is working', async ({ page }) => {
  test.setTimeout(240_000);
  if (!fs.existsSync(REAL_FILE)) {
    if (process.env.CI === 'true') throw new Error(`${REAL_FILE} is missing: the real-data test cannot run.`);
    test.skip(true, `${REAL_FILE} is absent: skipping the real-data preview.`);
  }
  await login(page, 'coordinator');
  await page.goto('/imports');
  await page.getByLabel('Soort bestand').selectOption('upr-info');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles(REAL_FILE);
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress.getByText('De server verwerkt het bestand')).toBeVisible();
  await expect(progress).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('button', { name: 'Voorbeeld bekijken' })).toBeDisabled();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 200_000 });
  await expect(progress).toHaveAttribute('aria-busy', 'false');
  const rows = Number(/Voorbeeld klaar: (\d+) rijen/.exec((await preview.textContent()) ?? '')?.[1]);
  expect(rows).toBeGreaterThan(10_000);
  // Still nothing of it stored.
  expect(await total(page, 'q=honour%20killings')).toBe(0);
});
