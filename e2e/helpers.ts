import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import type { ImportKind, ImportSummary } from '../src/recommendations/schema.ts';

/** Users created by e2e/serve.ts. */
export const PASSWORD = 'correct horse battery staple';
export const USERS = {
  admin: { email: 'admin@example.org', name: 'Ada Admin' },
  coordinator: { email: 'coordinator@example.org', name: 'Cor Coördinator' },
  observer: { email: 'observer@example.org', name: 'Olga Observer' },
} as const;

/** Logs in through the login form (Dutch UI) and waits until the header shows the user by name. */
export async function loginAs(page: Page, email: string, password: string, name: string): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(`Ingelogd als ${name}`);
}

/** Logs in as one of the users of e2e/serve.ts. */
export async function login(page: Page, who: keyof typeof USERS): Promise<void> {
  const user = USERS[who];
  await loginAs(page, user.email, PASSWORD, user.name);
}

/** Signs in through the API, does what `fn` does with the session's CSRF token, and signs out again. */
export async function asUser(
  request: APIRequestContext,
  email: string,
  password: string,
  fn: (csrf: string) => Promise<void>,
): Promise<void> {
  const res = await request.post('/api/auth/login', { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  await fn(csrfToken);
  await request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });
}

/** The one-time password the administrator gives a new user. */
const FIRST_PASSWORD = 'een tijdelijk wachtwoord';

/** A new user's name and e-mail address, by role. */
export type NewUsers = Partial<
  Record<'coordinator' | 'contributor' | 'observer', { email: string; name: string }>
>;

/**
 * The administrator creates the users in the organisation, each with its role and a one-time password;
 * each user then signs in once and chooses `password`.
 */
export async function createOrgUsers(
  request: APIRequestContext,
  organisationId: string,
  users: NewUsers,
  password: string,
): Promise<void> {
  await asUser(request, USERS.admin.email, PASSWORD, async (csrf) => {
    for (const [role, user] of Object.entries(users)) {
      const created = await request.post('/api/users', {
        headers: { 'x-csrf-token': csrf },
        data: { ...user, role, organisationId, password: FIRST_PASSWORD },
      });
      expect(created.status(), await created.text()).toBe(201);
    }
  });
  for (const user of Object.values(users)) {
    await asUser(request, user.email, FIRST_PASSWORD, async (csrf) => {
      const changed = await request.post('/api/auth/password', {
        headers: { 'x-csrf-token': csrf },
        data: { currentPassword: FIRST_PASSWORD, newPassword: password },
      });
      expect(changed.status(), await changed.text()).toBe(204);
    });
  }
}

/** The id of the organisation with this code (JenV, VWS, BZK...), from the public list. */
export async function organisationId(request: APIRequestContext, code: string): Promise<string> {
  const res = await request.get(`/api/organisations?q=${encodeURIComponent(code)}`);
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { id: string; code: string }[] };
  const org = items.find((o) => o.code === code);
  expect(org, `no organisation with code ${code}`).toBeTruthy();
  return org!.id;
}

/**
 * Imports a file through the API of the signed-in session (as the import page sends it: the raw file as
 * the body) and returns the summary.
 */
export async function importFile(
  request: APIRequestContext,
  kind: ImportKind,
  fileName: string,
  data: string | Buffer,
  contentType = 'text/csv',
): Promise<ImportSummary> {
  const me = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await request.post(`/api/imports/${kind}?fileName=${encodeURIComponent(fileName)}`, {
    headers: { 'content-type': contentType, 'x-csrf-token': me.csrfToken },
    data,
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ImportSummary;
}

/**
 * Runs axe with the WCAG 2.1 A/AA rules and fails with a readable list of every serious or critical
 * violation: rule, impact, help text and the offending elements.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map(
          (n) =>
            `      - ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`,
        )
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  expect(serious, `Accessibility violations on ${label} (${page.url()}):\n${report}`).toEqual([]);
}
