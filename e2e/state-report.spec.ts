import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { docxAsText } from '../src/test/libreoffice.ts';
import { asUser, createOrgUsers, expectNoSeriousA11yViolations, loginAs, organisationId } from './helpers.ts';

/**
 * The state report (issue 15) in the browser, for the eighth CAT cycle: JenV's coordinator (the lead
 * ministry) drafts the replies to the list of issues from the cycle page, imports the list of issues
 * (a text without numbered questions is refused with what was found), asks VWS and SZW for
 * contributions to two questions; VWS's contributor writes one in the app and SZW's uploads a .docx;
 * the coordinator accepts and merges them, edits the section by keyboard, exports the report and
 * reads the .docx back in LibreOffice with its numbered paragraphs, and records the submission, which
 * moves the cycle's phase. Every page is checked with axe. The tests build on each other.
 */
test.describe.configure({ mode: 'serial' });

const FIXTURES = path.join(import.meta.dirname, '../src/state-report/parse/fixtures');
const LOI = path.join(FIXTURES, 'loipr-cat-c-nld-qpr-8.txt');
const BROKEN = path.join(FIXTURES, 'loipr-broken-docx-auto-numbering.txt');
const PASSWORD = 'een sterk wachtwoord voor het statenrapport';
const STAMP = Date.now().toString(36);
const COORDINATOR = { email: `jenv-coordinator-${STAMP}@example.org`, name: `Jet JenV ${STAMP}` };
const VWS = { email: `vws-contributor-${STAMP}@example.org`, name: `Vera VWS ${STAMP}` };
const SZW = { email: `szw-contributor-${STAMP}@example.org`, name: `Sam SZW ${STAMP}` };
const TYPED = `VWS: de zorg in detentie is in 2024 verbeterd met een nieuw protocol ${STAMP}.`;
const UPLOADED = `SZW: de arbeidsinspectie controleerde veertig inrichtingen ${STAMP}.`;
const EDITED = `De regering vat de maatregelen hierboven samen ${STAMP}.`;
const COLLEAGUE = `Aanvulling van een collega ${STAMP}.`;

let cycleId = '';
let catId = '';
let reportUrl = '';
let sectionUrl = '';

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

/** The lead ministry's coordinator and a contributor of each ministry asked; the eighth CAT cycle. */
test.beforeAll(async ({ request }) => {
  await createOrgUsers(
    request,
    await organisationId(request, 'JenV'),
    { coordinator: COORDINATOR },
    PASSWORD,
  );
  await createOrgUsers(request, await organisationId(request, 'VWS'), { contributor: VWS }, PASSWORD);
  await createOrgUsers(request, await organisationId(request, 'SZW'), { contributor: SZW }, PASSWORD);
  const instruments = await json<{ items: { id: string; code: string }[] }>(
    request,
    '/api/instruments?pageSize=500',
  );
  catId = instruments.items.find((i) => i.code === 'CAT')!.id;
  const cycles = await json<{ items: { id: string; sequence: number }[] }>(
    request,
    `/api/cycles?instrumentId=${catId}&pageSize=500`,
  );
  const eighth = cycles.items.find((c) => c.sequence === 8);
  if (eighth) cycleId = eighth.id;
  else
    await asUser(request, COORDINATOR.email, PASSWORD, async (csrf) => {
      const res = await request.post('/api/cycles', {
        headers: { 'x-csrf-token': csrf },
        data: { instrumentId: catId, label: '8th periodic report', sequence: 8, procedure: 'simplified' },
      });
      expect(res.status(), await res.text()).toBe(201);
      cycleId = ((await res.json()) as { id: string }).id;
    });
});

const signIn = (page: Page, user: { email: string; name: string }) =>
  loginAs(page, user.email, PASSWORD, user.name);

test('the lead ministry drafts the replies from the cycle page and imports the list of issues', async ({
  page,
}) => {
  await signIn(page, COORDINATOR);
  await page.goto(`/instruments/${catId}`);
  const create = page.getByTestId('cycle-state-report-create').and(page.locator(`[href*="${cycleId}"]`));
  await expect(create).toHaveText(/^Rapport opstellen/);
  await expectNoSeriousA11yViolations(page, 'the CAT page with the way to the state report');
  await create.click();

  const form = page.getByTestId('state-report-new');
  await expect(form.getByLabel('Rapportagecyclus')).toHaveValue(cycleId);
  await expectNoSeriousA11yViolations(page, 'the new state report form');
  await form.getByLabel('Antwoorden op de lijst van vragen (vereenvoudigde procedure)').check();
  await form.getByRole('button', { name: 'Rapport maken' }).click();
  await expect(page).toHaveURL(/\/statenrapporten\/[0-9a-f-]{36}$/);
  reportUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('state-report-kind')).toHaveText(
    'Antwoorden op de lijst van vragen (vereenvoudigde procedure)',
  );
  // The word count against the limit, which is marked unverified with its source.
  await expect(page.getByTestId('state-report-words')).toHaveText(/^0 van [\d.]+$/);
  await expect(page.getByText('niet geverifieerd').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the new state report');

  // A Word file that lost its numbering: refused, saying what was found.
  const loi = page.getByTestId('state-report-loi');
  await loi.getByLabel('Bestand met de lijst van vragen').setInputFiles(BROKEN);
  await loi.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByTestId('state-report-loi-error')).toContainText('geen genummerde vragen gevonden');
  await expectNoSeriousA11yViolations(page, 'the refused list of issues');

  await loi.getByLabel('Bestand met de lijst van vragen').setInputFiles(LOI);
  await loi.getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByTestId('state-report-loi-imported')).toContainText(
    'De lijst van vragen is ingelezen',
  );
  await expect(page.getByTestId('state-report-loi-result')).toContainText('CAT/C/NLD/QPR/8');
  const rows = page.getByTestId('state-report-section-row');
  await expect(rows.filter({ hasText: 'Vraag 1' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Vraag 2' }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the report with its questions');
});

test('the coordinator asks VWS and SZW for contributions to two questions', async ({ page }) => {
  await signIn(page, COORDINATOR);
  await page.goto(reportUrl);
  const form = page.getByTestId('state-report-request');
  const sections = form.getByTestId('field-sectionIds');
  await sections.getByRole('checkbox', { name: /^Vraag 1\b/ }).check();
  await sections.getByRole('checkbox', { name: /^Vraag 2\b/ }).check();
  const organisations = form.getByTestId('field-organisationIds');
  await organisations.getByRole('checkbox', { name: /\(VWS\)$/ }).check();
  await organisations.getByRole('checkbox', { name: /\(SZW\)$/ }).check();
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Termijn').fill(inAMonth);
  await form.getByLabel('Toelichting').fill('Graag per vraag de maatregelen sinds de vorige dialoog.');
  await form.getByRole('button', { name: 'Bijdragen vragen' }).click();
  await expect(page.getByTestId('state-report-requested')).toContainText(
    'Er zijn 4 verzoeken om een bijdrage verstuurd.',
  );
  const progress = page.getByTestId('progress-row');
  await expect(progress).toHaveCount(4);
  await expect(progress.filter({ hasText: 'VWS' }).first()).toContainText('Gevraagd, nog niet begonnen');
  await expectNoSeriousA11yViolations(page, 'the report with its requests');
});

/**
 * Opens the organisation's request for question 1 from its notification, then from the list of the
 * organisation's requests (both questions).
 */
async function openQuestionOne(page: Page) {
  await page.goto('/notifications');
  await page
    .getByTestId('notifications-table')
    .getByRole('link', { name: /^Verzoek om bijdrage: Issues identified for follow-up/ })
    .click();
  await expect(page).toHaveURL(/\/bijdrageverzoeken\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('request-state')).toHaveText('Gevraagd, nog niet begonnen');
  await expectNoSeriousA11yViolations(page, 'a request for a contribution');
  await page.getByRole('link', { name: 'Terug naar de bijdrageverzoeken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bijdrageverzoeken' })).toBeVisible();
  const table = page.getByTestId('state-report-requests');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'the requests of an organisation');
  await table.getByRole('link', { name: /^1\. / }).click();
  await expect(page.getByTestId('request-deadline')).toBeVisible();
}

test('VWS writes its contribution in the app, saves a draft and submits it', async ({ page }) => {
  await signIn(page, VWS);
  await openQuestionOne(page);
  const editor = page.getByTestId('contribution-editor');
  await editor.getByLabel('Tekst van de bijdrage').fill(TYPED);
  await expect(page.getByTestId('contribution-live-words')).toHaveText(
    `${TYPED.split(/\s+/).length} woorden`,
  );
  await editor.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByTestId('contribution-draft-saved')).toContainText('Het concept is opgeslagen.');
  await expect(page.getByTestId('request-state')).toHaveText('Concept');
  await page.getByTestId('contribution-submit').getByRole('button', { name: 'Bijdrage indienen' }).click();
  await expect(page.getByTestId('contribution-submitted')).toContainText('De bijdrage is ingediend.');
  await expect(page.getByTestId('request-state')).toHaveText('Ingediend');
  await expect(page.getByTestId('contribution-text')).toHaveText(TYPED);
  await expectNoSeriousA11yViolations(page, 'a submitted contribution');
});

test('SZW uploads a .docx as its contribution and submits it', async ({ page }) => {
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(UPLOADED)] }] }));
  await signIn(page, SZW);
  await openQuestionOne(page);
  const upload = page.getByTestId('contribution-upload');
  await upload.getByLabel('Word-bestand (.docx)').setInputFiles({
    name: 'bijdrage-szw.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(docx),
  });
  await upload.getByRole('button', { name: 'Uploaden' }).click();
  await expect(page.getByTestId('contribution-uploaded')).toContainText('Het Word-bestand is ingelezen');
  await expect(page.getByLabel('Tekst van de bijdrage')).toHaveValue(
    new RegExp(UPLOADED.replace(/\./g, '\\.')),
  );
  await page.getByTestId('contribution-submit').getByRole('button', { name: 'Bijdrage indienen' }).click();
  await expect(page.getByTestId('contribution-submitted')).toContainText('De bijdrage is ingediend.');
  await expect(page.getByTestId('request-state')).toHaveText('Ingediend');
});

test('the coordinator accepts and merges both, and edits the section by keyboard', async ({ page }) => {
  await signIn(page, COORDINATOR);
  await page.goto(reportUrl);
  await page
    .getByTestId('state-report-section-row')
    .filter({ hasText: 'Vraag 1' })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('section-question')).toBeVisible();
  sectionUrl = new URL(page.url()).pathname;
  await expectNoSeriousA11yViolations(page, 'a section with its contributions');

  const contributions = page.getByTestId('section-contribution');
  await expect(contributions).toHaveCount(2);
  for (const from of ['Volksgezondheid', 'Sociale Zaken']) {
    const item = contributions.filter({ hasText: from });
    await item.getByRole('button', { name: /^Aanvaarden/ }).click();
    await expect(item.getByTestId('contribution-state')).toHaveText('Aanvaard');
  }
  await page.getByTestId('section-contributions').getByRole('button', { name: 'Samenvoegen' }).click();
  await expect(page.getByTestId('section-merged')).toContainText('De aanvaarde bijdragen zijn samengevoegd');
  const text = page.getByLabel('Tekst', { exact: true });
  await expect(text).toHaveValue(new RegExp(`${STAMP}[\\s\\S]*${STAMP}`));
  const merged = await text.inputValue();
  expect(merged).toContain(TYPED);
  expect(merged).toContain(UPLOADED);

  // Meanwhile a colleague saves the section: the save here is refused as stale, visibly.
  const [, reportId, , sectionId] = sectionUrl.split('/').filter(Boolean);
  const sectionApi = `/api/state-reports/${reportId}/sections/${sectionId}`;
  const { csrfToken } = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const seen = (await (await page.request.get(sectionApi)).json()) as { text: string; version: number };
  const colleague = await page.request.patch(sectionApi, {
    headers: { 'x-csrf-token': csrfToken },
    data: { text: `${seen.text}\n\n${COLLEAGUE}`, version: seen.version },
  });
  expect(colleague.status(), await colleague.text()).toBe(200);
  await text.fill(`${merged}\n\nEen wijziging die niet wordt opgeslagen.`);
  await page.getByTestId('section-editor').getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('section-save-error')).toContainText('Iemand anders heeft dit gewijzigd');
  await page.reload();
  await expect(text).toHaveValue(new RegExp(COLLEAGUE.replace(/\./g, '\\.')));
  const current = await text.inputValue();

  // By keyboard: into the text, type a paragraph (the count follows), Tab to "Opslaan", Enter.
  await text.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(`\n\n${EDITED}`);
  const words = (current.trim().split(/\s+/).length + EDITED.split(/\s+/).length).toString();
  await expect(page.getByTestId('section-live-words')).toHaveText(`${words} woorden`);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('section-editor').getByRole('button', { name: 'Opslaan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('section-saved')).toContainText('De tekst van de sectie is opgeslagen.');
  await expectNoSeriousA11yViolations(page, 'the section after the merge');

  // The report counts the words of the section.
  await page.getByRole('link', { name: 'Terug naar het rapport' }).click();
  await expect(page.getByTestId('state-report-words')).toHaveText(new RegExp(`^${words} van `));
});

test('the report is exported and its .docx opens in LibreOffice with numbered paragraphs', async ({
  page,
}) => {
  await signIn(page, COORDINATOR);
  await page.goto(reportUrl);
  const panel = page.getByTestId('state-report-export');
  await panel.getByRole('button', { name: 'Exporteren' }).click();
  await expect(page.getByTestId('state-report-exported')).toContainText('documentwerkruimte');
  await expect(page.getByTestId('state-report-memo')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the exported report');
  await page.getByTestId('state-report-letter').click();
  await expect(page).toHaveURL(/\/brieven\/[0-9a-f-]{36}$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-docx').first().click(),
  ]);
  const text = docxAsText(fs.readFileSync(await download.path()));
  expect(text).toMatch(/^\s*\d+\.\s+\S/m);
  expect(text).toMatch(new RegExp(`^\\s*\\d+\\.\\s+${TYPED.slice(0, 30)}`, 'm'));
  expect(text).toContain(UPLOADED);
  expect(text).toContain(EDITED);
  expect(text).toContain(COLLEAGUE);
});

test('the submission is recorded and the cycle moves to its next phase', async ({ page }) => {
  await signIn(page, COORDINATOR);
  await page.goto(reportUrl);
  const phase = page.getByTestId('state-report-cycle-phase');
  await expect(phase).not.toHaveText('…');
  expect(await phase.textContent()).not.toBe('Rapportage ingediend');
  const form = page.getByTestId('state-report-submission');
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel('Datum van indiening').fill(today);
  await form.getByLabel('Symbool van het rapport').fill('CAT/C/NLD/8');
  await form.getByRole('button', { name: 'Indiening vastleggen' }).click();
  await expect(page.getByTestId('state-report-submission-saved')).toContainText(
    'De indiening is vastgelegd.',
  );
  await expect(page.getByTestId('state-report-submitted')).toContainText('CAT/C/NLD/8');
  // The replies to a list of issues prior to reporting are the periodic report (src/state-report/submission.ts).
  await expect(page.getByTestId('state-report-cycle-phase')).toHaveText('Rapportage ingediend');
  await expectNoSeriousA11yViolations(page, 'the submitted report');
  // The cycle page now leads to the report.
  await page.goto(`/instruments/${catId}`);
  await expect(
    page.getByTestId('cycle-state-report').and(page.locator(`[href$="${reportUrl}"]`)),
  ).toBeVisible();
  // A submitted report is read, no longer edited.
  await page.goto(sectionUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Tekst van de sectie' })).toBeVisible();
  await expect(page.getByText(EDITED)).toBeVisible();
  await expect(page.getByTestId('section-editor')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'a section of the submitted report');
  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Text of the section' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the report' }).click();
  await expect(page.getByTestId('state-report-cycle-phase')).toHaveText('Report submitted');
  await expect(page.getByTestId('state-report-kind')).toHaveText(
    'Replies to the list of issues (simplified procedure)',
  );
});
