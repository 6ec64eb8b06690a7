import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The list opens on the Kingdom's own recommendations, with every state's one click away, and a
 * Dutch search finds English recommendations and says which English words it also searched for.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
const CSV = [
  HEADER,
  '97501,Netherlands,WEOG,EU,"Protect the children of Saba against quokka bites.",Portugal,WEOG,EU,Accepted,4,"Rights of the Child",14',
  '97502,Belgium,WEOG,EU,"Protect the children of Flanders against quokka bites.",Spain,WEOG,EU,Accepted,4,"Rights of the Child",14',
].join('\n');

test('the Kingdom first, the world one click away, and a Dutch search', async ({ page }) => {
  await login(page, 'coordinator');
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/imports/upr-info?fileName=scope.csv', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken },
    data: CSV,
  });
  expect(res.status(), await res.text()).toBe(200);

  await page.goto('/recommendations?q=kinderen%20quokka');
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
  await expect(page.getByTestId('also-searched')).toContainText('Ook gezocht op:');
  await expect(page.getByTestId('also-searched')).toContainText('children');
  await expect(page.getByTestId('recommendation-list')).toContainText('children of Saba');
  const scope = page.getByTestId('scope-notice');
  await expect(scope).toContainText('U ziet de aanbevelingen aan het Koninkrijk der Nederlanden.');
  await expectNoSeriousA11yViolations(page, 'the list in the Kingdom view');

  await scope.getByRole('link', { name: 'Toon de aanbevelingen aan alle landen' }).click();
  await expect(page).toHaveURL(/world=true/);
  await expect(page.getByTestId('result-count')).toContainText('2 aanbevelingen gevonden.');
  await expect(page.getByTestId('recommendation-list')).toContainText('children of Flanders');
  // The states are offered with their Dutch names.
  await expect(page.locator('[data-facet="state"]')).toContainText('België');

  await page
    .getByTestId('scope-notice')
    .getByRole('link', { name: 'Alleen het Koninkrijk der Nederlanden' })
    .click();
  await expect(page.getByTestId('result-count')).toContainText('1 aanbeveling gevonden.');
});
