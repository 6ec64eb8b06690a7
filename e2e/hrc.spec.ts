import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The Human Rights Council membership in the browser, as the coordinating ministry's coordinator:
 * a term is recorded, a priority added, a pledge that shows in the register of commitments, and a
 * resolution (a symbol not like A/HRC/RES/49/1 is refused at its field). Test data only; the tests
 * build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const PLEDGE = 'Testpledge: het Koninkrijk steunt mensenrechtenverdedigers';
const state = { url: '' };

test('a term is recorded, without accessibility violations', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/mensenrechtenraad');
  await expect(page.getByRole('heading', { level: 1, name: 'Mensenrechtenraad' })).toBeVisible();
  await expect(page.getByTestId('hrc-none')).toBeVisible();
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
