import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The annual human rights report in the document workspace: an administrator generates the report
 * of 2025 in /brieven, sees its result areas and the financial annex as a table, downloads it as
 * .docx, then makes the nota that asks the minister's decision on it and the Kamerbrief that sends
 * it. An observer is not offered the report. The tests build on each other.
 */
test.describe.configure({ mode: 'serial' });

const SUCCESS = '[data-feedback="success"]';
const TITLE = 'Rapportage Mensenrechten, Democratie en Internationale Rechtsorde 2025';
let reportUrl = '';

const section = (page: Page, heading: string | RegExp) =>
  page.getByTestId('letter-section').filter({ has: page.getByRole('heading', { name: heading }) });

async function newDocument(page: Page, kind: string) {
  await page.goto('/brieven');
  await page.getByRole('button', { name: 'Nieuw document' }).click();
  const panel = page.getByTestId('new-letter');
  await panel.getByLabel('Soort document').selectOption({ label: kind });
  return panel;
}

test('an administrator generates the report of 2025: result areas and the annex as a table', async ({
  page,
}) => {
  await login(page, 'admin');
  const panel = await newDocument(page, 'Rapportage mensenrechten');
  await expect(panel.getByText(/Leeg: het Ministerie van Buitenlandse Zaken/)).toBeVisible();
  // A year without a results framework gets the reason, not an empty report.
  await panel.getByLabel(/^Jaar\b/).fill('2011');
  await panel.getByRole('button', { name: 'Document genereren' }).click();
  await expect(panel.locator('[data-feedback="error"]')).toContainText(
    'Er is geen resultatenkader voor 2011',
  );
  await expectNoSeriousA11yViolations(page, 'the new report panel');
  await panel.getByLabel(/^Jaar\b/).fill('2025');
  await panel.getByRole('button', { name: 'Document genereren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator(SUCCESS).filter({ hasText: 'Het document is gegenereerd.' })).toBeVisible();
  reportUrl = page.url();
  await expect(page.getByTestId('frame')).toContainText('De Nederlandse inzet in 2025');
  await expect(section(page, 'Voorwoord')).toContainText('wordt met de hand geschreven');
  for (const area of [
    'Resultaatgebied 1: Mensenrechtenprioriteiten',
    'Resultaatgebied 2: Democratie',
    'Resultaatgebied 4: Accountability',
  ])
    await expect(page.getByRole('heading', { name: area })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Vrijheid van religie en levensovertuiging' }),
  ).toBeVisible();
  const annex = section(page, 'Financiële bijlage');
  await expect(annex).toContainText('niet in cirkeldiagrammen');
  const table = annex.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Prioriteit', '2024', '2025']);
  await expect(table.getByRole('row', { name: /Totaal/ })).toBeVisible();
  await expect(
    table.getByRole('row', { name: /Vrijheid van meningsuiting online en offline/ }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the report');
});

test('the report downloads as a .docx with its title page, result areas and annex', async ({ page }) => {
  await login(page, 'admin');
  await page.goto(reportUrl);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-docx').first().click(),
  ]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  for (const text of [
    TITLE,
    'De Nederlandse inzet in 2025',
    'Resultaatgebied 1',
    'Financiële bijlage',
    'Totaal',
  ])
    expect(xml).toContain(text);
  expect(xml).toContain('Heading1');
});

test('the nota on the report and the Kamerbrief that sends it', async ({ page }) => {
  await login(page, 'admin');
  const reportId = reportUrl.split('/').pop()!;
  let panel = await newDocument(page, 'Kamerbrief bij de rapportage mensenrechten');
  // Without a report the form says so at the field.
  await panel.getByRole('button', { name: 'Document genereren' }).click();
  await expect(panel.locator('.utrecht-form-field--invalid')).toContainText('De rapportage mensenrechten');
  await panel
    .getByLabel('De rapportage mensenrechten die met deze brief wordt verzonden')
    .selectOption(reportId);
  await panel.getByRole('button', { name: 'Document genereren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kamerbrief ${TITLE}` })).toBeVisible();
  await expect(page.locator(SUCCESS).filter({ hasText: 'Het document is gegenereerd.' })).toBeVisible();
  await expect(page.getByTestId('frame')).toContainText(
    'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
  );
  await expect(page.getByTestId('frame')).toContainText('De Minister van Buitenlandse Zaken,');
  await expect(section(page, 'Inleiding')).toContainText(`Hierbij bied ik uw Kamer de ${TITLE} aan.`);
  await expectNoSeriousA11yViolations(page, 'the Kamerbrief');

  panel = await newDocument(page, 'Nota bij de rapportage mensenrechten');
  await panel.getByLabel(/^Jaar\b/).fill('2025');
  await panel.getByLabel('De rapportage mensenrechten waarover de nota gaat').selectOption(reportId);
  await panel.getByRole('button', { name: 'Document genereren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Nota ${TITLE}` })).toBeVisible();
  await expect(page.getByTestId('frame')).toContainText('TER BESLISSING');
  for (const heading of ['Aanleiding', 'Geadviseerd besluit', 'Kernpunten', 'Toelichting'])
    await expect(
      page.getByTestId('letter-section').getByRole('heading', { name: heading, exact: true }),
    ).toBeVisible();
  const toelichting = section(page, 'Toelichting');
  await expect(toelichting).toContainText('resultaatgebied 2 (democratie)');
  await expect(toelichting).toContainText('niet in cirkeldiagrammen');
  await expectNoSeriousA11yViolations(page, 'the nota');
});

test('an observer is not offered the report', async ({ page }) => {
  await login(page, 'observer');
  await page.goto('/brieven');
  await expect(page.getByRole('heading', { level: 1, name: "Brieven en nota's" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nieuw document' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: TITLE }).first()).toBeVisible();
});
