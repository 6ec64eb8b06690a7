import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, importFile, login } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
const CSV = [
  HEADER,
  '98501,Netherlands,WEOG,EU,"Protect axolotl keepers against discrimination.",Brazil,GRULAC,,Accepted,4,Health,14',
  '98502,Netherlands,WEOG,EU,"Ensure axolotl clinics give equal access.",Chile,GRULAC,,Noted,3,Health,14',
].join('\n');
let recId = '';

test('publish one and in bulk, anonymous sees the public follow-up', async ({ page, browser }) => {
  await login(page, 'coordinator');
  await importFile(page.request, 'upr-info', 'axolotl.csv', CSV);
  const list = await (await page.request.get('/api/recommendations?q=axolotl')).json();
  recId = list.items.find((i: { text: string }) => i.text.includes('keepers')).id;
  const me = await (await page.request.get('/api/auth/me')).json();
  const pos = await page.request.patch(`/api/recommendations/${recId}/position`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { position: 'supported', explanation: 'Het kabinet steunt dit axolotl-beleid.', version: null },
  });
  expect(pos.status(), await pos.text()).toBe(200);

  await page.goto(`/recommendations/${recId}`);
  const panel = page.getByTestId('publish-followup');
  await expect(panel.getByRole('heading', { name: 'Openbaarmaking van de opvolging' })).toBeVisible();
  await expect(panel.getByTestId('publish-state')).toContainText('intern');
  await panel.getByRole('button', { name: 'Opvolging openbaar maken' }).click();
  await expect(panel.getByTestId('publish-result')).toContainText('De opvolging is openbaar gemaakt.');
  await expect(panel.getByRole('button', { name: 'Openbaarmaking intrekken' })).toBeVisible();
  await expect(panel.getByTestId('publish-state')).toContainText('openbaar sinds');
  await page.screenshot({ path: '/tmp/rd-publish-e2e/panel.png', fullPage: true });

  const anon = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
  await anon.goto(`/recommendations/${recId}`);
  const pub = anon.getByTestId('public-followup');
  await expect(pub.getByRole('heading', { name: 'Opvolging door de regering' })).toBeVisible();
  await expect(pub).toContainText('Het kabinet steunt dit axolotl-beleid.');
  await expect(pub).toContainText('Er is nog geen goedgekeurde voortgang gemeld.');
  await expect(anon.getByTestId('publish-followup')).toHaveCount(0);
  await anon.screenshot({ path: '/tmp/rd-publish-e2e/public.png', fullPage: true });
  await expectNoSeriousA11yViolations(anon, 'public follow-up');

  await page.goto('/recommendations?q=axolotl');
  const bulk = page.getByTestId('bulk-publish');
  await bulk.getByRole('button', { name: 'Openbaar maken' }).click();
  await expect(bulk.getByTestId('bulk-publish-confirm')).toContainText(
    'De opvolging van 2 aanbevelingen openbaar maken?',
  );
  await bulk.getByRole('button', { name: 'Ja, openbaar maken' }).click();
  await expect(bulk.getByTestId('bulk-publish-result')).toContainText(
    'De opvolging van 1 aanbevelingen is openbaar gemaakt; 1 waren al openbaar.',
  );
  await bulk.getByRole('button', { name: 'Openbaarmaking intrekken' }).click();
  await bulk.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(bulk.getByTestId('bulk-publish-result')).toContainText(
    'De openbaarmaking van 2 aanbevelingen is ingetrokken',
  );
  await bulk.screenshot({ path: '/tmp/rd-publish-e2e/bulk.png' });
  await expectNoSeriousA11yViolations(page, 'bulk publish');

  await anon.reload();
  await expect(anon.getByRole('heading', { name: 'Aanbeveling' }).first()).toBeVisible();
  await expect(anon.getByTestId('public-followup')).toHaveCount(0);
  // Withdrawn, the recommendation is not public at all: the visitor gets the answer of an unknown id.
  await expect(anon.getByText(/Er bestaat geen aanbeveling met id/)).toBeVisible();
});
