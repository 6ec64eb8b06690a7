import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

test.describe('timeline, deadlines, exports and calendar feeds', () => {
  test('the timeline shows the Netherlands’ cycles with derived deadlines, also as a table', async ({
    page,
  }) => {
    await page.goto('/timeline?from=2016&to=2035');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tijdlijn van de rapportagecycli');
    const chart = page.getByTestId('timeline-chart');
    const cedawLink = chart.locator('li[data-code="CEDAW"]').getByRole('link', { name: 'CEDAW' });
    await expect(cedawLink).toBeVisible();
    // Keyboard reachable: tab to the link of the instrument.
    await cedawLink.focus();
    await expect(cedawLink).toBeFocused();
    const table = page.getByTestId('timeline-table');
    const derived = table.locator('tr[data-code="CEDAW"][data-derived="true"]');
    await expect(
      derived
        .filter({ hasText: 'Volgende rapportage verwacht' })
        .filter({ hasText: '7e periodieke rapportage' }),
    ).toContainText('februari 2034');
    await expect(derived.first()).toContainText('afgeleide termijn');
    await expect(
      table
        .locator('tr[data-code="UPR"]')
        .filter({ hasText: 'UPR-tussentijdse' })
        .filter({ hasText: 'UPR 4e cyclus' }),
    ).toContainText('mei 2025');
    await expectNoSeriousA11yViolations(page, 'timeline');
    await cedawLink.press('Enter');
    await expect(page).toHaveURL(/\/instruments\//);
  });

  test('the deadline list puts overdue deadlines first and filters by period', async ({ page }) => {
    await page.goto('/deadlines');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Termijnen');
    const rows = page.getByTestId('deadlines-table').locator('tbody tr');
    await expect(rows.first()).toHaveAttribute('data-overdue', 'true');
    await expect(rows.first()).toContainText('VERSTREKEN');
    await expectNoSeriousA11yViolations(page, 'deadlines');

    await page.getByLabel('Komende termijnen binnen').selectOption('3650');
    await page.getByLabel('Verstreken termijnen').selectOption('exclude');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect(page).toHaveURL(/within=3650/);
    await expect(page.getByTestId('deadlines-table').locator('tr[data-overdue="true"]')).toHaveCount(0);
    await expect(
      page
        .getByTestId('deadlines-table')
        .locator('tr[data-code="CEDAW"]')
        .filter({ hasText: 'Volgende rapportage' }),
    ).toContainText('afgeleid');
  });

  test('the overview offers the .xlsx and .csv downloads', async ({ page }) => {
    await page.goto('/');
    const table = page.getByTestId('overview-table');
    await expect(table.locator('tr[data-code="CEDAW"]')).toContainText('februari 2028');
    await expect(table.locator('tr[data-code="CEDAW"]')).toContainText('afgeleid');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^verdragsoverzicht-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const csv = await page.request.get(
      (await page.getByRole('link', { name: /Download als CSV/ }).getAttribute('href'))!,
    );
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('Code;Verdrag;Toezichtsorgaan;Verantwoordelijk ministerie');
    expect(text).toContain('CEDAW;');
  });

  test('a coordinator overrides a derived due date with a reason, then removes it', async ({ page }) => {
    await login(page, 'coordinator');
    await page.goto('/');
    await page.getByTestId('overview-table').getByRole('link', { name: 'CEDAW', exact: true }).click();
    const cycle = page
      .locator('[data-testid="cycle"]')
      .filter({ hasText: '7e periodieke rapportage' })
      .first();
    const derived = cycle.getByTestId('derived-deadlines');
    await expect(derived.locator('tr[data-kind="follow_up_due"]')).toContainText('februari 2028');
    await derived
      .locator('tr[data-kind="follow_up_due"]')
      .getByRole('button', { name: /Aanpassen/ })
      .click();
    const form = cycle.getByTestId('override-form');
    await form.getByLabel('Nieuwe datum').fill('2028-03-15');
    await form.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await expect(form.getByText('Geef een reden voor de aanpassing.')).toBeVisible();
    await expect(form.getByLabel(/Reden/)).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'instrument with override form');
    await form.getByLabel(/Reden/).fill('Brief van het comité van 1 maart 2026');
    await form.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await expect(page.getByTestId('live-region')).toHaveText('De termijn is aangepast.');
    const note = derived.locator('tr[data-kind="follow_up_due"]').getByTestId('override-note');
    await expect(note).toContainText('Brief van het comité van 1 maart 2026');
    await expect(derived.locator('tr[data-kind="follow_up_due"]')).toContainText('15 maart 2028');

    await derived
      .locator('tr[data-kind="follow_up_due"]')
      .getByRole('button', { name: /Aanpassen/ })
      .click();
    await cycle.getByTestId('override-form').getByRole('button', { name: 'Aanpassing verwijderen' }).click();
    await expect(page.getByTestId('live-region')).toHaveText(/afgeleide datum geldt weer/);
    await expect(derived.locator('tr[data-kind="follow_up_due"]').getByTestId('override-note')).toHaveCount(
      0,
    );
    await expect(derived.locator('tr[data-kind="follow_up_due"]')).toContainText('februari 2028');
  });

  test('a signed-in user creates, copies and revokes their calendar link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await login(page, 'coordinator');
    await page.goto('/deadlines');
    const mine = page.getByTestId('feed-my');
    await expect(mine).toContainText('Nog geen link.');
    await mine.getByRole('button', { name: /Link aanmaken/ }).click();
    const input = mine.getByTestId('feed-url-my');
    await expect(input).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const url = await input.inputValue();
    const ics = await page.request.get(url);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    const body = await ics.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain('CEDAW');
    await mine.getByRole('button', { name: /Link kopiëren/ }).click();
    // Copied, or (where the browser refuses the clipboard) a visible error: never silence.
    await expect(
      page.locator('[data-feedback]').filter({ hasText: /gekopieerd|Kopiëren lukte niet/ }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'deadlines with a calendar link');
    await mine.getByRole('button', { name: /Link intrekken/ }).click();
    await expect(page.getByTestId('live-region')).toHaveText('De agendalink is ingetrokken.');
    await expect(mine).toContainText('Nog geen link.');
    expect((await page.request.get(url)).status()).toBe(404);
  });
});
