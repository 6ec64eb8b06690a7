import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers.ts';

/** Where the app keeps its language choice (web/i18n/index.tsx); the docs page reads the same. */
const LANG_KEY = 'rightsdesk.lang';
const SEARCH = /^Search recommendations: full text/;

/** Scalar's reference has rendered the OpenAPI document. */
async function referenceShown(page: Page) {
  // The reference renders the whole OpenAPI document (about 1 MB) in the browser.
  await expect(page.getByRole('main', { name: /Rightsdesk API/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Rightsdesk API' })).toBeVisible();
}

const focusedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.getAttribute('aria-label') ?? ''} ${el?.textContent ?? ''}`.trim();
  });

/** Presses Tab until the focused element's name matches, at most `max` times. */
async function tabTo(page: Page, name: RegExp, max = 200): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedText(page))) return presses;
  }
  throw new Error(`${name} was not reached with ${max} presses of Tab`);
}

test.describe('API documentation (/api/docs)', () => {
  test('in Dutch: the frame, the reference, keyboard use and no serious accessibility violations', async ({
    page,
  }) => {
    test.slow(); // axe twice over a long reference
    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page).toHaveTitle('API-documentatie · Rightsdesk');
    await expect(page.getByRole('heading', { level: 1, name: 'API-documentatie' })).toBeVisible();
    const frame = page.getByRole('banner').filter({ hasText: 'API-documentatie' });
    await expect(frame).toContainText('POST /api/auth/login');
    await expect(frame).toContainText('Authorization: Bearer rd_');
    await expect(frame.getByRole('link', { name: '/api/openapi.json (JSON)' })).toHaveAttribute(
      'href',
      '/api/openapi.json',
    );
    await referenceShown(page);
    await expectNoSeriousA11yViolations(page, 'API documentation (Dutch)');

    // By keyboard: the skip link first, then through the reference's menu to the recommendations search.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Naar de API-referentie' })).toBeFocused();
    await tabTo(page, /Open Group - recommendations/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toMatch(SEARCH);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#tag\/recommendations\/GET\/api\/recommendations$/);
    const operation = page.getByRole('heading', { name: SEARCH });
    await expect(operation).toBeInViewport();
    await expect(page.getByRole('link', { name: 'get /api/recommendations', exact: true })).toBeVisible();

    // The expandable parts opened: more of a long list, the schema of an answer, another status.
    await page.getByRole('button', { name: 'Show More' }).first().click();
    await page.locator('label', { hasText: 'Show Schema' }).first().click();
    await expect(page.getByRole('checkbox', { name: /Show Schema/ }).first()).toBeChecked();
    await page.getByRole('tab', { name: '400' }).first().click();
    await expectNoSeriousA11yViolations(page, 'API documentation with an operation opened (Dutch)');
  });

  test("in English: chosen on the page, remembered as the app's choice", async ({ page }) => {
    await page.goto('/api/docs');
    await page.getByRole('link', { name: 'Switch to English' }).click();
    await expect(page).toHaveURL(/\/api\/docs\?lang=en$/);
    expect(await page.evaluate((key) => localStorage.getItem(key), LANG_KEY)).toBe('en');

    // Without ?lang the page follows the language the app remembers.
    await page.goto('/api/docs');
    await expect(page).toHaveURL(/\/api\/docs\?lang=en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('API documentation · Rightsdesk');
    await expect(page.getByRole('heading', { level: 1, name: 'API documentation' })).toBeVisible();
    await expect(page.getByRole('banner').filter({ hasText: 'API documentation' })).toContainText(
      'personal access token',
    );
    await referenceShown(page);
    await page.getByRole('button', { name: 'Open Group - recommendations' }).click();
    await page.getByRole('link', { name: SEARCH }).click();
    await expect(page.getByRole('heading', { name: SEARCH })).toBeInViewport();
    await expectNoSeriousA11yViolations(page, 'API documentation (English)');

    await page.getByRole('link', { name: 'Overschakelen naar Nederlands' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    expect(await page.evaluate((key) => localStorage.getItem(key), LANG_KEY)).toBe('nl');
  });
});
