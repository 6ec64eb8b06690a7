import { expect, test, type Page } from '@playwright/test';
import {
  createOrgUsers,
  expectNoSeriousA11yViolations,
  importFile,
  login,
  loginAs,
  organisationId,
} from './helpers.ts';

/**
 * The follow-up of recommendations in the browser: the coordinating ministry (BZK) assigns the UPR
 * recommendations a search finds to VWS in bulk; a VWS coordinator finds them in the worklist and
 * records a position; a VWS contributor drafts progress, which the coordinator approves; two pages
 * saving the same position meet the conflict view. The tests build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
/** Three UPR recommendations to the Netherlands, found by the word "pangolin". */
const CSV = [
  HEADER,
  '96001,Netherlands,WEOG,EU,"Protect pangolin keepers against discrimination in health care.",Brazil,GRULAC,,Accepted,4,Health,14',
  '96002,Netherlands,WEOG,EU,"Ensure pangolin clinics give equal access to medicines.",Chile,GRULAC,,Noted,3,Health,14',
  '96003,Netherlands,WEOG,EU,"Train pangolin nurses in the rights of the patient.",Peru,GRULAC,,Accepted,4,Health,14',
].join('\n');

/** A small, real PDF: one empty page. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

const VWS_NAME = 'Ministerie van Volksgezondheid, Welzijn en Sport (VWS)';
/** The password the new users choose at their first login (the administrator's is a one-time one). */
const OWN_PASSWORD = 'oranje pelikanen dansen langs de Maas';
const VWS_USERS = {
  coordinator: { email: 'vws-coordinator@example.org', name: 'Vera VWS-coördinator' },
  contributor: { email: 'vws-contributor@example.org', name: 'Bas VWS-bijdrager' },
} as const;

/** Logs in through the login form as a VWS user; without a redirect a VWS user lands on the worklist. */
async function loginVws(page: Page, who: keyof typeof VWS_USERS): Promise<void> {
  const user = VWS_USERS[who];
  await loginAs(page, user.email, OWN_PASSWORD, user.name);
  await expect(page).toHaveURL(/\/worklist$/);
}

/** The recommendation on pangolin keepers (the one whose position is recorded), by its link in the search. */
async function firstPangolin(page: Page): Promise<string> {
  await page.goto('/recommendations?q=pangolin');
  const href = await page
    .getByTestId('recommendation-list')
    .locator('li')
    .filter({ hasText: 'pangolin keepers' })
    .getByRole('link')
    .first()
    .getAttribute('href');
  expect(href).toMatch(/^\/recommendations\//);
  return href!;
}

test('the coordinating ministry assigns the hits of a search to VWS in bulk', async ({ page, request }) => {
  // The administrator creates two VWS users; each chooses an own password.
  await createOrgUsers(request, await organisationId(request, 'VWS'), VWS_USERS, OWN_PASSWORD);

  await login(page, 'coordinator');
  await importFile(page.request, 'upr-info', 'pangolin.csv', CSV);

  await page.goto('/recommendations?q=pangolin');
  await expect(page.getByTestId('result-count')).toContainText('3 aanbevelingen gevonden.');
  const panel = page.getByTestId('bulk-assign');
  await expect(panel.getByRole('heading', { name: 'Toewijzen' })).toBeVisible();
  // Without an organisation nothing is asked, let alone sent.
  await panel.getByRole('button', { name: 'Resultaten toewijzen' }).click();
  await expect(panel).toContainText('Kies een organisatie.');
  await panel.getByLabel('Trekkende organisatie').selectOption({ label: VWS_NAME });
  await panel.getByRole('button', { name: 'Resultaten toewijzen' }).click();
  await expect(panel.getByTestId('bulk-confirm')).toContainText(
    `Alle 3 resultaten toewijzen aan ${VWS_NAME}?`,
  );
  await panel.getByRole('button', { name: 'Ja, toewijzen' }).click();
  await expect(panel.getByTestId('bulk-result')).toContainText('3 toegewezen, 0 ongewijzigd.');
  await expect(page.getByTestId('live-region')).toContainText('3 toegewezen, 0 ongewijzigd.');

  // Assigning again changes nothing, and says so.
  await panel.getByLabel('Trekkende organisatie').selectOption({ label: VWS_NAME });
  await panel.getByRole('button', { name: 'Resultaten toewijzen' }).click();
  await panel.getByRole('button', { name: 'Ja, toewijzen' }).click();
  await expect(panel.getByTestId('bulk-result')).toContainText('0 toegewezen, 3 ongewijzigd.');
});

test('a VWS coordinator finds them in the worklist and records a position', async ({ page }) => {
  await loginVws(page, 'coordinator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werklijst');
  const worklist = page.getByTestId('worklist');
  await expect(worklist.getByRole('heading', { level: 2 })).toContainText(VWS_NAME);
  const views = worklist.getByTestId('worklist-views');
  await expect(views.getByRole('link', { name: 'Alles (3)' })).toHaveAttribute('aria-current', 'page');
  await views.getByRole('link', { name: 'Zonder standpunt (3)' }).click();
  await expect(page).toHaveURL(/view=no_position/);
  const rows = worklist.getByTestId('worklist-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(worklist.getByTestId('worklist-table')).toContainText('pangolin');

  await rows.filter({ hasText: 'pangolin keepers' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Aanbeveling');
  const form = page.getByTestId('position-form');
  // The source's "Accepted" is the proposed starting value.
  await expect(form.getByRole('radio', { name: 'aanvaard', exact: true })).toBeChecked();
  await expect(page.getByTestId('source-positions')).toContainText('aanvaard');
  await form.getByRole('radio', { name: 'deels aanvaard' }).check();
  await form.getByLabel('Toelichting').fill('Het kabinet steunt het deel over de zorg.');
  await form.getByRole('button', { name: 'Standpunt opslaan' }).click();
  await expect(page.getByTestId('position-saved')).toContainText('Het standpunt is opgeslagen.');
  const history = page.getByTestId('position-history');
  await expect(history).toContainText(VWS_USERS.coordinator.name);
  await expect(history).toContainText('deels aanvaard');

  // "Overnemen" puts the source's position back in the form.
  await page
    .getByTestId('source-positions')
    .getByRole('button', { name: /^Overnemen/ })
    .click();
  await expect(form.getByRole('radio', { name: 'aanvaard', exact: true })).toBeChecked();

  // The worklist now counts two without a position.
  await page.goto('/worklist');
  await expect(
    page.getByTestId('worklist-views').getByRole('link', { name: 'Zonder standpunt (2)' }),
  ).toBeVisible();
});

test('a VWS contributor drafts progress, and the coordinator approves it', async ({ page }) => {
  await loginVws(page, 'contributor');
  const rec = await firstPangolin(page);
  await page.goto(rec);
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText('Er is nog geen voortgang gemeld.');
  // A contributor reads the position but cannot record it.
  await expect(page.getByTestId('position-form')).toHaveCount(0);
  await progress.getByRole('button', { name: 'Voortgang melden' }).click();
  const form = page.getByTestId('progress-form');
  await form.getByLabel('Status').selectOption({ label: 'in uitvoering' });
  await form.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(form).toContainText('Schrijf wat er is gedaan.');
  await form.getByLabel(/^Wat is er gedaan/).fill('Een handreiking voor zorgverleners is verschenen.');
  await form.getByLabel('Bewijsstukken (links)').fill('https://www.rijksoverheid.nl/handreiking');
  // A web page renamed to .pdf is refused by its content: the draft is saved, the file is not.
  await form.getByLabel('Bijlagen (bewijs)').setInputFiles({
    name: 'handreiking.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('<!doctype html><title>Handreiking</title><p>Geen PDF</p>'),
  });
  await form.getByRole('button', { name: 'Concept opslaan' }).click();
  const refused = form.locator('[data-feedback="error"]');
  await expect(refused).toContainText('Het concept is opgeslagen, maar de bijlagen niet');
  await expect(refused).toContainText('handreiking.pdf');
  await expect(refused).toBeFocused();
  await expect(progress.getByTestId('progress-update')).toHaveCount(1);
  // The real PDF is attached when the draft is saved again (the draft is changed, not written twice).
  await form.getByLabel('Bijlagen (bewijs)').setInputFiles({
    name: 'handreiking.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await form.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(progress.getByTestId('success-notice')).toContainText(
    'Het concept en 1 bijlage(n) zijn opgeslagen.',
  );
  const update = progress.getByTestId('progress-update');
  await expect(update).toHaveCount(1);
  await expect(update.getByTestId('progress-state')).toHaveText('concept');
  await expect(update).toContainText(VWS_USERS.contributor.name);
  await expect(update.getByRole('link', { name: 'https://www.rijksoverheid.nl/handreiking' })).toBeVisible();
  await expect(update.getByTestId('progress-files')).toContainText('handreiking.pdf (1 kB)');
  // The author cannot approve the own draft.
  await expect(update.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);

  await page.context().clearCookies();
  await loginVws(page, 'coordinator');
  await page.getByTestId('worklist-views').getByRole('link', { name: 'Te beoordelen (1)' }).click();
  await expect(page.getByTestId('worklist-table').locator('tbody tr')).toHaveCount(1);
  await page.goto(rec);
  const draft = page.getByTestId('progress').getByTestId('progress-update');
  await draft.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByTestId('progress').getByTestId('success-notice')).toContainText(
    'De voortgangsupdate is goedgekeurd.',
  );
  await expect(draft.getByTestId('progress-state')).toHaveText('goedgekeurd');
  await expect(draft).toContainText(`Goedgekeurd door ${VWS_USERS.coordinator.name}`);
  // The coordinator downloads the evidence as it was attached; only its author could remove it.
  const file = draft.getByTestId('progress-files').getByRole('link', { name: 'handreiking.pdf' });
  await expect(file).toBeVisible();
  await expect(draft.getByRole('button', { name: /Bijlage handreiking\.pdf verwijderen/ })).toHaveCount(0);
  const download = await page.request.get((await file.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toContain('attachment;');
  expect((await download.body()).equals(PDF)).toBe(true);
});

test('two pages saving the same position meet the conflict view, and nothing is lost', async ({ page }) => {
  await loginVws(page, 'coordinator');
  const rec = await firstPangolin(page);
  const other = await page.context().newPage();
  await page.goto(rec);
  await other.goto(rec);
  const mine = page.getByTestId('position-form');
  const theirs = other.getByTestId('position-form');
  await expect(mine.getByLabel('Toelichting')).toBeVisible();
  await expect(theirs.getByLabel('Toelichting')).toBeVisible();

  await theirs.getByLabel('Toelichting').fill('Versie van het andere venster.');
  await theirs.getByRole('button', { name: 'Standpunt opslaan' }).click();
  await expect(other.getByTestId('position-saved')).toBeVisible();

  await mine.getByLabel('Toelichting').fill('Mijn eigen versie.');
  await mine.getByRole('button', { name: 'Standpunt opslaan' }).click();
  const conflict = page.getByTestId('conflict-view');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('columnheader', { name: 'Uw wijziging' })).toBeVisible();
  await expect(conflict.getByRole('columnheader', { name: 'Opgeslagen door een ander' })).toBeVisible();
  await expect(conflict.getByTestId('conflict-mine').nth(1)).toHaveText('Mijn eigen versie.');
  await expect(conflict.getByTestId('conflict-theirs').nth(1)).toHaveText('Versie van het andere venster.');
  // The user's text is still in the form.
  await expect(mine.getByLabel('Toelichting')).toHaveValue('Mijn eigen versie.');
  await conflict.getByRole('button', { name: 'Mijn versie opslaan' }).click();
  await expect(page.getByTestId('position-saved')).toContainText('Het standpunt is opgeslagen.');
  await expect(conflict).toHaveCount(0);

  // The other page, now behind, takes the saved version instead of its own.
  await theirs.getByLabel('Toelichting').fill('Nog een poging van het andere venster.');
  await theirs.getByRole('button', { name: 'Standpunt opslaan' }).click();
  const otherConflict = other.getByTestId('conflict-view');
  await expect(otherConflict.getByTestId('conflict-theirs').nth(1)).toHaveText('Mijn eigen versie.');
  await otherConflict.getByRole('button', { name: 'Opgeslagen versie overnemen' }).click();
  await expect(otherConflict).toHaveCount(0);
  await expect(theirs.getByLabel('Toelichting')).toHaveValue('Mijn eigen versie.');

  await page.reload();
  await expect(page.getByTestId('position-form').getByLabel('Toelichting')).toHaveValue('Mijn eigen versie.');
  await other.close();
});

test('the worklist and the recommendation page pass axe', async ({ page }) => {
  await loginVws(page, 'coordinator');
  await expect(page.getByTestId('worklist-table')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'worklist');
  const rec = await firstPangolin(page);
  await page.goto(rec);
  await expect(page.getByTestId('position-form')).toBeVisible();
  await expect(page.getByTestId('progress-list')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'recommendation with follow-up');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Follow-up', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'recommendation with follow-up (English)');
  await page.getByRole('button', { name: 'Nederlands' }).click();

  // Visitors without an account see no unpublished recommendation at all, and so none of its
  // follow-up: the answer of an unknown id.
  await page.context().clearCookies();
  await page.goto(rec);
  await expect(page.getByText(/Er bestaat geen aanbeveling met id/)).toBeVisible();
  await expect(page.getByTestId('recommendation-fields')).toHaveCount(0);
  await expect(page.getByTestId('followup')).toHaveCount(0);
  await expect(page.getByTestId('progress')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'an unpublished recommendation, not signed in');
});
