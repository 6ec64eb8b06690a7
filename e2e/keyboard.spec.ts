import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers.ts';

/**
 * The recommendation list by keyboard: a "skip to results" link brings the first result within a few
 * tab stops, and the focus on a result's title link is visible (one box with an outline).
 */
test.describe.configure({ mode: 'serial' });

const CSV = [
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session',
  '95001,Netherlands,WEOG,EU,"Take further measures to prevent torture in police custody.",Brazil,GRULAC,,Accepted,4,"Torture and other CID treatment",1',
  '95002,Netherlands,WEOG,EU,"Strengthen efforts to eliminate discrimination in the labour market.",Mexico,GRULAC,,Noted,3,Migrants,14',
].join('\n');

/** The focused element: its tag, link target and whether it is a result's title link. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      text: el?.textContent?.trim() ?? '',
      href: el?.getAttribute('href') ?? '',
      result: Boolean(el?.closest('.rd-rec-item__title')),
    };
  });

test('the first result is a few tab stops away through "Direct naar de resultaten"', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/imports');
  await page.getByLabel('Soort bestand').selectOption('upr-info');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'keyboard.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('import-result')).toContainText('Import klaar');

  await page.goto('/recommendations');
  await expect(page.getByTestId('recommendation-list').locator('li')).not.toHaveCount(0);
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let stops = 0;
  let skipFound = false;
  for (; stops < 80; stops++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.result) break;
    if (f.href === '#rec-results-heading') {
      skipFound = true;
      await expect(page.getByRole('link', { name: 'Direct naar de resultaten' })).toBeVisible();
      await page.keyboard.press('Enter');
    }
  }
  expect(skipFound).toBe(true);
  // The header and navigation (with the follow-up's worklist, dashboards, clusters and actions, the
  // letters, commitments, the Human Rights Council and the results framework), the skip link, Enter,
  // then the first result.
  expect(stops).toBeLessThan(27);
});

test('the focus on a result title link is visible: one box with an outline', async ({ page }) => {
  // Signed in: a visitor who is not sees the published recommendations only.
  await login(page, 'coordinator');
  await page.goto('/recommendations');
  const link = page.getByTestId('recommendation-list').locator('.rd-rec-item__title a').first();
  await link.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  const ring = await link.evaluate((a) => {
    const s = getComputedStyle(a);
    const r = a.getBoundingClientRect();
    return { display: s.display, outline: s.outlineStyle, width: r.width, height: r.height };
  });
  expect(ring.display).not.toBe('inline');
  expect(ring.outline).toBe('solid');
  expect(ring.width).toBeGreaterThan(20);
  expect(ring.height).toBeGreaterThan(10);
});
