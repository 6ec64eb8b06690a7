import { expect, test } from '@playwright/test';
import { asUser, expectNoSeriousA11yViolations, login, PASSWORD, USERS } from './helpers.ts';

/**
 * Contributions to the annual human rights report in the browser: the administrator makes a request
 * for 2025 (its link shown once); an anonymous visitor opens the link and sends a contribution tagged
 * to result area 1 and a priority; the administrator selects it as an example and edits its text. A
 * request whose deadline has passed shows that instead of the form. The tests build on each other.
 */
test.describe.configure({ mode: 'serial' });

const STAMP = Date.now().toString(36);
const TITLE = `Bijdragen mensenrechtenrapportage ${STAMP}`;
const EXAMPLE = `Bescherming van journalisten ${STAMP}`;
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const LAST_YEAR = new Date().getUTCFullYear() - 1;
let link = '';

test('the administrator makes a request for 2025 and sees its link once', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/rapportage/bijdragen?year=2025');
  await expect(page.getByRole('heading', { level: 1, name: 'Bijdragen 2025' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Onderdelen van de jaarrapportage' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the contributions of 2025');

  await page.getByRole('button', { name: 'Nieuwe uitvraag' }).click();
  const form = page.getByTestId('contribution-request-form');
  await form.getByLabel('Titel').fill(TITLE);
  await form
    .getByLabel('Toelichting voor wie bijdraagt')
    .fill('Stuur per resultaatgebied één sprekend voorbeeld.');
  await form.getByLabel('Aan wie (één per regel)').fill('Posten in Afrika\nDMM');
  await form.getByLabel('Termijn (Nederlandse tijd)').fill(`${NEXT_YEAR}-03-01T17:00`);
  await form.getByRole('button', { name: 'Uitvraag maken' }).click();
  await expect(page.getByRole('main').getByText('De uitvraag is gemaakt.')).toBeVisible();
  const shown = page.getByTestId('contribution-link');
  await expect(shown).toContainText('Deze link wordt maar één keer getoond');
  await expect(shown.getByRole('button', { name: 'Link kopiëren' })).toBeVisible();
  link = await page.getByTestId('contribution-link-url').inputValue();
  expect(link).toMatch(/\/bijdrage\/[A-Za-z0-9_-]{43}$/);
  await expectNoSeriousA11yViolations(page, 'the contributions with the new link');
  const row = page.getByTestId('contribution-requests').getByRole('row').filter({ hasText: TITLE });
  await expect(row).toContainText('Posten in Afrika, DMM');
  await expect(row).toContainText('Open');

  // Read again, the link is not shown any more.
  await page.reload();
  await expect(page.getByTestId('contribution-requests')).toContainText(TITLE);
  await expect(page.getByTestId('contribution-link')).toHaveCount(0);
});

test('a visitor without an account sends a contribution through the link', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByTestId('contribution-deadline')).toContainText(`1 maart ${NEXT_YEAR}`);
  await expectNoSeriousA11yViolations(page, 'the public contribution form');

  const form = page.getByTestId('contribution-form');
  await form.getByLabel('Organisatie, post of directie').fill('Ambassade Nairobi');
  await form.getByLabel('Naam contactpersoon').fill('Jan Jansen');
  await form.getByLabel('E-mailadres contactpersoon').fill('jan.jansen@example.org');
  await form.getByLabel('Titel van het voorbeeld').fill(EXAMPLE);
  await form
    .getByLabel('Tekst van het voorbeeld')
    .fill('De ambassade steunde een programma voor de veiligheid van journalisten.');
  // A priority without result area 1 is refused at its field.
  await form.getByLabel('Vrijheid van meningsuiting online en offline').check();
  await form.getByLabel('Resultaatgebied 2: Democratie').check();
  await form.getByRole('button', { name: 'Bijdrage versturen' }).click();
  await expect(page.getByTestId('field-priorities')).toContainText(
    'Prioriteiten horen bij resultaatgebied 1',
  );
  await form.getByLabel('Resultaatgebied 1: Mensenrechtenprioriteiten').check();
  await form.getByRole('button', { name: 'Bijdrage versturen' }).click();
  await expect(page.getByTestId('contribution-receipt')).toContainText(
    'Dank u wel. Uw bijdrage is ontvangen op',
  );
  await expectNoSeriousA11yViolations(page, 'the public form after sending');
  await context.close();
});

test('the administrator selects the contribution as an example and edits its text', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/rapportage/bijdragen?year=2025');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const contribution = page.getByTestId('contribution').filter({ hasText: EXAMPLE });
  await expect(contribution).toContainText('Ambassade Nairobi');
  await expect(contribution).toContainText('Jan Jansen (jan.jansen@example.org)');
  await expect(contribution.getByTestId('contribution-areas')).toHaveText(
    'Resultaatgebied 1, Resultaatgebied 2',
  );
  await expect(contribution.getByTestId('contribution-priorities')).toHaveText(
    'Vrijheid van meningsuiting online en offline',
  );
  await expectNoSeriousA11yViolations(page, 'the request with its contribution');

  await contribution.getByRole('button', { name: /^Kiezen als voorbeeld voor resultaatgebied 1/ }).click();
  await expect(contribution.getByText('Gekozen als voorbeeld voor resultaatgebied 1.')).toBeVisible();
  await expect(contribution).toContainText('Voorbeeld voor resultaatgebied 1');
  const group = page.getByTestId('examples-group-1-expression');
  const example = group.getByTestId('example').filter({ hasText: EXAMPLE });
  await expect(example).toContainText('Uit de bijdrage van Ambassade Nairobi');

  await example.getByRole('button', { name: /^Voorbeeld bewerken/ }).click();
  const edit = group.getByTestId('example-form');
  await edit.getByLabel('Tekst').fill('Ingekorte tekst: journalisten werden beter beschermd.');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(group.getByText('Het voorbeeld is opgeslagen.')).toBeVisible();
  await expect(group.getByTestId('example-body')).toHaveText(
    'Ingekorte tekst: journalisten werden beter beschermd.',
  );
  await expectNoSeriousA11yViolations(page, 'the request with an edited example');
  await page.reload();
  await expect(page.getByTestId('examples-group-1-expression').getByTestId('example-body')).toHaveText(
    'Ingekorte tekst: journalisten werden beter beschermd.',
  );
});

test('after the deadline the link says so instead of showing the form, and a post is refused', async ({
  page,
  request,
}) => {
  let late = '';
  await asUser(request, USERS.admin.email, PASSWORD, async (csrf) => {
    const made = await request.post('/api/report/contributions', {
      headers: { 'x-csrf-token': csrf },
      data: {
        year: 2025,
        title: `Verlopen uitvraag ${STAMP}`,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(made.status(), await made.text()).toBe(201);
    const r = (await made.json()) as { id: string; version: number; link: string };
    late = r.link;
    const moved = await request.patch(`/api/report/contributions/${r.id}`, {
      headers: { 'x-csrf-token': csrf },
      data: { deadline: `${LAST_YEAR}-01-05T12:00:00+01:00`, version: r.version },
    });
    expect(moved.status(), await moved.text()).toBe(200);
  });
  await page.goto(late);
  await expect(page.getByRole('heading', { level: 1, name: `Verlopen uitvraag ${STAMP}` })).toBeVisible();
  await expect(page.getByTestId('contribution-form-closed')).toContainText(
    `De termijn voor bijdragen is verstreken op 5 januari ${LAST_YEAR}`,
  );
  await expect(page.getByTestId('contribution-form')).toHaveCount(0);
  const refused = await request.post(`/api/contribution-forms/${late.split('/').pop()}`, {
    data: {
      organisation: 'Te laat',
      contactName: 'Iemand',
      contactEmail: 'iemand@example.org',
      title: 'Te laat',
      body: 'Te laat',
      areas: [2],
    },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { code: string }).code).toBe('report.contribution_deadline_passed');

  // Unknown links say so too.
  await page.goto('/bijdrage/onbekende-link');
  await expect(page.getByTestId('contribution-link-unknown')).toBeVisible();
});
