import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

async function firstInstrumentHref(page: Page): Promise<string> {
  await page.goto('/');
  const link = page.getByTestId('overview-table').getByRole('link', { name: 'CEDAW', exact: true });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/instruments\//);
  return href!;
}

test.describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  test('public pages, in Dutch and English', async ({ page }) => {
    const instrument = await firstInstrumentHref(page);
    for (const lang of ['Dutch', 'English'] as const) {
      if (lang === 'English') await page.getByRole('button', { name: 'English' }).click();
      await page.goto('/');
      await expect(page.getByTestId('overview-table')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `overview (${lang})`);

      await page.goto(instrument);
      await expect(page.getByTestId('cycle').first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, `instrument (${lang})`);

      await page.goto('/organisations');
      await expect(page.getByTestId('organisations-table')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `organisations (${lang})`);

      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `login (${lang})`);

      await page.getByRole('main').getByRole('button').click();
      await expect(page.getByTestId('login-error')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `login with errors (${lang})`);

      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page, `not found (${lang})`);

      await page.goto('/users');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('main').getByRole('link')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `users, anonymous (${lang})`);
    }
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('admin pages', async ({ page }) => {
    await login(page, 'admin');
    await expectNoSeriousA11yViolations(page, 'overview (admin)');

    await page.goto('/organisations');
    await expect(page.getByTestId('organisations-table')).toBeVisible();
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'organisations with create form and errors');

    await page.goto('/users');
    await expect(page.getByTestId('users-table')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'users');
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nieuwe gebruiker' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'users with create form');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Bewerken Olga Observer' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /Olga Observer wijzigen/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'users with edit form');

    await page.goto('/audit');
    await expect(page.getByTestId('audit-table')).toBeVisible();
    await page.getByTestId('audit-table').getByText('Toon gegevens').first().click();
    await expectNoSeriousA11yViolations(page, 'audit log');

    await page.goto('/password');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'change password');
  });

  test('the no-access page for an observer', async ({ page }) => {
    await login(page, 'observer');
    await page.goto('/users');
    await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'users (observer, no access)');
  });
});
