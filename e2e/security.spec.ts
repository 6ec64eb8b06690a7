import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, USERS } from './helpers.ts';

/** Collects every Content-Security-Policy violation of the page: console reports and DOM events. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(msg.text()))
      violations.push(msg.text());
  });
  page.on('pageerror', (err) => {
    if (/Content Security Policy/i.test(err.message)) violations.push(err.message);
  });
  void page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return violations;
}

test.describe('security headers in the browser', () => {
  test('the app and the API documentation load without Content-Security-Policy violations', async ({
    page,
  }) => {
    const violations = watchCsp(page);
    const res = await page.goto('/login');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // Signed in through the API (the cookie is the browser's), so that only the pages below are walked.
    const signIn = await page.request.post('/api/auth/login', {
      data: { email: USERS.admin.email, password: PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    for (const path of ['/users', '/audit', '/password']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    const docs = await page.goto('/api/docs');
    expect(docs?.headers()['content-security-policy']).toContain("script-src 'self'");
    // The reference renders the whole OpenAPI document (about 1 MB) in the browser.
    await expect(page.getByRole('main', { name: /Rightsdesk API/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Open Group - recommendations' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('first login with a password set by an administrator', () => {
  test('the new user must choose an own password, and a common one is refused with the reason', async ({
    page,
    request,
  }) => {
    const signIn = await request.post('/api/auth/login', {
      data: { email: USERS.admin.email, password: PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const created = await request.post('/api/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        email: 'nieuw@example.org',
        name: 'Nina Nieuw',
        role: 'observer',
        password: 'op papier gegeven wachtwoord',
      },
    });
    expect(created.status()).toBe(201);

    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill('nieuw@example.org');
    await page.getByLabel('Wachtwoord').fill('op papier gegeven wachtwoord');
    await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/password$/);
    await expect(
      page.getByText('Uw wachtwoord is door een beheerder ingesteld.', { exact: false }),
    ).toBeVisible();

    await page.getByLabel('Huidig wachtwoord').fill('op papier gegeven wachtwoord');
    await page.getByRole('textbox', { name: /^Nieuw wachtwoord/ }).fill('password1234');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('password1234');
    await page.getByRole('main').getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByText('Dit wachtwoord is te makkelijk te raden', { exact: false })).toBeVisible();

    await page
      .getByRole('textbox', { name: /^Nieuw wachtwoord/ })
      .fill('zeven paarse vliegers boven Utrecht');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('zeven paarse vliegers boven Utrecht');
    await page.getByRole('main').getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page).not.toHaveURL(/\/password$/);
    await expect(page.getByText('Uw wachtwoord is gewijzigd.').first()).toBeVisible();
  });
});
