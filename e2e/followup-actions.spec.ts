import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login, PASSWORD, USERS } from './helpers.ts';

/**
 * Clusters and actions in the browser: a JenV coordinator makes a cluster of three UPR
 * recommendations a search finds, creates an action for it with an indicator ("personen", target
 * 200), records a measurement and sees one in the wrong unit refused with the server's message; a
 * JenV contributor writes progress on the cluster, which the coordinator approves. The tests build
 * on each other, so they run in order.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
/** Three UPR recommendations to the Netherlands, found by the word "serval". */
const CSV = [
  HEADER,
  '98601,Netherlands,WEOG,EU,"Protect serval wardens against violence in detention.",Kenya,African Group,,Accepted,4,Detention,15',
  '98602,Netherlands,WEOG,EU,"Give serval interpreters access to every police station.",Ghana,African Group,,Noted,3,Detention,15',
  '98603,Netherlands,WEOG,EU,"Train serval prison staff in the prohibition of torture.",Togo,African Group,,Accepted,4,Detention,15',
].join('\n');

const CLUSTER_TITLE = 'Serval en detentie';
const ACTION_TITLE = 'Trainingsprogramma serval-bewaarders';
const OWN_PASSWORD = 'groene servals lopen langs de Vecht';
const JENV_USERS = {
  coordinator: { email: 'jenv-coordinator@example.org', name: 'Jan JenV-coördinator' },
  contributor: { email: 'jenv-contributor@example.org', name: 'Ria JenV-bijdrager' },
} as const;

/** Where the tests left off: the cluster's and the action's pages. */
const state = { cluster: '', action: '', jenvId: '' };

async function asUser(
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

async function loginJenv(page: Page, who: keyof typeof JENV_USERS): Promise<void> {
  const user = JENV_USERS[who];
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill(OWN_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(`Ingelogd als ${user.name}`);
}

test('a JenV coordinator makes a cluster of the hits of a search', async ({ page, request }) => {
  const orgs = (await (await request.get('/api/organisations?q=JenV')).json()) as {
    items: { id: string; code: string }[];
  };
  const jenv = orgs.items.find((o) => o.code === 'JenV');
  expect(jenv).toBeTruthy();
  state.jenvId = jenv!.id;
  await asUser(request, USERS.admin.email, PASSWORD, async (csrf) => {
    for (const [role, user] of Object.entries(JENV_USERS)) {
      const created = await request.post('/api/users', {
        headers: { 'x-csrf-token': csrf },
        data: { ...user, role, organisationId: jenv!.id, password: 'een tijdelijk wachtwoord' },
      });
      expect(created.status(), await created.text()).toBe(201);
    }
  });
  for (const user of Object.values(JENV_USERS)) {
    await asUser(request, user.email, 'een tijdelijk wachtwoord', async (csrf) => {
      const changed = await request.post('/api/auth/password', {
        headers: { 'x-csrf-token': csrf },
        data: { currentPassword: 'een tijdelijk wachtwoord', newPassword: OWN_PASSWORD },
      });
      expect(changed.status(), await changed.text()).toBe(204);
    });
  }
  // The coordinating ministry imports the recommendations.
  await login(page, 'coordinator');
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const imported = await page.request.post('/api/imports/upr-info?fileName=serval.csv', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken },
    data: CSV,
  });
  expect(imported.status(), await imported.text()).toBe(200);
  await page.context().clearCookies();

  await loginJenv(page, 'coordinator');
  await expect(page.getByRole('link', { name: 'Clusters', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Maatregelen', exact: true })).toBeVisible();
  await page.goto('/recommendations?q=serval');
  await expect(page.getByTestId('result-count')).toContainText('3 aanbevelingen gevonden.');
  const panel = page.getByTestId('cluster-create');
  await expect(panel.getByRole('heading', { name: 'Cluster maken van deze resultaten' })).toBeVisible();
  // Without a title and owner nothing is asked, let alone sent.
  await panel.getByRole('button', { name: 'Cluster maken' }).click();
  await expect(panel).toContainText('Geef het cluster een titel.');
  await panel.getByLabel(/^Titel/).fill(CLUSTER_TITLE);
  await panel.getByLabel(/^Eigenaar/).selectOption(jenv!.id);
  await panel.getByRole('button', { name: 'Cluster maken' }).click();
  await expect(panel.getByTestId('cluster-confirm')).toContainText(
    `Een cluster "${CLUSTER_TITLE}" maken van alle 3 resultaten`,
  );
  await panel.getByRole('button', { name: 'Ja, cluster maken' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cluster: ${CLUSTER_TITLE}`);
  await expect(page.getByTestId('success-notice').first()).toContainText('Het cluster is gemaakt.');
  const members = page.getByTestId('members-table');
  await expect(members.locator('tbody tr')).toHaveCount(3);
  await expect(members.getByRole('link').first()).toHaveAttribute('href', /^\/recommendations\//);
  state.cluster = new URL(page.url()).pathname;

  // The cluster is in the list, and on each of its recommendations' pages.
  await page.goto('/clusters');
  await expect(page.getByTestId('clusters-table')).toContainText(CLUSTER_TITLE);
  await page.goto('/recommendations?q=serval');
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

  await page.context().clearCookies();
  await loginJenv(page, 'coordinator');
  await page.goto(state.cluster);
  const draft = page.getByTestId('progress').getByTestId('progress-update');
  await draft.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByTestId('progress').getByTestId('success-notice')).toContainText(
    'De voortgangsupdate is goedgekeurd.',
  );
  await expect(draft.getByTestId('progress-state')).toHaveText('goedgekeurd');
});

test('two pages editing the cluster meet the conflict view; members are removed', async ({ page }) => {
  await loginJenv(page, 'coordinator');
  const other = await page.context().newPage();
  await page.goto(state.cluster);
  await other.goto(state.cluster);
  await page.getByRole('button', { name: 'Cluster bewerken' }).click();
  await other.getByRole('button', { name: 'Cluster bewerken' }).click();
  const theirs = other.getByTestId('cluster-form');
  await theirs.getByLabel(/^Titel/).fill('Serval in detentie');
  await theirs.getByRole('button', { name: 'Opslaan' }).click();
  await expect(other.getByTestId('success-notice').first()).toContainText('Het cluster is opgeslagen.');

  const mine = page.getByTestId('cluster-form');
  await mine.getByLabel(/^Beschrijving/).fill('Mijn beschrijving van het cluster.');
  await mine.getByRole('button', { name: 'Opslaan' }).click();
  const conflict = page.getByTestId('conflict-view');
  await expect(conflict.getByTestId('conflict-theirs').first()).toHaveText('Serval in detentie');
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
