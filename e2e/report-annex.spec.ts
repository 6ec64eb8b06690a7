import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The financial annex of the annual human rights report in the browser: the administrator imports
 * the ministry's IATI sample through the page and sees the summary and the table of every year (a
 * total checked against the API), shows a year's bar chart and hides it again (the table stays),
 * moves an activity to another priority and sees the totals move; a file that is not IATI is
 * refused with the reason shown; an observer reads the tables without the import panel. The tests
 * build on each other; they compare with the API's figures, so that other specs' data do not matter.
 */
test.describe.configure({ mode: 'serial' });

const SAMPLE = path.resolve(import.meta.dirname, '../../shared/data/iati/nl-mfa-activities-2018-sample.xml');
const ACTIVITY = 'NL-1-PPR-28383';

type Totals = {
  years: {
    year: number;
    totalEur: number;
    priorities: { priority: string; amountEur: number; payments: number }[];
  }[];
};

/** An amount as the page writes it in Dutch: "€ 9.395.942". */
const euro = (n: number) =>
  new Intl.NumberFormat('nl-NL', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
    maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
  })
    .format(n)
    .replace(/\s/g, ' ');

const totals = async (page: Page): Promise<Totals> => {
  const res = await page.request.get('/api/report/expenditures/totals');
  expect(res.status()).toBe(200);
  return (await res.json()) as Totals;
};

/** The amount cell of a priority (or of the total) in the table of a year. */
const amountCell = (page: Page, year: number, priority: string | 'total') => {
  const table = page.getByTestId(`annex-year-${year}`).getByTestId('annex-table');
  const row =
    priority === 'total'
      ? table.getByTestId('annex-total')
      : table.locator(`tr[data-priority="${priority}"]`);
  return row.getByTestId('annex-amount');
};

const openAnnex = async (page: Page) => {
  await page.goto('/rapportage/financien');
  await expect(page.getByRole('heading', { level: 1, name: 'Financiële bijlage' })).toBeVisible();
};

test('the administrator imports the IATI sample and sees the summary and the totals of each year', async ({
  page,
}) => {
  await login(page, 'admin');
  await openAnnex(page);
  await expect(page.getByRole('navigation', { name: 'Onderdelen van de jaarrapportage' })).toContainText(
    'Financiële bijlage',
  );
  const panel = page.getByTestId('annex-import');
  await panel.getByLabel('IATI-activiteitenbestand (.xml)').check();
  await panel.getByLabel('Bestand', { exact: true }).setInputFiles(SAMPLE);
  await panel.getByRole('button', { name: 'Inlezen' }).click();

  const summary = page.getByTestId('annex-import-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('annex-imported')).toContainText(
    'nl-mfa-activities-2018-sample.xml is ingelezen',
  );
  await expect(summary.getByTestId('annex-summary-read')).toHaveText('12');
  await expect(summary.getByTestId('annex-summary-skipped')).toContainText(
    'niet in een sector voor mensenrechten',
  );

  const api = await totals(page);
  expect(api.years.length).toBeGreaterThan(1);
  for (const y of api.years) {
    await expect(amountCell(page, y.year, 'total')).toHaveText(euro(y.totalEur));
  }
  const y2016 = api.years.find((y) => y.year === 2016)!;
  expect(y2016.totalEur).toBeGreaterThan(0);
  await expect(page.getByTestId('annex-year-2016').getByRole('table')).toHaveAccessibleName(
    'Uitgaven per prioriteit in 2016, op kasbasis',
  );
  await expect(page.getByTestId('annex-comparison')).toContainText(euro(y2016.totalEur));
  await expectNoSeriousA11yViolations(page, 'the financial annex after an import');
});

test('a year can be shown as a bar chart beside its table, and hidden again', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/rapportage/financien?from=2016&to=2016');
  await expect(page.getByTestId('annex-year-2016')).toBeVisible();
  await expect(page.getByTestId('annex-year-2015')).toHaveCount(0);
  const year = page.getByTestId('annex-year-2016');
  const show = year.getByRole('button', { name: /^Staafdiagram tonen/ });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await show.click();
  const chart = year.getByTestId('annex-chart');
  await expect(chart).toBeVisible();
  await expect(chart.getByRole('img')).toHaveAccessibleName(
    /^Staafdiagram van de uitgaven per prioriteit in 2016/,
  );
  await expect(chart).toContainText('vaste nullijn');
  await expect(year.getByTestId('annex-table')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the annex with a bar chart');
  const hide = year.getByRole('button', { name: /^Staafdiagram verbergen/ });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await hide.click();
  await expect(year.getByTestId('annex-chart')).toHaveCount(0);
  await expect(year.getByTestId('annex-table')).toBeVisible();
});

test("changing an activity's priority moves its payments in the totals", async ({ page }) => {
  await login(page, 'admin');
  await openAnnex(page);
  const before = await totals(page);
  const list = await page.request.get(`/api/report/expenditures?activity=${ACTIVITY}&pageSize=500`);
  const payments = ((await list.json()) as { items: { year: number; amountEur: number; priority: string }[] })
    .items;
  expect(payments.length).toBeGreaterThan(0);
  const year = payments[0]!.year;
  const moved = payments.filter((p) => p.year === year).reduce((s, p) => s + p.amountEur, 0);
  const from = payments[0]!.priority;
  const lgbtiq = (t: Totals) =>
    t.years.find((y) => y.year === year)!.priorities.find((p) => p.priority === 'lgbtiq')!.amountEur;
  expect(from).not.toBe('lgbtiq');
  await expect(amountCell(page, year, 'lgbtiq')).toHaveText(euro(lgbtiq(before)));

  const row = page.getByTestId('annex-activity-table').locator(`tr[data-activity="${ACTIVITY}"]`);
  await row.getByRole('button', { name: `Prioriteit wijzigen ${ACTIVITY}` }).click();
  const form = page.getByTestId('annex-priority-form');
  await expect(form.getByRole('heading', { name: `Prioriteit van ${ACTIVITY}` })).toBeFocused();
  await form.getByLabel('Prioriteit', { exact: true }).selectOption('lgbtiq');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('annex-activities').getByTestId('success-notice')).toContainText(
    `De prioriteit van ${ACTIVITY} is opgeslagen`,
  );
  await expect(row.getByTestId('annex-activity-priority')).toContainText(
    'Gelijke rechten voor lhbtqi+ personen',
  );

  const after = await totals(page);
  expect(lgbtiq(after)).toBeCloseTo(lgbtiq(before) + moved, 2);
  await expect(amountCell(page, year, 'lgbtiq')).toHaveText(euro(lgbtiq(after)));
  const total = (t: Totals) => t.years.find((y) => y.year === year)!.totalEur;
  expect(total(after)).toBe(total(before));
  await expect(amountCell(page, year, 'total')).toHaveText(euro(total(after)));
});

test('a file that is not an IATI activity file is refused with the reason shown; nothing is saved', async ({
  page,
}) => {
  await login(page, 'admin');
  await openAnnex(page);
  const before = await totals(page);
  const panel = page.getByTestId('annex-import');
  await panel.getByLabel('IATI-activiteitenbestand (.xml)').check();
  await panel.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'uitgaven-annex.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('jaar,bedrag\n2016,100\n', 'utf8'),
  });
  await panel.getByRole('button', { name: 'Inlezen' }).click();
  const error = page.getByTestId('annex-import-error');
  await expect(error).toContainText('uitgaven-annex.csv is geen IATI-activiteitenbestand');
  await expect(error).toBeFocused();
  await expect(page.getByTestId('annex-import-summary')).toHaveCount(0);
  expect(await totals(page)).toEqual(before);
  await expectNoSeriousA11yViolations(page, 'the annex with a refused file');
});

test('an observer reads the tables but has no import panel', async ({ page }) => {
  await login(page, 'observer');
  await openAnnex(page);
  await expect(page.getByTestId('annex-year-2016').getByTestId('annex-table')).toBeVisible();
  await expect(page.getByTestId('annex-notes').first()).toBeVisible();
  await expect(page.getByTestId('annex-import')).toHaveCount(0);
  await expect(page.getByTestId('annex-activities')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Beheer van de bijlage' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the annex for an observer');
});
