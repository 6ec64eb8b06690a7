import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login, organisationId } from './helpers.ts';

/**
 * A personal access token: made in the browser, shown once, used by a script (requests from Node,
 * without the browser's cookie) to read and write, revoked in the browser, and refused afterwards.
 */
test('a coordinator makes a token, a script uses it, and once revoked it is refused', async ({
  page,
  playwright,
  baseURL,
}) => {
  await login(page, 'coordinator');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Toegangstokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toegangstokens' })).toBeVisible();
  await expect(page.getByTestId('tokens-none')).toBeVisible();

  await page.getByRole('button', { name: 'Nieuw toegangstoken' }).click();
  await page.getByLabel('Naam').fill('Nachtelijke export');
  await page.getByLabel('Lezen en schrijven').check();
  await expectNoSeriousA11yViolations(page, 'the token form');
  await page.getByRole('button', { name: 'Token aanmaken' }).click();

  const made = page.getByTestId('token-form-made');
  await expect(made.getByRole('heading', { name: 'Kopieer het token nu' })).toBeFocused();
  await expect(made).toContainText('Dit is de enige keer dat het token wordt getoond');
  const token = await page.getByTestId('new-token').inputValue();
  expect(token).toMatch(/^rd_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('button', { name: 'Token kopiëren' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the token shown once');
  await page.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
  await expect(page.getByTestId('new-token')).toHaveCount(0);

  const row = page.getByTestId('tokens-table').getByTestId('token-Nachtelijke export');
  await expect(row).toContainText(token.slice(0, 7));
  await expect(row).toContainText('Lezen en schrijven');
  await expect(row).toContainText('Nooit');
  await expect(page.getByTestId('tokens-table')).not.toContainText(token);

  // A script: its own request context, no cookie, no CSRF header.
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const read = await script.get('/api/tasks');
  expect(read.status(), await read.text()).toBe(200);
  const write = await script.post('/api/saved-searches', {
    data: { name: 'Foltering (script)', query: { q: 'foltering' } },
  });
  expect(write.status(), await write.text()).toBe(201);
  const saved = await script.get('/api/saved-searches');
  expect(await saved.text()).toContain('Foltering (script)');
  const refused = await script.post('/api/tokens', {
    data: { name: 'Nog een', expiresOn: '2099-01-01', scope: 'write' },
  });
  expect(refused.status()).toBe(403);

  await page.reload();
  await expect(row).not.toContainText('Nooit');
  await row.getByRole('button', { name: /Intrekken/ }).click();
  await expect(row).toContainText('Token "Nachtelijke export" intrekken?');
  await expectNoSeriousA11yViolations(page, 'the revoke confirmation');
  await row.getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(page.getByTestId('tokens-table-notice')).toContainText('is ingetrokken');
  await expect(row).toContainText('Ingetrokken');

  const after = await script.get('/api/tasks');
  expect(after.status()).toBe(401);
  expect(after.headers()['content-type']).toContain('application/problem+json');
  expect(((await after.json()) as { code: string }).code).toBe('token.invalid');
  await script.dispose();
});

test('an administrator makes a service account of an organisation and a token for it', async ({
  page,
  request,
}) => {
  const bzk = await organisationId(request, 'BZK');
  await login(page, 'admin');
  await page.goto('/toegangstokens');
  await expect(page.getByRole('heading', { level: 2, name: 'Serviceaccounts' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuw serviceaccount' }).click();
  await page.getByLabel('Naam van het serviceaccount').fill('Koppeling BZK');
  await page.getByLabel('Rol').selectOption('contributor');
  await page.getByLabel('Organisatie').selectOption(bzk);
  await expectNoSeriousA11yViolations(page, 'the service account form');
  await page.getByRole('button', { name: 'Serviceaccount aanmaken' }).click();

  const account = page.getByTestId('service-account-Koppeling BZK');
  await expect(account.getByRole('heading', { level: 3 })).toContainText('Koppeling BZK (Medewerker, BZK)');
  await account.getByRole('button', { name: 'Token voor Koppeling BZK' }).click();
  await account.getByRole('textbox', { name: /^Naam/ }).fill('Synchronisatie');
  await account.getByRole('button', { name: 'Token aanmaken' }).click();
  await expect(page.getByTestId('new-token')).toHaveValue(/^rd_/);
  await account.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
  await expect(account.getByTestId('token-Synchronisatie')).toContainText('Actief');
  await expectNoSeriousA11yViolations(page, 'the service accounts');
});
