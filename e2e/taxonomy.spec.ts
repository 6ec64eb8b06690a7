import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers.ts';

/**
 * The taxonomy page lists every term in full. The UN themes and groups have no official Dutch: the
 * Dutch interface marks their Dutch labels as not verified, while OHCHR's English stays unmarked.
 */
test('the taxonomy page shows the Dutch labels as not verified, in Dutch only', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Taxonomie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taxonomie');
  await page.getByLabel('Indeling').selectOption('uhri_theme');
  await page.getByLabel('Zoeken op code, naam of schrijfwijze').fill('detentie');
  await page.getByRole('button', { name: 'Filteren' }).click();
  const row = page.getByTestId('term-uhri_theme-conditions-of-detention');
  await expect(row.getByRole('rowheader')).toHaveText('Detentieomstandigheden niet geverifieerd');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Conditions of detention');
  await expect(row).toContainText('Detention');
  await expect(row).toContainText('Bron van de Nederlandse naam: Translation for Rightsdesk');
  await expectNoSeriousA11yViolations(page, 'taxonomy (Dutch)');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taxonomy');
  await expect(row.getByRole('rowheader')).toHaveText('Conditions of detention');
  await expect(row.getByRole('cell').nth(1)).toHaveText('Detentieomstandigheden unverified');
  await expectNoSeriousA11yViolations(page, 'taxonomy (English)');
});
