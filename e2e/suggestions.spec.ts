import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../src/recommendations/csv.ts';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * Suggested tags in the browser: a coordinator of the coordinating ministry imports real UPR Info
 * rows (six of Belgium's) with the `issues` column emptied, so the recommendations have no tags;
 * the import's result leads to the suggestions of its new recommendations; on a recommendation the
 * coordinator accepts a suggestion and sees it among the tags; then tags the rest in one go.
 */
test.describe.configure({ mode: 'serial' });

const REAL_FILE = '../shared/data/upr-info/upr-recommendations-sessions-01-16.csv';

function untaggedSlice(): string {
  const rows = parseCsv(fs.readFileSync(REAL_FILE, 'utf8'));
  const head = rows[0]!.fields;
  const state = head.indexOf('state_under_review');
  const issues = head.indexOf('issues');
  const text = head.indexOf('text');
  // Six different recommendations (the same text made by several states is one).
  const seen = new Set<string>();
  const picked = rows
    .slice(1)
    .filter((r) => {
      const start = r.fields[text]!.slice(0, 40);
      if (r.fields[state] !== 'Belgium' || seen.has(start)) return false;
      seen.add(start);
      return true;
    })
    .slice(0, 6)
    .map((r) => r.fields.map((f, i) => (i === issues ? '' : `"${f.replace(/"/g, '""')}"`)).join(','));
  return [head.join(','), ...picked].join('\n');
}

const shared = { bulkUrl: '', recommendationUrl: '' };

test.beforeEach(() => {
  if (!fs.existsSync(REAL_FILE)) {
    if (process.env.CI === 'true')
      throw new Error(`${REAL_FILE} is missing: the suggestion tests cannot run.`);
    test.skip(true, `${REAL_FILE} is absent: skipping the suggestion tests.`);
  }
});

async function firstSuggestion(page: Page, scope: ReturnType<Page['getByTestId']>) {
  const item = scope.getByTestId('suggestion').first();
  await expect(item).toBeVisible();
  const label = (await item.locator('.rd-sg-label [lang]').textContent())!.trim();
  return { item, label };
}

test('after an import, its new recommendations are listed with their suggested tags', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'coordinator');
  await page.goto('/imports');
  await page.getByLabel('Soort bestand').selectOption('upr-info');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'belgium-untagged.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(untaggedSlice(), 'utf8'),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importeren', exact: true }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Import klaar: 6 nieuw');
  const offer = result.getByTestId('import-suggestions');
  await expect(
    offer.getByRole('button', { name: 'Tag de nieuwe aanbevelingen met de voorgestelde labels' }),
  ).toBeVisible();
  await offer.getByRole('link', { name: 'Voorgestelde labels van de nieuwe aanbevelingen bekijken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voorgestelde labels voor een import');
  await expect(page.getByTestId('import-facts')).toContainText('belgium-untagged.csv');
  await expect(page.getByTestId('import-facts')).toContainText(
    '6 nieuwe aanbevelingen, waarvan 6 zonder labels',
  );
  const recs = page.getByTestId('import-recommendation');
  await expect(recs).toHaveCount(6);
  await expect(recs.first().getByTestId('suggestion').first()).toBeVisible();
  await expect(recs.first().getByTestId('suggestion-score').first()).toHaveText(/\d+%$/);
  await expectNoSeriousA11yViolations(page, 'suggestions of an import');
  shared.bulkUrl = page.url();
  shared.recommendationUrl = (await recs.nth(1).getByRole('heading').getByRole('link').getAttribute('href'))!;
});

test('on a recommendation without tags, a coordinator accepts a suggestion and sees it among the tags', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.goto(shared.recommendationUrl);
  const terms = page.getByTestId('recommendation-terms');
  await expect(terms).toContainText('geen');
  const panel = page.getByTestId('recommendation-suggestions');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Voorgestelde labels');
  await expectNoSeriousA11yViolations(page, 'suggestions of a recommendation');
  const { item, label } = await firstSuggestion(page, panel);
  // By keyboard: the Accept button takes the focus and Enter presses it.
  const accept = item.getByRole('button', { name: `Accepteren ${label}` });
  await accept.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('live-region')).toContainText(`Label toegevoegd: ${label}.`);
  await expect(panel.getByTestId('suggestion-saved')).toContainText('Label toegevoegd');
  await expect(panel.getByTestId('suggestion-saved')).toBeFocused();
  await expect(
    terms.getByRole('link', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: `Accepteren ${label}` })).toHaveCount(0);

  // Rejected: gone from the suggestions, and not added.
  const next = await firstSuggestion(page, panel);
  await next.item.getByRole('button', { name: `Afwijzen ${next.label}` }).click();
  await expect(page.getByTestId('live-region')).toContainText(`Voorstel afgewezen: ${next.label}.`);
  await page.reload();
  await expect(page.getByTestId('recommendation-terms')).not.toContainText(next.label);
});

test('the new recommendations of the import are tagged in one go, with a confirmation and the counts', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.goto(shared.bulkUrl);
  await expect(page.getByTestId('import-facts')).toContainText('waarvan 5 zonder labels');
  await page.getByRole('button', { name: 'Tag de nieuwe aanbevelingen met de voorgestelde labels' }).click();
  const confirm = page.getByTestId('tag-import-confirm');
  await expect(confirm).toContainText('Doorgaan?');
  await confirm.getByRole('button', { name: 'Ja, labels toevoegen' }).click();
  const done = page.getByTestId('tag-import-done');
  await expect(done).toContainText(/\d+ van de 5 aanbevelingen zonder labels kregen samen \d+ labels/);
  await expect(page.getByTestId('import-facts')).not.toContainText('waarvan 5 zonder labels');
  await expectNoSeriousA11yViolations(page, 'suggestions of an import, tagged');
});
