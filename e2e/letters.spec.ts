import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { pdfAvailable } from '../src/letters/pdf.ts';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The document workspace and Woo publication in the browser: the coordinator generates a memo from
 * the form, edits a section, generates the memo again without losing the edit, compares two
 * versions, reviews the redactions and publishes; an anonymous visitor reads the public version
 * and its .docx, in which none of the personal data is left. The tests build on each other.
 */
test.describe.configure({ mode: 'serial' });

/** The visible confirmation of a save (the live region says it too, for screen readers). */
const SUCCESS = '[data-feedback="success"]';
/** The personal data in the memo: none of it may reach the public. */
const PERSONAL = ['Jan de Vries', 'jan.devries@minbzk.nl', 'Karin Mulder', '06-12345678', '070 123 4567'];
const TITLE = 'Kabinetsbrief over rapportages onder mensenrechtenverdragen';
const EDITED = 'De brief is afgestemd met het netwerk van verdragscoördinatoren.';

let letterUrl = '';

const section = (page: Page, heading: string) =>
  page
    .getByTestId('letter-section')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) });

test('a memo is generated from the form, with the server’s refusal shown at its field', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/brieven');
  await expect(page.getByRole('heading', { level: 1, name: "Brieven en nota's" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the list of documents');
  await page.getByRole('button', { name: 'Nieuw document' }).click();
  // A year without data gets a clear message, not an empty letter.
  const panel = page.getByTestId('new-letter');
  await panel.getByLabel('Soort document').selectOption({ label: 'Jaarbrief verdragsrapportages' });
  await panel.getByLabel(/^Jaar\b/).fill('2001');
  await panel.getByRole('button', { name: 'Document genereren' }).click();
  await expect(panel.locator('[data-feedback="error"]')).toContainText('Er is niets te melden over 2001');
  await panel.getByLabel('Soort document').selectOption({ label: 'Nota' });
  const form = page.getByTestId('memo-form');
  await form.getByLabel(/^Aan\b/).fill('Minister van Binnenlandse Zaken en Koninkrijksrelaties');
  await form.getByLabel(/^Van\b/).fill('DG Openbaar Bestuur en Democratische Rechtsstaat');
  await form.getByLabel('Afgestemd met').fill('JenV\nSZW');
  await form.getByLabel('Opgesteld door').fill('Jan de Vries\nT 06-12345678');
  await form.getByLabel('TER BESLISSING').check();
  await form.getByLabel(/^Titel/).fill(TITLE);
  await form
    .getByLabel(/^Aanleiding/)
    .fill(
      'Het netwerk van verdragscoördinatoren stelde de kabinetsbrief op. Vragen aan Jan de Vries (jan.devries@minbzk.nl) of mevrouw Karin Mulder, 070 123 4567.',
    );
  await expectNoSeriousA11yViolations(page, 'the memo form');
  // Without "Kern" the server refuses, and says so at the field.
  await form.getByRole('button', { name: 'Document genereren' }).click();
  await expect(page.locator('[data-feedback="error"]')).toBeVisible();
  await expect(form.locator('.utrecht-form-field--invalid')).toContainText('Kern');
  await form
    .getByLabel(/^Kern/)
    .fill('De brief geeft een overzicht van de rapportages onder de mensenrechtenverdragen in 2025.');
  await form.getByRole('button', { name: 'Bijlage toevoegen' }).click();
  await form.getByLabel('Naam van bijlage 1').fill('Kabinetsbrief verdragsrapportages');
  await form.getByLabel('Informatie bij bijlage 1').fill('Ter ondertekening');
  await form.getByRole('button', { name: 'Document genereren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator(SUCCESS).filter({ hasText: 'Het document is gegenereerd.' })).toBeVisible();
  await expect(page.getByTestId('letter-state')).toHaveText('Concept');
  await expect(section(page, 'Kern').getByTestId('section-origin')).toHaveText('gegenereerd');
  letterUrl = page.url();
  await expectNoSeriousA11yViolations(page, 'the document page');
});

test('an edited section stays edited when the memo is generated again', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto(letterUrl);
  const kern = section(page, 'Kern');
  await kern.getByRole('button', { name: 'Bewerken Kern' }).click();
  const editor = kern.getByTestId('section-form');
  await expect(editor.getByLabel('Tekst')).toHaveValue(/overzicht van de rapportages/);
  await editor.getByLabel('Tekst').fill(`${EDITED}\n\n• eerste punt\n• tweede punt`);
  await editor.getByRole('button', { name: 'Opslaan' }).click();
  await expect(kern.locator(SUCCESS).filter({ hasText: 'De paragraaf is opgeslagen.' })).toBeVisible();
  await expect(kern.getByTestId('section-origin')).toHaveText('bewerkt');
  await expect(kern.getByRole('listitem')).toHaveText(['eerste punt', 'tweede punt']);

  await page.getByTestId('regenerate').getByRole('button', { name: 'Opnieuw genereren' }).click();
  await expect(
    page.locator(SUCCESS).filter({ hasText: 'Het document is opnieuw gegenereerd.' }),
  ).toBeVisible();
  const report = page.getByTestId('regenerate-report');
  await expect(report.getByRole('row', { name: /Kern/ })).toContainText('bewaard');
  await expect(report.getByRole('row', { name: /Aanleiding/ })).toContainText('ongewijzigd');
  await expect(kern).toContainText(EDITED);
  await expect(kern.getByTestId('section-origin')).toHaveText('bewerkt');
  await expectNoSeriousA11yViolations(page, 'the document page after regenerating');
});

test('two versions are compared side by side', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto(letterUrl);
  const versions = page.getByTestId('versions');
  await expect(versions.getByTestId('versions-table').getByRole('row').nth(2)).toBeVisible();
  await versions.getByLabel('Oude versie').selectOption('1');
  await versions.getByRole('button', { name: 'Vergelijken' }).click();
  const comparison = page.getByTestId('comparison');
  const kern = comparison.getByTestId('compared-section').filter({ hasText: 'Kern' });
  await expect(kern).toHaveAttribute('data-differs', 'true');
  await expect(kern.getByTestId('diff-ins').first()).toContainText(EDITED);
  await expect(kern.getByTestId('diff-del').first()).toContainText('overzicht van de rapportages');
  await expect(comparison.getByTestId('compared-section').filter({ hasText: 'Aanleiding' })).toHaveAttribute(
    'data-differs',
    'false',
  );
  await expectNoSeriousA11yViolations(page, 'the comparison of versions');
});

test('the Woo review: search, decide every finding, add a span, finish, publish', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto(letterUrl);
  await page.getByRole('link', { name: 'Openbaarmaking (Woo)' }).click();
  await expect(page.getByText('Het document is nog niet doorzocht.')).toBeVisible();
  await page.getByRole('button', { name: 'Doorzoeken op persoonsgegevens' }).click();
  await expect(
    page.locator(SUCCESS).filter({ hasText: /Het document is doorzocht: \d+ vondsten\./ }),
  ).toBeVisible();
  const findings = page.getByTestId('woo-finding');
  await expect(findings.first()).toBeVisible();
  const found = await findings.locator('th').allInnerTexts();
  for (const p of ['Jan de Vries', 'jan.devries@minbzk.nl', 'Karin Mulder'])
    expect(found.join('|')).toContain(p);
  await expect(page.getByTestId('woo-text').locator('mark').first()).toBeVisible();
  // Publishing waits for the review: there is no button yet.
  await expect(page.getByTestId('woo-publication').getByRole('button', { name: 'Publiceren' })).toHaveCount(
    0,
  );

  // The name in the memo's fields is found in its text too; the directorate's name is no person's.
  expect(found.filter((f) => f === 'Jan de Vries').length).toBeGreaterThanOrEqual(2);
  expect(found.join('|')).not.toContain('Rechtsstaat');
  const count = await findings.count();
  // The reviewer keeps the first finding a moment, then redacts everything.
  await findings.first().getByLabel('laten staan').check();
  for (let i = 0; i < count; i++) await findings.nth(i).getByLabel('lakken').check();
  await page.getByRole('button', { name: 'Besluiten opslaan' }).click();
  await expect(page.locator(SUCCESS).filter({ hasText: 'De besluiten zijn opgeslagen.' })).toBeVisible();
  await expect(findings.filter({ hasText: 'Jan de Vries' }).first()).toHaveAttribute(
    'data-decision',
    'redact',
  );

  // The keyboard's way of adding a span: the exact text.
  const exact = page.getByTestId('woo-exact-form');
  const exactField = exact.getByLabel(/^Tekst zoals die in het document staat/);
  await exactField.fill('geen tekst uit dit document');
  await exact.getByRole('button', { name: 'Tekst laten lakken' }).click();
  await expect(exact.getByText('Deze tekst staat niet in het document.')).toBeVisible();
  await exactField.fill('SZW');
  await exact.getByLabel('Grond').selectOption('5.1.2a');
  await exact.getByRole('button', { name: 'Tekst laten lakken' }).click();
  await expect(page.getByTestId('woo-added-span').first()).toContainText('5.1.2a');
  await expect(exactField).toHaveValue('');
  // The mouse's way: select a part of the text and choose its ground.
  await page.getByTestId('woo-text').evaluate((box) => {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf('JenV');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 'JenV'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      box.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
  });
  const selection = page.getByTestId('woo-selection');
  await expect(selection).toContainText('Geselecteerd: "JenV"');
  await selection.getByLabel('Grond').selectOption('5.1.2a');
  await selection.getByRole('button', { name: 'Selectie laten lakken' }).click();
  await expect(page.getByTestId('woo-added-span').filter({ hasText: 'JenV' })).toHaveCount(1);
  await expect(page.getByTestId('woo-preview')).not.toContainText('JenV');
  await expect(page.getByTestId('woo-preview')).toContainText('[5.1.2a]');
  for (const p of PERSONAL) await expect(page.getByTestId('woo-preview')).not.toContainText(p);
  await expect(page.getByTestId('woo-preview')).toContainText('Democratische Rechtsstaat');
  await expectNoSeriousA11yViolations(page, 'the Woo review');

  await page.getByRole('button', { name: 'Beoordeling afronden' }).click();
  await expect(page.locator(SUCCESS).filter({ hasText: 'De beoordeling is afgerond.' })).toBeVisible();
  await page.getByTestId('woo-publication').getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.locator(SUCCESS).filter({ hasText: 'Het document is openbaar gemaakt.' })).toBeVisible();
  await expect(page.getByTestId('woo-published')).toBeVisible();
});

test('an anonymous visitor reads the public version without any personal data', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Openbare documenten' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Openbare documenten' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the public documents');
  await page.getByTestId('public-letters-table').getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const text = page.getByTestId('public-text');
  await expect(text).toContainText('[5.1.2e]');
  await expect(text).toContainText(EDITED);
  const shown = await page.locator('body').innerText();
  for (const p of PERSONAL) expect(shown).not.toContain(p);
  await expectNoSeriousA11yViolations(page, 'a public document');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word-document (.docx)' }).click(),
  ]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('5.1.2e');
  for (const p of PERSONAL) expect(xml).not.toContain(p);

  // The PDF where the server has Chromium; otherwise the page says why there is none.
  const pdfButton = page.getByRole('button', { name: 'PDF (toegankelijk)' });
  if (pdfAvailable()) {
    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
    const bytes = fs.readFileSync(await pdf.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  } else {
    await pdfButton.click();
    await expect(page.getByTestId('pdf-unavailable')).toBeVisible();
  }
});

test('a stale edit meets the conflict message; the workflow runs to sent with the Kamerstuk', async ({
  page,
  context,
}) => {
  await login(page, 'coordinator');
  await page.goto(letterUrl);
  const mine = section(page, 'Aanleiding');
  await mine.getByRole('button', { name: 'Bewerken Aanleiding' }).click();
  // Someone else saves the same section first.
  const other = await context.newPage();
  await other.goto(letterUrl);
  const theirs = section(other, 'Aanleiding');
  await theirs.getByRole('button', { name: 'Bewerken Aanleiding' }).click();
  await theirs.getByLabel('Tekst').fill('Het netwerk stelde de brief op.');
  await theirs.getByRole('button', { name: 'Opslaan' }).click();
  await expect(theirs.locator(SUCCESS)).toBeVisible();
  await other.close();
  await mine.getByLabel('Tekst').fill('Een eigen tekst die niet over de andere heen mag.');
  await mine.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    mine.locator('[data-feedback="error"]').getByRole('button', { name: 'Pagina herladen' }),
  ).toBeVisible();
  await page.reload();
  await expect(section(page, 'Aanleiding')).toContainText('Het netwerk stelde de brief op.');

  // The memo's fixed fields are edited in the frame form.
  const frame = page.getByTestId('frame');
  await frame.getByRole('button', { name: 'Briefhoofd bewerken' }).click();
  await frame.getByLabel('Kopie aan').fill('Secretaris-generaal');
  await frame.getByRole('button', { name: 'Opslaan' }).click();
  await expect(frame.locator(SUCCESS).filter({ hasText: 'Het briefhoofd is opgeslagen.' })).toBeVisible();
  await expect(frame).toContainText('Secretaris-generaal');
  await expect(frame).toContainText('Bewerkt: blijft staan bij opnieuw genereren.');

  // The text changed after publication: the Woo review asks for a new search.
  await page.getByRole('link', { name: 'Openbaarmaking (Woo)' }).click();
  await expect(page.getByTestId('woo-stale')).toBeVisible();
  await page.getByRole('link', { name: 'Document', exact: true }).click();

  // A ministry asked and not confirmed blocks the way to signature until the request is withdrawn.
  const consultations = page.getByTestId('consultations');
  await consultations
    .getByLabel(/^Ministerie/)
    .selectOption({ label: 'Ministerie van Volksgezondheid, Welzijn en Sport (VWS)' });
  await consultations.getByRole('button', { name: 'Om afstemming vragen' }).click();
  await expect(consultations.locator(SUCCESS).filter({ hasText: 'Om afstemming gevraagd.' })).toBeVisible();
  const asked = consultations.getByTestId('consultation');
  await expect(asked).toContainText('Nog niet bevestigd');
  await expect(asked.getByRole('button', { name: /Afstemming bevestigen/ })).toHaveCount(0);
  await expect(page.getByTestId('workflow')).toHaveCount(0);
  await asked.getByRole('button', { name: /Verzoek intrekken/ }).click();
  await expect(consultations.locator(SUCCESS).filter({ hasText: 'ingetrokken' })).toBeVisible();

  const workflow = page.getByTestId('workflow');
  await workflow.getByRole('button', { name: 'Gereed voor ondertekening' }).click();
  await expect(page.getByTestId('letter-state')).toHaveText('Gereed voor ondertekening');
  await workflow.getByRole('button', { name: 'Markeren als verzonden' }).click();
  await workflow.getByLabel(/^Kamerstuk/).fill('nummer onbekend');
  await workflow.getByRole('button', { name: 'Verzending vastleggen' }).click();
  await expect(workflow.locator('.utrecht-form-field--invalid')).toContainText('Kamerstuk');
  await workflow.getByLabel(/^Kamerstuk/).fill('26150, nr. 214');
  await workflow.getByRole('button', { name: 'Verzending vastleggen' }).click();
  await expect(page.getByTestId('letter-state')).toHaveText('Verzonden');
  await expect(page.getByTestId('letter-header')).toContainText('26150, nr. 214');
  await expect(page.getByRole('button', { name: 'Bewerken Kern' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'a sent document');
  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('letter-state')).toHaveText('Sent');
  await expect(page.getByRole('heading', { level: 2, name: 'Versions' })).toBeVisible();
  await page.getByRole('link', { name: 'Publication (Woo)' }).click();
  await expect(page.getByTestId('woo-stale')).toContainText('The document has changed');
});

test('an administrator sets the sender that every letter prints', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Afzender van brieven' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Afzender van brieven/ })).toBeVisible();
  await expect(page.getByLabel('Organisatie')).toHaveValue(
    'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
  );
  await page.getByLabel('Directie of afdeling').fill('Directie Constitutionele Zaken en Wetgeving');
  await page.getByLabel('Adresregels').fill('Turfmarkt 147\nPostbus 20011\n2500 EA  Den Haag');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('letter-sender-saved')).toContainText('De afzender is opgeslagen.');
  await expectNoSeriousA11yViolations(page, 'the sender of the letters');
  await page.reload();
  await expect(page.getByLabel('Directie of afdeling')).toHaveValue(
    'Directie Constitutionele Zaken en Wetgeving',
  );
  // The .docx of a document prints it.
  await page.goto(letterUrl);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-docx').first().click(),
  ]);
  const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('Directie Constitutionele Zaken en Wetgeving');
});
