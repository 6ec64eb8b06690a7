import { expect, test } from '@playwright/test';
import { asUser, importFile, login, PASSWORD, USERS } from './helpers.ts';

/**
 * Merging and splitting in the browser: the coordinating ministry's coordinator finds that two UPR
 * Info rows, worded differently, are one recommendation; merges the second into the first from its
 * page, and takes the source out again, which brings the second back with its own id.
 */
test.describe.configure({ mode: 'serial' });

const UPR_CSV = [
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session',
  '990001,Netherlands,WEOG,EU,"Ratify the Optional Protocol to the Convention on the Rights of Persons with Disabilities without delay",Portugal,WEOG,EU,Supported,5,"Persons with disabilities",13',
  '990002,Netherlands,WEOG,EU,"Consider promptly ratifying the Optional Protocol to the Convention on the Rights of Persons with Disabilities",Spain,WEOG,EU,Noted,2,"Persons with disabilities",13',
].join('\n');

test('the coordinator merges two records of one recommendation and splits them again', async ({
  page,
  request,
}) => {
  await login(page, 'coordinator');
  await importFile(page.request, 'upr-info', 'upr-info-merge.csv', UPR_CSV);
  const found = await page.request.get(
    '/api/recommendations?q=%22optional%20protocol%22%20disabilities%20ratify&state=Netherlands',
  );
  const hits = ((await found.json()) as { items: { id: string; recommendingStates: string[] }[] }).items;
  const keep = hits.find((h) => h.recommendingStates.includes('Portugal'))!;
  const other = hits.find((h) => h.recommendingStates.includes('Spain'))!;
  expect(keep && other && keep.id !== other.id).toBeTruthy();

  await page.goto(`/recommendations/${keep.id}`);
  const form = page.getByTestId('merge-form');
  await expect(form.getByRole('heading', { name: 'Samenvoegen met een andere aanbeveling' })).toBeVisible();
  // Its own id is refused before anything is asked.
  await form.getByLabel(/^Id of adres van de andere aanbeveling/).fill(keep.id);
  await form.getByRole('button', { name: 'Aanbeveling opzoeken' }).click();
  await expect(form).toContainText('Dit is deze aanbeveling zelf. Kies een andere.');
  // The other's address, as copied from its page.
  await form
    .getByLabel(/^Id of adres van de andere aanbeveling/)
    .fill(`http://localhost/recommendations/${other.id}`);
  await form.getByRole('button', { name: 'Aanbeveling opzoeken' }).click();
  const confirm = page.getByTestId('merge-confirm');
  await expect(confirm).toContainText('staten: Spain');
  await expect(confirm).toContainText('Consider promptly ratifying');
  await confirm.getByRole('button', { name: 'Ja, samenvoegen' }).click();
  await expect(page.getByTestId('merged')).toContainText(
    'De aanbevelingen zijn samengevoegd tot één aanbeveling met de bronnen van beide.',
  );

  // One record with both sources; the other is gone.
  const sources = page.getByRole('table', { name: /^Bronnen waaruit/ });
  await expect(sources.locator('tbody tr')).toHaveCount(2);
  await expect(sources).toContainText('Consider promptly ratifying');
  expect((await page.request.get(`/api/recommendations/${other.id}`)).status()).toBe(404);

  // Taking the merged source out again restores the other record, with its own id.
  const row = sources.locator('tbody tr').filter({ hasText: 'Consider promptly ratifying' });
  await row.getByRole('button', { name: 'Eruit halen' }).click();
  await page.getByTestId('split-confirm').getByRole('button', { name: 'Ja, eruit halen' }).click();
  await expect(page.getByTestId('split-done')).toContainText('De bron is uit deze aanbeveling gehaald.');
  await expect(sources.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('link', { name: 'Naar de aanbeveling met die bron' }).click();
  await expect(page).toHaveURL(new RegExp(`/recommendations/${other.id}$`));
  await expect(page.getByRole('table', { name: /^Bronnen waaruit/ })).toContainText(
    'Consider promptly ratifying',
  );

  // Both are in the audit trail, attributed to the coordinator (the administrator reads it).
  await asUser(request, USERS.admin.email, PASSWORD, async () => {
    const res = await request.get(`/api/audit?entityType=recommendation&entityId=${keep.id}&pageSize=50`);
    expect(res.status(), await res.text()).toBe(200);
    const events = ((await res.json()) as { items: { action: string; actorLabel: string }[] }).items;
    for (const action of ['merge', 'split'])
      expect(events.find((e) => e.action === action)?.actorLabel, action).toBe(USERS.coordinator.email);
  });
});
