import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/**
 * The results framework of the annual human rights report in the browser, as BZK's coordinator:
 * 2025 opens with its four result areas and five priorities; a goal with an indicator is added to a
 * priority and the indicator edited, each with visible feedback; the framework is copied to 2026,
 * which opens with the goal and without the value reached. The tests build on each other.
 */
test.describe.configure({ mode: 'serial' });

const GOAL = 'Mensenrechtenverdedigers zijn beter beschermd';
const INDICATOR = 'Aantal ondersteunde mensenrechtenverdedigers';

test('the framework of 2025 opens with its areas and priorities, without accessibility violations', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await page.goto('/resultatenkader?year=2025');
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatenkader 2025' })).toBeVisible();
  for (const code of [1, 2, 3, 4]) await expect(page.getByTestId(`framework-area-${code}`)).toBeVisible();
  await expect(page.getByTestId('framework-area-1')).toContainText(
    'Resultaatgebied 1: Mensenrechtenprioriteiten',
  );
  await expect(page.getByTestId('framework-priority-lgbtiq')).toContainText(
    'Gelijke rechten voor lhbtqi+ personen',
  );
  await expect(page.getByTestId('framework-priority-lgbtiq').getByText('niet geverifieerd')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the results framework');
});

test('a goal with an indicator is added to a priority and the indicator edited', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/resultatenkader?year=2025');
  const prio = page.getByTestId('framework-priority-defenders_civic_space');
  await prio.getByRole('button', { name: /^Doel toevoegen/ }).click();
  const goalForm = prio.getByTestId('framework-goal-form');
  await goalForm.getByLabel('Tekst van het doel').fill(GOAL);
  await goalForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(prio.getByText('Het doel is toegevoegd.')).toBeVisible();
  const goal = prio.getByTestId('framework-goal').filter({ hasText: GOAL });
  await expect(goal).toBeVisible();

  await goal.getByRole('button', { name: /^Indicator toevoegen/ }).click();
  const indForm = goal.getByTestId('framework-indicator-form');
  await indForm.getByLabel('Omschrijving van de indicator').fill(INDICATOR);
  await indForm.getByLabel('Eenheid').fill('personen');
  await indForm.getByLabel('Nulmeting').fill('100');
  await indForm.getByLabel('Streefwaarde').fill('250');
  await indForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(goal.getByText('De indicator is toegevoegd.')).toBeVisible();
  const indicator = goal.getByTestId('framework-indicator').filter({ hasText: INDICATOR });
  await expect(indicator).toContainText('Streefwaarde: 250');
  await expectNoSeriousA11yViolations(page, 'the framework with a goal and an indicator');

  await indicator.getByRole('button', { name: /^Indicator bewerken/ }).click();
  const editForm = goal.getByTestId('framework-indicator-form');
  await editForm.getByLabel('Behaald').fill('180');
  await editForm.getByRole('button', { name: 'Opslaan' }).click();
  await expect(goal.getByText('De indicator is opgeslagen.')).toBeVisible();
  await expect(goal.getByTestId('framework-indicator-reached')).toHaveText('180');
  await page.reload();
  await expect(
    page.getByTestId('framework-priority-defenders_civic_space').getByTestId('framework-indicator-reached'),
  ).toHaveText('180');
});

test('the framework of 2025 is copied to 2026, without the values reached', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/resultatenkader?year=2025');
  const copy = page.getByTestId('framework-copy');
  await copy.getByRole('button', { name: 'Kopiëren naar 2026' }).click();
  await copy.getByRole('button', { name: 'Ja, kopiëren' }).click();
  await expect(copy).toContainText(
    'Het resultatenkader van 2025 is gekopieerd naar 2026; doelen gekopieerd: 1.',
  );
  await copy.getByRole('link', { name: 'Resultatenkader 2026 openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultatenkader 2026' })).toBeVisible();
  const prio = page.getByTestId('framework-priority-defenders_civic_space');
  await expect(prio.getByTestId('framework-goal')).toContainText(GOAL);
  await expect(prio.getByTestId('framework-indicator')).toContainText('Streefwaarde: 250');
  await expect(prio.getByTestId('framework-indicator-reached')).toHaveText('—');
  await expectNoSeriousA11yViolations(page, 'the copied framework of 2026');
});
