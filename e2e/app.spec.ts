import { expect, test } from '@playwright/test';
import { login, USERS } from './helpers.ts';

test.describe('treaty overview', () => {
  test('works without logging in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Verdragsoverzicht/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verdragsoverzicht');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
    const table = page.getByRole('table', { name: /Mensenrechtenverdragen/ });
    await expect(table.getByRole('link', { name: 'ICCPR', exact: true })).toBeVisible();
    await expect(table.getByRole('link', { name: 'CEDAW', exact: true })).toBeVisible();
    // Landmarks and the skip link.
    await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toHaveAttribute(
      'href',
      '#main-content',
    );
  });

  test('an admin logs in and sees the instruments with their lead ministries', async ({ page }) => {
    await login(page, 'admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verdragsoverzicht');
    const table = page.getByTestId('overview-table');
    const iccpr = table.locator('tr[data-code="ICCPR"]');
    await expect(iccpr).toContainText('ICCPR');
    await expect(iccpr).toContainText('Internationaal Verdrag inzake burgerrechten en politieke rechten');
    await expect(iccpr).toContainText('Ministerie van Binnenlandse Zaken en Koninkrijksrelaties');
    const cedaw = table.locator('tr[data-code="CEDAW"]');
    await expect(cedaw).toContainText('Ministerie van Onderwijs, Cultuur en Wetenschap');
    // Lead ministries that have not been checked against a source carry the text marker.
    await expect(table.getByText('niet geverifieerd').first()).toBeVisible();
    // Admin navigation.
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('link', { name: 'Gebruikers' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Auditlog' })).toBeVisible();
    // Logging out returns to the anonymous header.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Inloggen' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveCount(0);
  });

  test('switches to English and back, remembered across reloads', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verdragsoverzicht');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Treaty overview');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(/Treaty overview/);
    // English names of instruments and ministries.
    const iccpr = page.getByTestId('overview-table').locator('tr[data-code="ICCPR"]');
    await expect(iccpr).toContainText('International Covenant on Civil and Political Rights');
    await expect(iccpr).toContainText('Ministry of the Interior and Kingdom Relations');
    await expect(page.getByTestId('overview-table').getByText('unverified').first()).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Treaty overview');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verdragsoverzicht');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });

  test('opens an instrument with its cycles and phases', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('overview-table').getByRole('link', { name: 'CEDAW', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('CEDAW');
    await expect(page).toHaveTitle(/CEDAW/);
    await expect(page.getByRole('heading', { level: 2, name: 'Gegevens' })).toBeVisible();
    await expect(page.getByText('Ministerie van Onderwijs, Cultuur en Wetenschap').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Rapportagecycli' })).toBeVisible();
    const cycle = page.getByRole('region', { name: '7e periodieke rapportage', exact: true });
    await expect(cycle).toBeVisible();
    const phases = cycle.getByRole('table', { name: /Fasen van 7e periodieke rapportage/ });
    await expect(phases.getByRole('rowheader', { name: 'Slotopmerkingen' })).toBeVisible();
    await expect(phases).toContainText('CEDAW/C/NLD/CO/7');
    await expect(phases.getByRole('columnheader', { name: 'Documentsymbool' })).toBeVisible();
    // Back to the overview.
    await page.getByRole('link', { name: 'Terug naar het verdragsoverzicht' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verdragsoverzicht');
  });
});

test.describe('login', () => {
  test('a wrong password shows the error message', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(USERS.observer.email);
    await page.getByLabel('Wachtwoord').fill('not the password at all');
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    const error = page.getByTestId('login-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText('Inloggen is niet gelukt');
    await expect(error).toContainText('Het e-mailadres of het wachtwoord klopt niet');
    await expect(page.getByRole('alert')).toContainText('wachtwoord klopt niet');
    await expect(page.getByTestId('current-user')).toHaveCount(0);

    // The same failure in English shows the API's own message.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Password').fill('still not the password');
    await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('login-error')).toContainText(
      'The e-mail address or password is not correct',
    );
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('empty fields get messages tied to the fields', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    const email = page.getByLabel('E-mailadres');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Vul uw e-mailadres in.');
  });
});

test.describe('administration', () => {
  test('an admin opens the users page', async ({ page }) => {
    await login(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Gebruikers' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
    await expect(page).toHaveTitle(/Gebruikers/);
    const table = page.getByTestId('users-table');
    for (const u of Object.values(USERS)) await expect(table).toContainText(u.email);
    await expect(table.getByRole('row', { name: /coordinator@example\.org/ })).toContainText('BZK');
  });

  test('an admin creates an organisation and finds it in the audit log', async ({ page }) => {
    await login(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Organisaties' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisaties');
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe organisatie' });
    await form.getByLabel('Code').fill('E2E-ORG');
    await form.getByLabel('Naam (Nederlands)').fill('Testorganisatie voor e2e');
    await form.getByLabel('Naam (Engels)').fill('End-to-end test organisation');
    await form.getByLabel('Soort').selectOption('cso');
    await form.getByRole('button', { name: 'Organisatie aanmaken' }).click();
    await expect(page.getByTestId('live-region')).toHaveText('Organisatie E2E-ORG is aangemaakt.');

    await page.getByLabel('Zoeken op naam of code').fill('E2E-ORG');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page.getByTestId('organisations-table')).toContainText('Testorganisatie voor e2e');

    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Auditlog' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog');
    const audit = page.getByTestId('audit-table');
    await expect(audit.locator('tr[data-action="login"]').first()).toBeVisible();
    await page.getByLabel('Soort gegeven').selectOption({ label: 'Organisatie' });
    await page.getByLabel('Handeling').selectOption('create');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(/entityType=organisation/);
    const row = audit.locator('tr[data-entity-type="organisation"][data-action="create"]').first();
    await expect(row).toContainText(USERS.admin.email);
    await row.getByText('Toon gegevens').click();
    await expect(row.locator('details')).toContainText('E2E-ORG');
    // Readable: a field name and value, no raw JSON or identifiers.
    await expect(row.locator('details')).not.toContainText('"');
    await expect(row).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  test('a stale edit tells the user to reload', async ({ page }) => {
    await login(page, 'admin');
    await page.goto('/organisations?q=BZK');
    const table = page.getByTestId('organisations-table');
    const row = table
      .getByRole('row')
      .filter({ hasText: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties' });
    await row.getByRole('button', { name: /^Bewerken/ }).click();
    const form = page.getByRole('form', { name: /Organisatie BZK bewerken/ });
    await expect(form.getByLabel('Naam (Engels)')).toHaveValue(
      'Ministry of the Interior and Kingdom Relations',
    );

    // Someone else saves the organisation in the meantime (same session, straight to the API).
    const me = await (await page.request.get('/api/auth/me')).json();
    const list = await (await page.request.get('/api/organisations?q=BZK')).json();
    const bzk = list.items.find((o: { code: string }) => o.code === 'BZK');
    const res = await page.request.patch(`/api/organisations/${bzk.id}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { version: bzk.version, verified: bzk.verified },
    });
    expect(res.status()).toBe(200);

    await form.getByLabel('Naam (Engels)').fill('Ministry of the Interior and Kingdom Relations (edited)');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Herlaad de pagina' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pagina herladen' })).toBeVisible();
  });

  test('an observer cannot see the users page', async ({ page }) => {
    await login(page, 'observer');
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await expect(nav.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
    await page.goto('/users');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
    await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
    await expect(page.getByText('U hebt geen toegang tot deze pagina.')).toBeVisible();
    await expect(page.getByTestId('users-table')).toHaveCount(0);
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
  });

  test('an anonymous visitor of an admin page is asked to log in', async ({ page }) => {
    await page.goto('/audit');
    await expect(page.getByText('U moet inloggen om deze pagina te bekijken.')).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).click();
    await page.getByLabel('E-mailadres').fill(USERS.admin.email);
    await page.getByLabel('Wachtwoord').fill('correct horse battery staple');
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog');
    await expect(page.getByTestId('audit-table')).toBeVisible();
  });
});
