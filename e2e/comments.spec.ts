import { expect, test } from '@playwright/test';
import {
  createOrgUsers,
  expectNoSeriousA11yViolations,
  importFile,
  login,
  loginAs,
  organisationId,
} from './helpers.ts';

/**
 * Comments with @mentions in the browser: a coordinator mentions a contributor on a recommendation
 * through the autocomplete (keyboard only); the contributor finds the notification and follows its
 * link back to the recommendation and the comment.
 */
test.describe.configure({ mode: 'serial' });
// The accessibility scan of a full recommendation page (with its related list) takes a while.
test.setTimeout(150_000);

const CSV = [
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session',
  '97001,Netherlands,WEOG,EU,"Guarantee okapi wardens access to legal aid.",Norway,WEOG,,Accepted,4,Justice,15',
].join('\n');
const CONTRIBUTOR = { email: 'comments-contributor@example.org', name: 'Kim Kommentaar' };
const OWN_PASSWORD = 'groene okapi’s lopen door het bos';

test('a coordinator mentions a contributor, who follows the notification back', async ({ page, request }) => {
  // The administrator creates a VWS contributor, who chooses an own password.
  await createOrgUsers(
    request,
    await organisationId(request, 'VWS'),
    { contributor: CONTRIBUTOR },
    OWN_PASSWORD,
  );

  // The coordinator imports the recommendation and opens it.
  await login(page, 'coordinator');
  await importFile(page.request, 'upr-info', 'okapi.csv', CSV);
  await page.goto('/recommendations?q=okapi');
  await page.getByTestId('recommendation-list').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/recommendations\/[0-9a-f-]{36}$/);
  const url = page.url();

  // Mentioning with the keyboard: "@Kim" offers the contributor, Enter inserts the address.
  const thread = page.getByTestId('comments');
  await expect(thread).toContainText('Nog geen reacties.');
  const box = thread.getByRole('combobox', { name: 'Reactie' });
  await box.click();
  await box.pressSequentially('Kun jij dit oppakken, @Kim');
  const options = thread.getByRole('listbox', { name: 'Personen om te noemen' });
  await expect(options.getByRole('option', { name: /Kim Kommentaar/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await expectNoSeriousA11yViolations(page, 'comment with the mention list open');
  await box.press('Enter');
  await expect(box).toHaveValue(`Kun jij dit oppakken, @${CONTRIBUTOR.email} `);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await thread.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(thread.getByTestId('success-notice')).toContainText('Uw reactie is geplaatst.');
  const comment = thread.getByTestId('comment');
  await expect(comment).toContainText('Cor Coördinator (BZK)');
  await expect(comment.locator('mark')).toHaveText('@Kim Kommentaar');

  // The contributor sees the notification and follows its link.
  await page.context().clearCookies();
  await loginAs(page, CONTRIBUTOR.email, OWN_PASSWORD, CONTRIBUTOR.name);
  await page.goto('/notifications');
  const table = page.getByTestId('notifications-table');
  await expect(table).toContainText('Cor Coördinator noemde u in een reactie: “Kun jij dit oppakken');
  await expect(table).toContainText('genoemd');
  await table.getByRole('link', { name: 'Cor Coördinator noemde u in een reactie' }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByTestId('comments').getByTestId('comment')).toContainText('Kun jij dit oppakken');
});
