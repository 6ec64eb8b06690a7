import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Users created by e2e/serve.ts. */
export const PASSWORD = 'correct horse battery staple';
export const USERS = {
  admin: { email: 'admin@example.org', name: 'Ada Admin' },
  coordinator: { email: 'coordinator@example.org', name: 'Cor Coördinator' },
  observer: { email: 'observer@example.org', name: 'Olga Observer' },
} as const;

/** Logs in through the login form (Dutch UI) and waits until the header shows the user. */
export async function login(page: Page, who: keyof typeof USERS): Promise<void> {
  const user = USERS[who];
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(`Ingelogd als ${user.name}`);
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
