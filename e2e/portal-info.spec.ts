import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { asUser, PASSWORD, USERS } from './helpers.ts';

/**
 * The public portal's information pages without JavaScript: the treaty overview, an instrument, its
 * published recommendations, the calendar (with its filter, a GET form), the documents and the
 * consultations, in Dutch and English; each page has no WCAG 2.1 A/AA violation (axe). The pages are
 * walked in a browser context with JavaScript off; axe (a script) checks each page in a second one.
 */

/** axe with the WCAG 2.1 A/AA rules on the page at `url`: no violation of any impact. */
async function expectNoA11yViolations(axePage: Page, url: string): Promise<void> {
  await axePage.goto(url);
  const results = await new AxeBuilder({ page: axePage })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = results.violations
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    - ${n.target.join(' ')}`).join('\n')}`,
    )
    .join('\n');
  expect(results.violations, `Accessibility violations on ${url}:\n${report}`).toEqual([]);
}

/** A consultation round open now, and a published memo (search, every finding redacted, reviewed). */
async function seed(request: APIRequestContext): Promise<{ consultationId: string; documentId: string }> {
  let consultationId = '';
  let documentId = '';
  await asUser(request, USERS.coordinator.email, PASSWORD, async (csrf) => {
    const headers = { 'x-csrf-token': csrf };
    const cycles = await request.get('/api/cycles?pageSize=500');
    const cedaw = await request.get('/api/instruments?pageSize=500');
    const instrumentId = ((await cedaw.json()) as { items: { id: string; code: string }[] }).items.find(
      (i) => i.code === 'CEDAW',
    )!.id;
    const cycle = ((await cycles.json()) as { items: { id: string; instrumentId: string }[] }).items.find(
      (c) => c.instrumentId === instrumentId,
    )!;
    const now = Date.now();
    const round = await request.post('/api/consultations', {
      headers,
      data: {
        cycleId: cycle.id,
        titleNl: 'Portaalconsultatie zonder JavaScript',
        titleEn: 'Portal consultation without JavaScript',
        descriptionNl: 'Wat moet in de rapportage?',
        descriptionEn: 'What should the report cover?',
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      },
    });
    expect(round.status(), await round.text()).toBe(201);
    consultationId = ((await round.json()) as { id: string }).id;

    const memo = await request.post('/api/letters', {
      headers,
      data: {
        params: {
          kind: 'memo',
          fields: { to: ['Minister van BZK'], from: ['DG Openbaar Bestuur'], date: '2026-02-06' },
          purpose: 'decision',
          title: 'Portaalnota over de rapportages',
          aanleiding: 'Vragen aan jan.devries@minbzk.nl over de rapportage.',
          kern: 'De brief geeft een overzicht van de rapportages.',
        },
      },
    });
    expect(memo.status(), await memo.text()).toBe(201);
    documentId = ((await memo.json()) as { id: string }).id;
    const found = await request.post(`/api/letters/${documentId}/redactions/search`, { headers });
    const r = (await found.json()) as { version: number; findings: { id: string }[] };
    const done = await request.patch(`/api/letters/${documentId}/redactions`, {
      headers,
      data: {
        version: r.version,
        decisions: r.findings.map((f) => ({ id: f.id, decision: 'redact' })),
        reviewed: true,
      },
    });
    expect(done.status(), await done.text()).toBe(200);
    const pub = await request.post(`/api/letters/${documentId}/publish`, {
      headers,
      data: { version: ((await done.json()) as { version: number }).version },
    });
    expect(pub.status(), await pub.text()).toBe(200);
  });
  return { consultationId, documentId };
}

test('the information pages work without JavaScript and pass axe, in Dutch and English', async ({
  browser,
  page: axePage,
  request,
}) => {
  test.setTimeout(240_000);
  const { consultationId, documentId } = await seed(request);
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  /** axe on the page the script-less browser shows. */
  const axe = () => expectNoA11yViolations(axePage, page.url());

  // Treaties → instrument → its published recommendations.
  await page.goto('/openbaar/verdragen');
  await expect(page.getByRole('heading', { level: 1, name: 'Verdragen' })).toBeVisible();
  await axe();
  await page.getByRole('link', { name: 'CEDAW', exact: true }).click();
  await expect(page).toHaveURL(/\/openbaar\/verdragen\/CEDAW$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CEDAW');
  await expect(page.getByRole('heading', { level: 2, name: 'Rapportagecycli' })).toBeVisible();
  await axe();
  await page.getByRole('link', { name: 'Gepubliceerde aanbevelingen onder CEDAW' }).click();
  await expect(page).toHaveURL(/\/openbaar\/aanbevelingen\?instrumentId=[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The calendar and its filter (a GET form, no script).
  await page.goto('/openbaar/kalender');
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
  await axe();
  await page.getByLabel('Termijnen in de komende').selectOption('1825');
  await page.getByRole('button', { name: 'Toon termijnen' }).click();
  await expect(page).toHaveURL(/\/openbaar\/kalender\?within=1825&overdue=include$/);
  await expect(page.getByLabel('Termijnen in de komende')).toHaveValue('1825');
  const bad = await page.goto('/openbaar/kalender?within=abc');
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole('alert')).toContainText('Kies een periode uit de lijst');

  // Documents → the published memo.
  await page.goto('/openbaar/documenten');
  await axe();
  await page.getByRole('link', { name: 'Portaalnota over de rapportages' }).click();
  await expect(page).toHaveURL(new RegExp(`/openbaar/documenten/${documentId}$`));
  await expect(page.getByRole('link', { name: 'Openbare versie als PDF' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('jan.devries@minbzk.nl');
  await axe();

  // Consultations → the open round with the link to the form.
  await page.goto('/openbaar/consultaties');
  await axe();
  await page.getByRole('link', { name: 'Portaalconsultatie zonder JavaScript' }).click();
  await expect(page).toHaveURL(new RegExp(`/openbaar/consultaties/${consultationId}$`));
  await expect(page.getByRole('link', { name: 'Geef uw inbreng via het reactieformulier' })).toHaveAttribute(
    'href',
    `/consultations/${consultationId}`,
  );
  await axe();

  // English pages.
  for (const [url, heading] of [
    ['/public/treaties', 'Treaties'],
    ['/public/treaties/CEDAW', /CEDAW/],
    ['/public/calendar', 'Calendar'],
    ['/public/documents', 'Documents'],
    [`/public/documents/${documentId}`, 'Portaalnota over de rapportages'],
    ['/public/consultations', 'Consultations'],
    [`/public/consultations/${consultationId}`, 'Portal consultation without JavaScript'],
  ] as const) {
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await axe();
  }

  const missing = await page.goto('/openbaar/verdragen/BESTAATNIET');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await noScript.close();
});
