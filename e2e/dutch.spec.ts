import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers.ts';

/**
 * Everything a Dutch user sees is Dutch: an administrator walks every page with some data (a
 * started process, imported recommendations) and no page shows a word of this list. Text that is
 * English by nature (a recommendation as the UN wrote it, a source reference) carries lang="en" and
 * is left out, as are document symbols, codes and the values the audit log shows as recorded.
 */
test.describe.configure({ mode: 'serial' });

const ENGLISH = [
  'due',
  'periodic',
  'report',
  'reports',
  'initial',
  'results',
  'follow up',
  'reminder',
  'overdue',
  'submitted',
  'derived',
  'unverified',
  'months',
  'years',
  'review',
  'loading',
  'save',
  'cancel',
  'search',
  'skip',
  'the',
  'cycle',
  'none',
  'edit',
  'previous',
  'next',
];
const PATTERN = new RegExp(`\\b(${ENGLISH.join('|').replace(/ /g, '\\s+')})\\b`, 'gi');

const CSV = [
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session',
  '96001,Netherlands,WEOG,EU,"Take further measures to prevent torture in police custody.",Brazil,GRULAC,,Accepted,4,"Torture and other CID treatment",1',
].join('\n');

/** The page's visible text without what is English by nature, and the English words found in it. */
async function englishOn(page: Page): Promise<string[]> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll(
        '[lang]:not([lang^="nl"]), [data-recorded], .rd-symbol, .rd-code, script, style, [hidden]',
      )
      .forEach((e) => e.remove());
    return copy.innerText;
  });
  return [
    ...new Set(
      [...text.matchAll(PATTERN)].map((m) => `"${text.slice(Math.max(0, m.index - 30), m.index + 30)}"`),
    ),
  ];
}

test('every page in Dutch shows no English', async ({ page }) => {
  await login(page, 'admin');
  // Some data: imported recommendations beside the reference data.
  await page.goto('/imports');
  await page.getByLabel('Soort bestand').selectOption('upr-info');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'dutch.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importeren', exact: true }).click();
  await expect(page.getByTestId('import-result')).toContainText('Import klaar');

  await page.goto('/');
  await page.getByTestId('overview-table').getByRole('link', { name: 'CEDAW', exact: true }).click();
  await expect(page.getByTestId('cycle').first()).toBeVisible();
  const instrumentUrl = page.url();

  await page.goto('/recommendations');
  await page.getByTestId('recommendation-list').locator('.rd-rec-item__title a').first().click();
  const recommendationUrl = page.url();
  // The annual human rights report of 2025, drafted in the workspace.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const made = await page.request.post('/api/letters', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { params: { kind: 'human_rights_report', year: 2025 } },
  });
  expect(made.status(), await made.text()).toBe(201);
  const reportUrl = `/brieven/${((await made.json()) as { id: string }).id}`;

  const pages = [
    '/',
    instrumentUrl,
    '/deadlines',
    '/timeline',
    '/recommendations',
    recommendationUrl,
    '/imports',
    '/process',
    '/tasks',
    '/meetings',
    '/brieven',
    reportUrl,
    '/mensenrechtenraad',
    '/openbare-documenten',
    '/consultations',
    '/notifications',
    '/organisations',
    '/users',
    '/audit',
    '/outbox',
    '/password',
    '/rapportage/financien',
    '/rapportage/bijdragen?year=2025',
    '/bijdrage/onbekende-link',
  ];
  const found: string[] = [];
  for (const url of pages) {
    await page.goto(url);
    const words = await englishOn(page);
    if (words.length) found.push(`${url}: ${words.join(', ')}`);
  }
  expect(found, `English on Dutch pages:\n${found.join('\n')}`).toEqual([]);
});
