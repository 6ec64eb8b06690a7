import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { asUser, createOrgUsers, importFile, organisationId, PASSWORD, USERS } from './helpers.ts';

/**
 * Issue 13, done when: a visitor without an account finds a published recommendation on the Netherlands
 * from a search-engine style URL, reads its position and progress, downloads the open data and the DCAT
 * description — with JavaScript off and on. Set up through the API: a UPR Info import of two
 * recommendations (found by "okapi"), one with a recorded position, an approved progress update and its
 * follow-up published; the other stays internal and must appear nowhere. Every page has no WCAG 2.1
 * A/AA violation (axe, which needs JavaScript: in the context with it on), and is usable by keyboard.
 */
test.describe.configure({ mode: 'serial' });

const HEADER =
  'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session';
const TEXT = {
  published: 'Guarantee okapi keepers equal access to social security.',
  hidden: 'Ensure okapi shelters respect the privacy of visitors.',
  explanation: 'Het kabinet steunt de aanbeveling over okapi-verzorgers.',
  progress: 'De Sociale Verzekeringsbank heeft de regeling voor okapi-verzorgers aangepast.',
};
const CSV = [
  HEADER,
  `97701,Netherlands,WEOG,EU,"${TEXT.published}",Germany,WEOG,EU,Accepted,4,Social security,14`,
  `97702,Netherlands,WEOG,EU,"${TEXT.hidden}",France,WEOG,EU,Noted,3,Privacy,14`,
].join('\n');
const OWN_PASSWORD = 'okapi verzorgers drinken thee op de Veluwe';
const CONTRIBUTOR = { email: 'portal-contributor@example.org', name: 'Pim Portaal-bijdrager' };

let recId = '';
let hiddenId = '';

async function publishOne(request: APIRequestContext): Promise<void> {
  const bzk = await organisationId(request, 'BZK');
  await createOrgUsers(request, bzk, { contributor: CONTRIBUTOR }, OWN_PASSWORD);
  await asUser(request, USERS.coordinator.email, PASSWORD, async (csrf) => {
    const headers = { 'x-csrf-token': csrf };
    await importFile(request, 'upr-info', 'okapi.csv', CSV);
    const list = (await (await request.get('/api/recommendations?q=okapi')).json()) as {
      items: { id: string; text: string; version: number }[];
    };
    const rec = list.items.find((i) => i.text.includes('keepers'))!;
    recId = rec.id;
    hiddenId = list.items.find((i) => i.text.includes('shelters'))!.id;
    const lead = await request.patch(`/api/recommendations/${recId}/responsibility`, {
      headers,
      data: { leadOrganisationId: bzk, version: rec.version },
    });
    expect(lead.status(), await lead.text()).toBe(200);
    const position = await request.patch(`/api/recommendations/${recId}/position`, {
      headers,
      data: { position: 'supported', explanation: TEXT.explanation, version: null },
    });
    expect(position.status(), await position.text()).toBe(200);
  });
  let update = { id: '', version: 0 };
  await asUser(request, CONTRIBUTOR.email, OWN_PASSWORD, async (csrf) => {
    const res = await request.post(`/api/recommendations/${recId}/progress`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        status: 'in_progress',
        text: TEXT.progress,
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    update = (await res.json()) as { id: string; version: number };
  });
  await asUser(request, USERS.coordinator.email, PASSWORD, async (csrf) => {
    const headers = { 'x-csrf-token': csrf };
    const approved = await request.post(`/api/progress-updates/${update.id}/approve`, {
      headers,
      data: { version: update.version },
    });
    expect(approved.status(), await approved.text()).toBe(200);
    const published = await request.post(`/api/recommendations/${recId}/followup/publish`, { headers });
    expect(published.status(), await published.text()).toBe(200);
  });
}

/** axe with the WCAG 2.1 A/AA rules: no violation of any impact. */
async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = results.violations
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    - ${n.target.join(' ')}`).join('\n')}`,
    )
    .join('\n');
  expect(results.violations, `Accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}

async function visitor(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'nl-NL', acceptDownloads: true });
  return context.newPage();
}

test('set-up: one okapi recommendation published with its position and approved progress', async ({
  request,
}) => {
  await publishOne(request);
  expect(recId).toBeTruthy();
});

for (const js of [false, true]) {
  const axe = js ? expectNoA11yViolations : async () => undefined;

  test(`a visitor reads, searches and downloads (JavaScript ${js ? 'on' : 'off'})`, async ({ browser }) => {
    const page = await visitor(browser, js);
    const main = page.getByRole('main');

    // Straight from a search engine to the recommendation.
    const res = await page.goto(`/openbaar/aanbevelingen/${recId}`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Aanbeveling van Duitsland');
    await expect(main).toContainText(TEXT.published);
    await expect(main.getByRole('heading', { name: 'Standpunt van de regering', level: 2 })).toBeVisible();
    await expect(main.locator('dl').nth(1)).toContainText('aanvaard');
    await expect(main).toContainText(TEXT.explanation);
    await expect(main.getByRole('heading', { name: 'Voortgang', level: 2 })).toBeVisible();
    await expect(main).toContainText(TEXT.progress);
    await expect(main).toContainText('in uitvoering');
    await expect(main).toContainText('Duitsland');
    await expect(page.locator('script')).toHaveCount(0);
    await axe(page);
    if (js) {
      await page.screenshot({ path: '/tmp/portal-a-shots/recommendation.png', fullPage: true });
      // On a phone: no sideways scrolling.
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: '/tmp/portal-a-shots/recommendation-phone.png', fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // The internal one is not there.
    expect((await page.goto(`/openbaar/aanbevelingen/${hiddenId}`))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await axe(page);

    // Search with a word and a filter, then open the hit.
    await page.goto('/openbaar/aanbevelingen');
    await page.getByLabel('Zoekwoorden').fill('okapi');
    await page.getByLabel('Mechanisme', { exact: true }).selectOption('upr');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/q=okapi/);
    await expect(page).toHaveURL(/mechanism=upr/);
    await expect(page.getByRole('heading', { level: 2, name: '1 aanbeveling gevonden' })).toBeVisible();
    await expect(main).not.toContainText('shelters');
    await axe(page);
    if (js) await page.screenshot({ path: '/tmp/portal-a-shots/search.png', fullPage: true });
    await main.getByRole('link', { name: /okapi keepers/ }).click();
    await expect(page).toHaveURL(new RegExp(`/openbaar/aanbevelingen/${recId}$`));
    await expect(main).toContainText(TEXT.progress);

    // A bad query says what to fix.
    expect((await page.goto('/openbaar/aanbevelingen?page=0'))?.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('Pagina: geef een paginanummer van 1 of hoger.');
    await axe(page);

    // The open data: the CSV and the DCAT description.
    await page.goto('/openbaar/open-data');
    await axe(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('link', { name: /Gepubliceerde mensenrechtenaanbevelingen.*CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('recommendations.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(recId);
    expect(csv).toContain('okapi keepers');
    expect(csv).not.toContain(hiddenId);
    const dcatHref = await main.getByRole('link', { name: /DCAT-AP/ }).getAttribute('href');
    const dcat = await page.request.get(dcatHref!);
    expect(dcat.headers()['content-type']).toContain('json');
    const catalog = (await dcat.json()) as { '@type': string; 'dcat:dataset': Record<string, unknown>[] };
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(JSON.stringify(catalog['dcat:dataset'])).toContain('/openbaar/aanbevelingen');

    // In English.
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page).toHaveURL(/\/public\/open-data$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto(`/public/recommendations/${recId}`);
    await expect(main.getByRole('heading', { name: 'Government position' })).toBeVisible();
    await expect(main).toContainText('supported');
    await expect(main).toContainText('Germany');
    await axe(page);
    await page.getByRole('link', { name: 'Lees deze pagina in het Nederlands' }).click();
    await expect(page).toHaveURL(new RegExp(`/openbaar/aanbevelingen/${recId}$`));
    await page.context().close();
  });

  test(`the keyboard: skip link, and the search form alone (JavaScript ${js ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const page = await visitor(browser, js);
    await page.goto('/openbaar/aanbevelingen');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    // From the main content: the search words, the first filter, ... the button.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Zoekwoorden')).toBeFocused();
    await page.keyboard.type('okapi');
    await page.keyboard.press('Tab');
    const mechanism = page.getByLabel('Mechanisme', { exact: true });
    await expect(mechanism).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(mechanism).not.toHaveValue('');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    const button = page.getByRole('button', { name: 'Zoeken' });
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/q=okapi/);
    await expect(page.getByRole('heading', { level: 2, name: /aanbeveling(en)? gevonden/ })).toBeVisible();
    await page.context().close();
  });
}

/**
 * What a screen reader announces, read from the accessibility tree without JavaScript: one banner, one
 * main and one footer landmark, navigation landmarks each with its own name, one h1 and no skipped
 * heading level, the page's language, and every link and form control with a name.
 */
test('a screen reader finds landmarks, a heading outline and the language of each page', async ({
  browser,
}) => {
  const page = await visitor(browser, false);
  for (const [path, lang] of [
    [`/openbaar/aanbevelingen/${recId}`, 'nl'],
    ['/openbaar/aanbevelingen?q=okapi', 'nl'],
    [`/public/recommendations/${recId}`, 'en'],
    ['/openbaar/open-data', 'nl'],
    ['/openbaar', 'nl'],
    ['/openbaar/verdragen', 'nl'],
    ['/openbaar/verdragen/CAT', 'nl'],
    ['/openbaar/kalender', 'nl'],
    ['/openbaar/documenten', 'nl'],
    ['/openbaar/consultaties', 'nl'],
    ['/public/treaties', 'en'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
    const navs = page.getByRole('navigation');
    const names = await navs.evaluateAll((els) =>
      els.map((el) => el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? ''),
    );
    expect(names.length, path).toBeGreaterThan(0);
    expect(
      names.every((n) => n.trim() !== ''),
      `${path}: every navigation has a name`,
    ).toBe(true);
    expect(new Set(names).size, `${path}: the navigations' names differ`).toBe(names.length);
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((els) => els.map((el) => Number(el.tagName.slice(1))));
    expect(
      levels.filter((l) => l === 1),
      `${path}: one h1`,
    ).toHaveLength(1);
    expect(levels[0], `${path}: the outline starts at h1`).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(
        levels[i]! - levels[i - 1]!,
        `${path}: no level skipped after h${levels[i - 1]}`,
      ).toBeLessThanOrEqual(1);
    const unnamed = await page
      .locator('a, button, input:not([type=hidden]), select, textarea')
      .evaluateAll((els) =>
        els
          .filter((el) => {
            const label =
              el.getAttribute('aria-label') ??
              (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
              (el as HTMLElement).innerText;
            return !label || label.trim() === '';
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
    expect(unnamed, `${path}: links and controls without a name`).toEqual([]);
  }
  await page.context().close();
});
