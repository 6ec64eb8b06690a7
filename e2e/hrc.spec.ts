import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The Human Rights Council membership in the browser, as the coordinating ministry's coordinator:
 * a term is recorded, a priority added, a pledge that shows in the register of commitments, and a
 * resolution (a symbol not like A/HRC/RES/49/1 is refused at its field); priorities, resolutions and
 * yearly results changed and removed; the term 2020–2022 of the reference data with its source and
 * its unverified status. Test data in the years 2091–2093; the tests build on each other, so they run
 * in order.
 */
test.describe.configure({ mode: 'serial' });

const PLEDGE = 'Testpledge: het Koninkrijk steunt mensenrechtenverdedigers';
const state = { url: '' };

test('a term is recorded, without accessibility violations', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/mensenrechtenraad');
  await expect(page.getByRole('heading', { level: 1, name: 'Mensenrechtenraad' })).toBeVisible();
  // The term of the reference data is there from the start.
  await expect(page.getByTestId('hrc-terms-table')).toContainText('Termijn 2020–2022');
  await expectNoSeriousA11yViolations(page, 'the Human Rights Council page');
  await page.getByRole('button', { name: 'Nieuwe termijn' }).click();
  const form = page.getByTestId('hrc-term-form');
  await form.getByLabel('Beginjaar').fill('2091');
  await form.getByLabel('Eindjaar').fill('2090');
  await form.getByRole('button', { name: 'Termijn vastleggen' }).click();
  await expect(form).toContainText('kan niet eindigen');
  await form.getByLabel('Eindjaar').fill('2093');
  await form.getByLabel('Status').selectOption({ label: 'Lid' });
  await form.getByLabel('Aantal stemmen').fill('150');
  await form.getByRole('button', { name: 'Termijn vastleggen' }).click();
  await expect(page).toHaveURL(/\/mensenrechtenraad\/[0-9a-f-]{36}$/);
  state.url = page.url();
  await expect(page.getByRole('heading', { level: 1, name: 'Termijn 2091–2093' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a term');
});

test('a priority and a pledge are added; the pledge is in the register of commitments', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto(state.url);
  await page.getByRole('button', { name: 'Prioriteit toevoegen' }).click();
  const pf = page.getByTestId('hrc-priority-form');
  await pf.getByLabel('Titel').fill('Testprioriteit');
  await pf.getByRole('button', { name: 'Prioriteit toevoegen' }).click();
  await expect(page.getByTestId('hrc-priorities')).toContainText('Testprioriteit');

  await page.getByRole('button', { name: 'Pledge toevoegen' }).click();
  const form = page.getByTestId('hrc-pledge-form');
  await form.getByLabel('Tekst van de pledge').fill(PLEDGE);
  await form.getByRole('button', { name: 'Pledge toevoegen' }).click();
  const table = page.getByTestId('hrc-pledges-table');
  await expect(table).toContainText(PLEDGE);
  await expect(table).toContainText('Open');
  await expectNoSeriousA11yViolations(page, 'a term with a pledge');

  await table.getByRole('link', { name: PLEDGE }).click();
  await expect(page).toHaveURL(/\/commitments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('commitment-facts')).toContainText('Pledge');
  await page.goto('/commitments?kind=pledge');
  await expect(page.getByTestId('commitments-table')).toContainText(PLEDGE);
});

test('a resolution needs a symbol like A/HRC/RES/49/1', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto(state.url);
  await page.getByRole('button', { name: 'Resolutie toevoegen' }).click();
  const form = page.getByTestId('hrc-resolution-form');
  await form.getByLabel('Titel').fill('Testresolutie');
  await form.getByLabel('Symbool').fill('HRC/49/1');
  await form.getByRole('button', { name: 'Resolutie toevoegen' }).click();
  await expect(form.getByLabel('Symbool')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Symbool').fill('A/HRC/RES/99/1');
  await form.getByLabel('Kerngroep').fill('Testland A, Testland B');
  await form.getByRole('button', { name: 'Resolutie toevoegen' }).click();
  const table = page.getByTestId('hrc-resolutions-table');
  await expect(table).toContainText('A/HRC/RES/99/1');
  await expect(table).toContainText('Testland A, Testland B');
  await expectNoSeriousA11yViolations(page, 'a term with a resolution');
});

test('priorities, resolutions and yearly results are changed and removed, each with a message', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.goto(state.url);
  const priorities = page.getByTestId('hrc-priorities');
  await priorities.getByRole('button', { name: 'Wijzigen: Testprioriteit' }).click();
  const pf = page.getByTestId('hrc-priority-form');
  await expect(pf.getByRole('heading', { name: 'Prioriteit wijzigen' })).toBeVisible();
  await expect(pf.getByLabel('Titel')).toHaveValue('Testprioriteit');
  await pf.getByLabel('Titel').fill('Testprioriteit gewijzigd');
  await pf.getByLabel('Beschrijving').fill('Toegevoegd bij het wijzigen (e2e-hrc-8812)');
  await pf.getByRole('button', { name: 'Opslaan' }).click();
  await expect(priorities.getByTestId('success-notice')).toContainText('Opgeslagen.');
  await expect(priorities).toContainText(
    'Testprioriteit gewijzigd — Toegevoegd bij het wijzigen (e2e-hrc-8812)',
  );
  await expectNoSeriousA11yViolations(page, 'a term with a priority changed');
  await priorities.getByRole('button', { name: 'Verwijderen: Testprioriteit gewijzigd' }).click();
  await expect(priorities).toContainText('"Testprioriteit gewijzigd" verwijderen?');
  await priorities.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(priorities.getByTestId('success-notice')).toContainText(
    '"Testprioriteit gewijzigd" is verwijderd.',
  );
  await expect(priorities).toContainText('Nog geen prioriteiten.');

  const resolutions = page.getByTestId('hrc-resolutions');
  await resolutions.getByRole('button', { name: 'Wijzigen: A/HRC/RES/99/1' }).click();
  const rf = page.getByTestId('hrc-resolution-form');
  await expect(rf.getByLabel('Kerngroep')).toHaveValue('Testland A, Testland B');
  await rf.getByLabel('Stemming').fill('zonder stemming');
  await rf.getByRole('button', { name: 'Opslaan' }).click();
  await expect(resolutions.getByTestId('success-notice')).toContainText('Opgeslagen.');
  await expect(page.getByTestId('hrc-resolutions-table')).toContainText('zonder stemming');
  await expectNoSeriousA11yViolations(page, 'a term with a resolution changed');
  await resolutions.getByRole('button', { name: 'Verwijderen: A/HRC/RES/99/1' }).click();
  await resolutions.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(resolutions.getByTestId('success-notice')).toContainText('"A/HRC/RES/99/1" is verwijderd.');
  await expect(resolutions).toContainText('Nog geen resoluties.');

  const results = page.getByTestId('hrc-results');
  await results.getByRole('button', { name: 'Resultaten toevoegen' }).click();
  const yf = page.getByTestId('hrc-result-form');
  await yf.getByLabel('Jaar').fill('2092');
  await yf.getByRole('textbox', { name: /^Resultaten/ }).fill('Eerste resultaten 2092');
  await yf.getByRole('button', { name: 'Resultaten toevoegen' }).click();
  await expect(results).toContainText('Eerste resultaten 2092');
  await results.getByRole('button', { name: 'Wijzigen: Resultaten 2092' }).click();
  await expect(yf.getByLabel('Jaar')).toHaveAttribute('readonly', '');
  await yf.getByRole('textbox', { name: /^Resultaten/ }).fill('Bijgewerkte resultaten 2092');
  await yf.getByRole('button', { name: 'Opslaan' }).click();
  await expect(results.getByTestId('success-notice')).toContainText('Opgeslagen.');
  await expect(results).toContainText('Bijgewerkte resultaten 2092');
  await results.getByRole('button', { name: 'Verwijderen: Resultaten 2092' }).click();
  await results.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(results.getByTestId('success-notice')).toContainText('"Resultaten 2092" is verwijderd.');
  await expect(results).toContainText('Nog geen resultaten.');
  await expectNoSeriousA11yViolations(page, 'a term with its parts removed');
});

test('the term 2020–2022 of the reference data: its election, priorities, source and unverified status', async ({
  page,
}) => {
  await login(page, 'observer');
  await page.goto('/mensenrechtenraad');
  await page.getByRole('link', { name: 'Termijn 2020–2022' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Termijn 2020–2022' })).toBeVisible();
  const election = page.getByRole('region', { name: 'Verkiezing' });
  await expect(election).toContainText('172');
  await expect(election).toContainText('Voormalig lid');
  await expect(page.getByTestId('hrc-unverified')).toContainText('niet geverifieerd');
  await expect(page.getByTestId('hrc-source')).toContainText('14 februari 2020');
  await expect(election).toContainText('Kamerstuk 35 300 V, nr. 33');
  const priorities = page.getByTestId('hrc-priorities');
  for (const p of ['Respect', 'Reach out', 'Respond']) await expect(priorities).toContainText(p);
  // An observer reads; nothing to change.
  await expect(page.getByRole('button', { name: /^Wijzigen/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the term of the reference data');
});

test('saving the election of the seeded term confirms its status', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/mensenrechtenraad');
  await page.getByRole('link', { name: 'Termijn 2020–2022' }).click();
  await expect(page.getByTestId('hrc-unverified')).toBeVisible();
  await page.getByRole('button', { name: 'Verkiezing en status wijzigen' }).click();
  const form = page.getByTestId('hrc-term-form');
  await expect(form.getByLabel('Aantal stemmen')).toHaveValue('172');
  await expect(form.getByLabel('Status', { exact: true })).toHaveValue('past');
  await expectNoSeriousA11yViolations(page, 'the election form of a term');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('success-notice')).toContainText('Opgeslagen.');
  await expect(page.getByTestId('hrc-election')).toContainText('Voormalig lid');
  await expect(page.getByTestId('hrc-unverified')).toHaveCount(0);
});
