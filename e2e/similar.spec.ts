import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, importFile, login } from './helpers.ts';

/**
 * Similar recommendations in the browser: the coordinator opens a recommendation to the Kingdom, sees
 * the same concern received again in a later session and from another state, follows one; then, on
 * the clusters page, makes a cluster of the proposal that groups them with one click.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
const UPR_CSV = [
  HEADER,
  '991401,Netherlands,WEOG,EU,"Guarantee safe drinking water and sanitation for every resident of Bonaire, Sint Eustatius and Saba",Portugal,WEOG,EU,Supported,4,"Water and sanitation",1',
  '991402,Netherlands,WEOG,EU,"Guarantee safe drinking water and sanitation to all residents of Bonaire, Sint Eustatius and Saba",Spain,WEOG,EU,Supported,4,"Water and sanitation",14',
  '991403,Netherlands,WEOG,EU,"Further guarantee safe drinking water and sanitation for the residents of Bonaire, Sint Eustatius and Saba",Chile,GRULAC,,Noted,4,"Water and sanitation",27',
  '991404,Belgium,WEOG,EU,"Guarantee safe drinking water and sanitation for every resident of rural Wallonia",Brazil,GRULAC,,Supported,4,"Water and sanitation",14',
  '991405,Netherlands,WEOG,EU,"Increase official development assistance to 0.7 per cent of gross national income",Ghana,Africa,AU,Noted,3,"Development",14',
].join('\n');

test('the similar list of a recommendation, followed; a cluster made from a proposal', async ({ page }) => {
  await login(page, 'coordinator');
  await importFile(page.request, 'upr-info', 'upr-info-similar.csv', UPR_CSV);
  const found = await page.request.get('/api/recommendations?q=drinking%20water%20Bonaire&state=Netherlands');
  const hits = ((await found.json()) as { items: { id: string; uprSession: number | null }[] }).items;
  const first = hits.find((h) => h.uprSession === 1)!;
  const later = hits.find((h) => h.uprSession === 14)!;
  expect(first && later).toBeTruthy();

  await page.goto(`/recommendations/${first.id}`);
  const panel = page.getByTestId('similar');
  await expect(panel.getByRole('heading', { name: 'Vergelijkbare aanbevelingen' })).toBeVisible();
  const list = panel.getByTestId('similar-list');
  const again = list.locator(`li[data-id="${later.id}"]`);
  await expect(again).toContainText('Opnieuw ontvangen');
  await expect(again).toContainText('UPR-sessie 14');
  await expect(list).toContainText('Belgium');
  await expect(list).not.toContainText('official development assistance');
  await expectNoSeriousA11yViolations(page, 'a recommendation with its similar ones');

  await again.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/recommendations/${later.id}$`));
  await expect(page.getByTestId('similar-list').locator(`li[data-id="${first.id}"]`)).toContainText(
    'Opnieuw ontvangen',
  );

  await page.goto('/clusters');
  const proposals = page.getByTestId('cluster-proposals');
  await expect(proposals.getByRole('heading', { name: 'Voorstellen voor clusters' })).toBeVisible();
  const proposal = proposals.getByTestId('proposal').filter({ hasText: 'Bonaire, Sint Eustatius and Saba' });
  await expect(proposal).toHaveCount(1);
  await expect(proposal).toContainText('3 aanbevelingen');
  await expectNoSeriousA11yViolations(page, 'the clusters page with proposals');
  await proposal.getByRole('button', { name: /^Cluster maken/ }).click();
  await expect(page.getByTestId('proposal-created')).toContainText('met 3 aanbevelingen');
  await expect(
    proposals.getByTestId('proposal').filter({ hasText: 'Bonaire, Sint Eustatius and Saba' }),
  ).toHaveCount(0);
  await page.getByTestId('proposal-cluster-link').click();
  await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('main')).toContainText('Guarantee safe drinking water and sanitation');
});
