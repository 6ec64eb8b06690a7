import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  createOrgUsers,
  expectNoSeriousA11yViolations,
  importFile,
  login,
  loginAs,
  organisationId,
} from './helpers.ts';

/**
 * Clusters and actions in the browser: a JenV coordinator makes a cluster of the recommendations a
 * search finds on children in immigration detention, one each from the Committee on the Rights of the
 * Child (CRC), the Human Rights Committee (CCPR) and the UPR; creates an action for it with an
 * indicator ("personen", target 200), records a measurement and sees one in the wrong unit refused
 * with the server's message; a JenV contributor writes progress on the cluster, which the coordinator
 * approves. The tests build on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

/**
 * The concluding observations of the CRC (CRC/C/NLD/CO/5-6) and the CCPR (CCPR/C/NLD/CO/5) on the
 * Netherlands, in the abridged copies the document parser's tests read: each holds one recommendation
 * on the detention of children (paragraph 12).
 */
const DOCUMENTS = [
  { file: 'src/recommendations/parse/fixtures/tb-crc-c-nld-co-5-6.txt', name: 'CRC-C-NLD-CO-5-6.txt' },
  { file: 'src/recommendations/parse/fixtures/tb-ccpr-c-nld-co-5.txt', name: 'CCPR-C-NLD-CO-5.txt' },
];
/** A UPR recommendation to the Netherlands (session 13, 2012), as in UPR Info's database. */
const UPR_CSV = [
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session',
  '18666,Netherlands,WEOG,EU,"Reduce the number of persons in the detention centres for migrants and create alternative measures to detention, especially for families with children or unaccompanied minors",Ecuador,GRULAC,"OAS, OEI",Noted,4,"Detention,Migrants,Rights of the Child",13',
].join('\n');
/** The search that finds exactly those three. */
const SEARCH = '/recommendations?q=detention%20children';

const CLUSTER_TITLE = 'Kinderen in vreemdelingendetentie';
const ACTION_TITLE = 'Trainingsprogramma bewaarders gezinslocaties';
const OWN_PASSWORD = 'blauwe reigers vissen langs de Vecht';
const JENV_USERS = {
  coordinator: { email: 'jenv-coordinator@example.org', name: 'Jan JenV-coördinator' },
  contributor: { email: 'jenv-contributor@example.org', name: 'Ria JenV-bijdrager' },
} as const;

/** Where the tests left off: the cluster's and the action's pages. */
const state = { cluster: '', action: '', jenvId: '' };

async function loginJenv(page: Page, who: keyof typeof JENV_USERS): Promise<void> {
  const user = JENV_USERS[who];
  await loginAs(page, user.email, OWN_PASSWORD, user.name);
}

/** The JenV coordinator signs in, opens `url` and approves the draft progress update there. */
async function approveAsCoordinator(page: Page, url: string): Promise<void> {
  await page.context().clearCookies();
  await loginJenv(page, 'coordinator');
  await page.goto(url);
  const draft = page.getByTestId('progress').getByTestId('progress-update');
  await draft.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByTestId('progress').getByTestId('success-notice')).toContainText(
    'De voortgangsupdate is goedgekeurd.',
  );
  await expect(draft.getByTestId('progress-state')).toHaveText('goedgekeurd');
}

test('a JenV coordinator makes a cluster of the hits of a search', async ({ page, request }) => {
  state.jenvId = await organisationId(request, 'JenV');
  await createOrgUsers(request, state.jenvId, JENV_USERS, OWN_PASSWORD);
  // The coordinating ministry imports the concluding observations and the UPR recommendation.
  await login(page, 'coordinator');
  for (const d of DOCUMENTS) {
    // As the import page sends a file: its bytes (the text has form feeds between pages).
    const bytes = fs.readFileSync(d.file);
    const summary = await importFile(page.request, 'document', d.name, bytes, 'application/octet-stream');
    expect(summary.created, d.name).toBeGreaterThan(0);
  }
  await importFile(page.request, 'upr-info', 'upr-info-netherlands.csv', UPR_CSV);
  await page.context().clearCookies();

  await loginJenv(page, 'coordinator');
  await expect(page.getByRole('link', { name: 'Clusters', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Maatregelen', exact: true })).toBeVisible();
  await page.goto(SEARCH);
  await expect(page.getByTestId('result-count')).toContainText('3 aanbevelingen gevonden.');
  const panel = page.getByTestId('cluster-create');
  await expect(panel.getByRole('heading', { name: 'Cluster maken van deze resultaten' })).toBeVisible();
  // Without a title and owner nothing is asked, let alone sent.
  await panel.getByRole('button', { name: 'Cluster maken' }).click();
  await expect(panel).toContainText('Geef het cluster een titel.');
  await panel.getByLabel(/^Titel/).fill(CLUSTER_TITLE);
  await panel.getByLabel(/^Eigenaar/).selectOption(state.jenvId);
  await panel.getByRole('button', { name: 'Cluster maken' }).click();
  await expect(panel.getByTestId('cluster-confirm')).toContainText(
    `Een cluster "${CLUSTER_TITLE}" maken van alle 3 resultaten`,
  );
  await panel.getByRole('button', { name: 'Ja, cluster maken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cluster: ${CLUSTER_TITLE}`);
  await expect(page.getByTestId('success-notice').first()).toContainText('Het cluster is gemaakt.');
  // One recommendation of each: the CRC's and the CCPR's by their document, the UPR's by its mechanism.
  const rows = page.getByTestId('members-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const member = (ref: RegExp) => rows.filter({ has: page.getByRole('link', { name: ref }) });
  await expect(member(/^CRC\/C\/NLD\/CO\/5-6 /)).toContainText('end the detention of children in migration');
  await expect(member(/^CCPR\/C\/NLD\/CO\/5 /)).toContainText('detention of asylum seekers');
  await expect(member(/^UPR /)).toContainText('detention centres for migrants');
  await expect(rows.getByRole('link').first()).toHaveAttribute('href', /^\/recommendations\//);
  state.cluster = new URL(page.url()).pathname;

  // The cluster is in the list, and on each of its recommendations' pages.
  await page.goto('/clusters');
  await expect(page.getByTestId('clusters-table')).toContainText(CLUSTER_TITLE);
  await page.goto(SEARCH);
  await page.getByTestId('recommendation-list').getByRole('link').first().click();
  await expect(page.getByTestId('recommendation-cluster-list')).toContainText(CLUSTER_TITLE);
});

test('the coordinator creates an action for the cluster, with an indicator and measurements', async ({
  page,
}) => {
  await loginJenv(page, 'coordinator');
  await page.goto(state.cluster);
  await page.getByTestId('new-action-link').click();
  await expect(page.getByTestId('action-prelinked')).toBeVisible();
  const form = page.getByTestId('action-form');
  await form.getByLabel(/^Titel/).fill(ACTION_TITLE);
  await form.getByLabel('Budget').fill('1250000,50');
  await form.getByLabel('Einddatum').fill('2030-12-31');
  await form.getByRole('button', { name: 'Maatregel aanmaken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Maatregel: ${ACTION_TITLE}`);
  await expect(page.getByTestId('success-notice').first()).toContainText('De maatregel is aangemaakt.');
  await expect(page.getByTestId('action-budget')).toHaveText('€ 1.250.000,50');
  await expect(page.getByTestId('action-clusters')).toContainText(CLUSTER_TITLE);
  state.action = new URL(page.url()).pathname;

  const indicators = page.getByTestId('indicators');
  await indicators.getByRole('button', { name: 'Nieuwe indicator' }).click();
  const ind = page.getByTestId('indicator-form');
  await ind.getByLabel(/^Wat wordt gemeten/).fill('Getrainde bewaarders');
  await ind.getByLabel(/^Soort waarde/).selectOption({ label: 'aantal' });
  await ind.getByLabel(/^Eenheid/).fill('personen');
  await ind.getByLabel('Streefwaarde').fill('200');
  await ind.getByRole('button', { name: 'Indicator opslaan' }).click();
  await expect(indicators.getByTestId('success-notice')).toContainText('De indicator is opgeslagen.');
  const indicator = indicators.getByTestId('indicator');
  await expect(indicator.getByRole('heading', { name: 'Getrainde bewaarders' })).toBeVisible();

  await indicator.getByRole('button', { name: /^Meting toevoegen/ }).click();
  const m = page.getByTestId('measurement-form');
  // The unit is the indicator's, filled in already.
  await expect(m.getByLabel(/^Eenheid/)).toHaveValue('personen');
  await m.getByLabel(/^Waarde/).fill('120');
  await m.getByRole('button', { name: 'Meting opslaan' }).click();
  await expect(indicator.getByTestId('success-notice')).toContainText('De meting is opgeslagen.');
  const table = indicator.getByTestId('measurements-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('120 personen');
  await expect(table.locator('tbody tr').first()).toContainText('200 personen');

  // A measurement in another unit is refused with the server's message, and nothing is saved.
  await indicator.getByRole('button', { name: /^Meting toevoegen/ }).click();
  await m.getByLabel(/^Waarde/).fill('60');
  await m.getByLabel(/^Eenheid/).fill('procent');
  await m.getByRole('button', { name: 'Meting opslaan' }).click();
  await expect(m).toContainText('De meting is in "procent", maar de indicator wordt gemeten in "personen".');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await m.getByRole('button', { name: 'Annuleren' }).click();

  // The cluster's page lists the action.
  await page.goto(state.cluster);
  await expect(page.getByTestId('cluster-actions').getByRole('link', { name: ACTION_TITLE })).toBeVisible();
});

test('a JenV contributor writes progress on the cluster, and the coordinator approves it', async ({
  page,
}) => {
  await loginJenv(page, 'contributor');
  await page.goto(state.cluster);
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText('Er is nog geen voortgang gemeld.');
  // A contributor neither edits nor deletes the cluster.
  await expect(page.getByRole('button', { name: 'Cluster bewerken' })).toHaveCount(0);
  await progress.getByRole('button', { name: 'Voortgang melden' }).click();
  const form = page.getByTestId('progress-form');
  await form.getByLabel('Status').selectOption({ label: 'in uitvoering' });
  await form.getByLabel(/^Wat is er gedaan/).fill('De eerste 120 bewaarders zijn getraind.');
  await form.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(progress.getByTestId('success-notice')).toContainText('Het concept is opgeslagen.');
  await expect(progress.getByTestId('progress-state')).toHaveText('concept');

  await approveAsCoordinator(page, state.cluster);
});

test("the action has its own progress, written by the contributor and approved by the coordinator; it is not the cluster's", async ({
  page,
}) => {
  await loginJenv(page, 'contributor');
  await page.goto(state.action);
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText('Er is nog geen voortgang gemeld.');
  await progress.getByRole('button', { name: 'Voortgang melden' }).click();
  const form = page.getByTestId('progress-form');
  await form.getByLabel('Status').selectOption({ label: 'gedeeltelijk uitgevoerd' });
  await form.getByLabel(/^Wat is er gedaan/).fill('Het trainingsprogramma is voor de helft uitgevoerd.');
  await form.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(progress.getByTestId('success-notice')).toContainText('Het concept is opgeslagen.');
  await expect(progress.getByTestId('progress-update')).toHaveCount(1);
  await expect(progress.getByTestId('progress-state')).toHaveText('concept');

  await approveAsCoordinator(page, state.action);
  await page.reload();
  await expect(page.getByTestId('progress').getByTestId('progress-state')).toHaveText('goedgekeurd');
  // The cluster still shows only its own update.
  await page.goto(state.cluster);
  await expect(page.getByTestId('progress').getByTestId('progress-update')).toHaveCount(1);
  await expect(page.getByTestId('progress')).not.toContainText('voor de helft uitgevoerd');
});

test('two pages editing the cluster meet the conflict view; members are removed', async ({ page }) => {
  await loginJenv(page, 'coordinator');
  const other = await page.context().newPage();
  await page.goto(state.cluster);
  await other.goto(state.cluster);
  await page.getByRole('button', { name: 'Cluster bewerken' }).click();
  await other.getByRole('button', { name: 'Cluster bewerken' }).click();
  const theirs = other.getByTestId('cluster-form');
  await theirs.getByLabel(/^Titel/).fill('Kinderen in detentie');
  await theirs.getByRole('button', { name: 'Opslaan' }).click();
  await expect(other.getByTestId('success-notice').first()).toContainText('Het cluster is opgeslagen.');

  const mine = page.getByTestId('cluster-form');
  await mine.getByLabel(/^Beschrijving/).fill('Mijn beschrijving van het cluster.');
  await mine.getByRole('button', { name: 'Opslaan' }).click();
  const conflict = page.getByTestId('conflict-view');
  await expect(conflict.getByTestId('conflict-theirs').first()).toHaveText('Kinderen in detentie');
  await expect(conflict.getByTestId('conflict-mine').nth(1)).toHaveText('Mijn beschrijving van het cluster.');
  // The user's text is still in the form.
  await expect(mine.getByLabel(/^Beschrijving/)).toHaveValue('Mijn beschrijving van het cluster.');
  await conflict.getByRole('button', { name: 'Mijn versie opslaan' }).click();
  await expect(page.getByTestId('success-notice').first()).toContainText('Het cluster is opgeslagen.');
  await expect(page.getByTestId('cluster-facts')).toContainText('Mijn beschrijving van het cluster.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cluster: ${CLUSTER_TITLE}`);
  await other.close();

  // Nothing ticked: nothing is sent. One ticked: it leaves the cluster.
  const members = page.getByTestId('cluster-members');
  await members.getByRole('button', { name: /^Geselecteerde verwijderen/ }).click();
  await expect(members).toContainText('Selecteer eerst de aanbevelingen die uit het cluster moeten.');
  await members.getByRole('checkbox').first().check();
  await members.getByRole('button', { name: 'Geselecteerde verwijderen uit het cluster (1)' }).click();
  await expect(page.getByTestId('members-saved')).toContainText(
    '1 aanbeveling(en) uit het cluster verwijderd.',
  );
  await expect(members.getByTestId('members-table').locator('tbody tr')).toHaveCount(2);

  // In English the budget is written the English way.
  await page.goto(state.action);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('action-budget')).toHaveText('€1,250,000.50');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByTestId('action-budget')).toHaveText('€ 1.250.000,50');
});

test('the cluster and action pages pass axe', async ({ page }) => {
  await loginJenv(page, 'coordinator');
  await page.goto(state.cluster);
  await expect(page.getByTestId('members-table')).toBeVisible();
  await expect(page.getByTestId('progress-list')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'cluster');
  await page.goto(state.action);
  await expect(page.getByTestId('measurements-table')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'action');
  await page.goto('/actions');
  await expect(page.getByTestId('actions-table')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'actions list');
  await page.goto('/clusters');
  await expect(page.getByTestId('clusters-table')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'clusters list');
});

test('two pages changing the links of the action meet both versions side by side, and keep both changes', async ({
  page,
}) => {
  await loginJenv(page, 'coordinator');
  await page.goto(state.cluster);
  const href = await page.getByTestId('members-table').getByRole('link').first().getAttribute('href');
  const recId = href!.split('/').pop()!;
  const other = await page.context().newPage();
  await page.goto(state.action);
  await other.goto(state.action);
  // The first page links a recommendation.
  const links = page.getByTestId('action-links');
  await links.getByLabel(/^Adressen of nummers van aanbevelingen/).fill(`${href}`);
  await links.getByRole('button', { name: 'Aanbevelingen koppelen' }).click();
  await expect(links.getByTestId('links-saved')).toContainText('De aanbevelingen zijn gekoppeld.');
  await expect(links.getByTestId('action-recommendations').getByRole('link')).toHaveCount(1);
  // The second, still showing the version before, unlinks the cluster: both versions side by side.
  const theirs = other.getByTestId('action-links');
  await expect(theirs).toContainText('Geen aanbevelingen gekoppeld.');
  await theirs
    .getByTestId('action-clusters')
    .getByRole('button', { name: /^Ontkoppelen/ })
    .click();
  const conflict = theirs.getByTestId('conflict-view');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-theirs').first()).not.toHaveText('—');
  await expect(conflict.getByTestId('conflict-theirs').nth(1)).toContainText(CLUSTER_TITLE);
  await expect(conflict.getByTestId('conflict-mine').nth(1)).not.toContainText(CLUSTER_TITLE);
  await conflict.getByRole('button', { name: 'Mijn versie opslaan' }).click();
  await expect(theirs.getByTestId('conflict-view')).toHaveCount(0);
  // Both changes are kept: the recommendation linked by the first page, the cluster unlinked by the second.
  await expect(theirs.getByTestId('action-recommendations').getByRole('link')).toHaveCount(1);
  await expect(theirs).toContainText('Geen clusters gekoppeld.');
  const saved = (await (await page.request.get(`/api${state.action}`)).json()) as {
    recommendations: { id: string }[];
    clusters: unknown[];
  };
  expect(saved.recommendations.map((r) => r.id)).toEqual([recId]);
  expect(saved.clusters).toEqual([]);
  await other.close();
});

test('two pages removing members meet both versions side by side, and both removals are kept', async ({
  page,
}) => {
  await loginJenv(page, 'coordinator');
  const other = await page.context().newPage();
  await page.goto(state.cluster);
  await other.goto(state.cluster);
  const members = page.getByTestId('cluster-members');
  await expect(members.getByTestId('members-table').locator('tbody tr')).toHaveCount(2);
  await members.getByRole('checkbox').first().check();
  await members.getByRole('button', { name: 'Geselecteerde verwijderen uit het cluster (1)' }).click();
  await expect(page.getByTestId('members-saved')).toContainText(
    '1 aanbeveling(en) uit het cluster verwijderd.',
  );

  // The other page still shows two members; it removes the second.
  const theirs = other.getByTestId('cluster-members');
  await theirs.getByRole('checkbox').nth(1).check();
  await theirs.getByRole('button', { name: 'Geselecteerde verwijderen uit het cluster (1)' }).click();
  const conflict = theirs.getByTestId('conflict-view');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('conflict-theirs')).not.toHaveText(
    (await conflict.getByTestId('conflict-mine').textContent()) ?? '',
  );
  await conflict.getByRole('button', { name: 'Mijn versie opslaan' }).click();
  await expect(other.getByTestId('members-saved')).toContainText('uit het cluster verwijderd.');
  await expect(theirs).toContainText('Dit cluster heeft geen aanbevelingen.');
  await other.close();
});
