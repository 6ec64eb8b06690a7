import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

test.describe('reporting process and network of treaty coordinators', () => {
  test('a coordinator starts the process for a cycle and sees its tasks', async ({ page }) => {
    await login(page, 'coordinator');
    await page.goto('/');
    await page.getByTestId('overview-table').getByRole('link', { name: 'CEDAW', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('CEDAW');
    const section = page.getByTestId('cycle-process').first();
    await expect(section).toContainText('Het rapportageproces is voor deze cyclus nog niet gestart.');
    await section.getByRole('button', { name: /^Proces starten/ }).click();
    await expect(page.getByTestId('live-region')).toContainText(/Proces gestart: 10 taken aangemaakt/);
    const rows = section.getByTestId('task-row');
    await expect(rows).toHaveCount(10);
    // Due dates count from the derived next report, and say so.
    await expect(section.getByText(/geen datum/)).toHaveCount(0);
    await expect(section.getByTestId('due-derived').first()).toContainText('Afgeleid van een termijnregel');
    await expect(rows.first()).toContainText('Rapportage inplannen in het netwerk van verdragscoördinatoren');
    await expect(section.getByText('Consultatie maatschappelijk middenveld')).toBeVisible();
    await expect(section.getByTestId('process-progress')).toContainText('0 van 10 taken afgerond');
    // The planning step belongs to BZK (the coordinating ministry): its coordinator may set it to done.
    const planning = section.getByRole('combobox', {
      name: 'Status van Rapportage inplannen in het netwerk van verdragscoördinatoren',
    });
    await planning.selectOption('done');
    await expect(section.getByTestId('process-progress')).toContainText('1 van 10 taken afgerond');
    // Its date and owner are edited in the browser, with a visible confirmation.
    await section
      .getByRole('button', {
        name: /^Wijzigen Rapportage inplannen in het netwerk van verdragscoördinatoren/,
      })
      .click();
    const taskForm = page.getByTestId('task-form');
    await taskForm.getByLabel('Uiterste datum').fill('2031-01-15');
    await taskForm.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.locator('p', { hasText: 'Taak opgeslagen.' }).first()).toBeVisible();
    await expect(rows.first()).toContainText('15 januari 2031');
    await expectNoSeriousA11yViolations(page, 'instrument page with the process');

    // Starting it again only offers the missing steps.
    await expect(section.getByRole('button', { name: /^Ontbrekende stappen toevoegen/ })).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Taken' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taken van mijn organisatie');
    // BZK's only task of this cycle is done: it shows once done tasks are included.
    await expect(page.getByText('Geen taken.')).toBeVisible();
    await page.getByLabel('Alleen openstaande taken').uncheck();
    await expect(page.getByTestId('tasks-table')).toContainText(
      'Rapportage inplannen in het netwerk van verdragscoördinatoren',
    );
    await expectNoSeriousA11yViolations(page, 'tasks page');
  });

  test('a coordinator adds a cycle and a phase, and confirms the lead ministry', async ({ page }) => {
    await login(page, 'coordinator');
    await page.goto('/');
    await page.getByTestId('overview-table').getByRole('link', { name: 'CEDAW', exact: true }).click();
    await page.getByRole('button', { name: /^Cyclus toevoegen/ }).click();
    const cycleForm = page.getByTestId('cycle-form');
    await cycleForm.getByLabel(/^Naam/).fill('8th periodic report');
    await cycleForm.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.locator('p', { hasText: 'Cyclus toegevoegd.' }).first()).toBeVisible();
    const cycle = page.getByRole('region', { name: /^8e periodieke rapportage/ });
    await expect(cycle).toBeVisible();
    await cycle.getByRole('button', { name: /^Fase toevoegen/ }).click();
    const phaseForm = cycle.getByTestId('phase-form');
    await phaseForm.getByLabel('Fase', { exact: true }).selectOption({ label: 'Rapportage verwacht' });
    await phaseForm.getByLabel(/^Datum/).fill('2030-06-01');
    await phaseForm.getByRole('button', { name: 'Opslaan' }).click();
    await expect(cycle.locator('p', { hasText: 'Fase toegevoegd.' }).first()).toBeVisible();
    await expect(cycle.getByRole('table', { name: /Fasen van 8e periodieke rapportage/ })).toContainText(
      '1 juni 2030',
    );

    await expect(page.getByText('niet geverifieerd').first()).toBeVisible();
    await page.getByRole('button', { name: 'Leidend ministerie bevestigen' }).click();
    await expect(page.locator('p', { hasText: 'Leidend ministerie bevestigd.' }).first()).toBeVisible();
    await expect(page.getByTestId('lead-verified-by')).toContainText('Bevestigd door Cor Coördinator');
  });

  test('the process guide lists its steps and the coordinating ministry edits them', async ({ page }) => {
    await login(page, 'coordinator');
    await page.goto('/process');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rapportageproces: handreikingen');
    const steps = page.getByTestId('step-row');
    await expect(steps).toHaveCount(10);
    await expect(steps.nth(1)).toContainText('Bijdragen opvragen bij de betrokken ministeries');
    await expect(steps.nth(1)).toContainText('6 maanden vóór');
    await expect(steps.nth(1)).toContainText('niet geverifieerd');
    await expectNoSeriousA11yViolations(page, 'process guide');
    await page
      .getByRole('button', { name: 'Omlaag Bijdragen opvragen bij de betrokken ministeries' })
      .click();
    await expect(page.getByTestId('live-region')).toContainText('Volgorde opgeslagen.');
    await expect(steps.nth(2)).toContainText('Bijdragen opvragen bij de betrokken ministeries');
    await page.getByRole('button', { name: 'Stap toevoegen' }).click();
    await page.getByLabel('Titel (Nederlands)').fill('Evaluatie in het netwerk');
    await page.getByLabel('Titel (Engels)').fill('Evaluation in the network');
    await page.getByLabel('Aantal (negatief = ervóór)').fill('3');
    await expectNoSeriousA11yViolations(page, 'process guide step form');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByTestId('live-region')).toContainText('Stap toegevoegd.');
    await expect(steps).toHaveCount(11);
    await expect(steps.nth(10)).toContainText('3 maanden na');
  });

  test('a network meeting gets a proposed agenda, and a decision becomes a task', async ({ page }) => {
    await login(page, 'coordinator');
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Netwerkoverleg' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerk van verdragscoördinatoren');
    await expectNoSeriousA11yViolations(page, 'meetings list');
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Datum').fill(date);
    await page.getByLabel('Locatie').fill('Den Haag');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overleg netwerk verdragscoördinatoren');

    // Participants: the Caribbean countries and a person by name.
    await page.getByRole('button', { name: 'Gegevens en deelnemers bewerken' }).click();
    for (const code of ['BZK', 'AW', 'CW', 'SX']) await page.getByLabel(new RegExp(`\\(${code}\\)$`)).check();
    await page.getByLabel('Deelnemers op naam').fill('J. Jansen');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect(page.getByTestId('live-region')).toContainText('Gegevens opgeslagen.');
    await expect(page.getByTestId('participants')).toContainText('Aruba (AW)');
    await expect(page.getByTestId('participants')).toContainText('J. Jansen');

    // Agenda: generate a proposal, edit it, save it.
    await page.getByRole('button', { name: 'Agendavoorstel maken' }).click();
    await expect(page.getByTestId('live-region')).toContainText(/Agendavoorstel gemaakt met \d+ punten/);
    const first = page.getByLabel(/^Agendapunt 1 \(/);
    await expect(first).toHaveValue('Opening en vaststelling van de agenda');
    await expect(page.getByLabel('Toelichting bij punt 1')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'meeting with agenda proposal');
    await page.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    const count = await page.getByTestId('agenda-draft').locator('> li').count();
    await page.getByLabel(new RegExp(`^Agendapunt ${count} \\(`)).fill('Jaarlijkse kabinetsbrief');
    await page.getByRole('button', { name: 'Agenda opslaan' }).click();
    await expect(page.getByTestId('live-region')).toContainText('Agenda opgeslagen.');
    const agenda = page.getByTestId('agenda');
    await expect(agenda.locator('> li')).toHaveCount(count);
    await expect(agenda.locator('> li').first()).toContainText('Opening en vaststelling van de agenda');
    await expect(agenda.locator('> li').last()).toContainText('Jaarlijkse kabinetsbrief');

    // Minutes.
    await page.getByLabel('Verslag van het overleg').fill('Planning 2027 besproken.');
    await page.getByRole('button', { name: 'Verslag opslaan' }).click();
    await expect(page.getByTestId('live-region')).toContainText('Verslag opgeslagen.');

    // A decision becomes a task with owner and due date.
    const due = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(/^Besluit \(/).fill('Consultatieronde CRPD voorbereiden');
    await page
      .getByLabel(/^Uitvoerder/)
      .selectOption({ label: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)' });
    await page.getByLabel(/^Uiterlijk/).fill(due);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(page.getByTestId('live-region')).toContainText('Besluit vastgelegd als taak.');
    const decisions = page.getByRole('table', { name: 'Besluiten' });
    await expect(decisions.getByTestId('task-row')).toHaveCount(1);
    await expect(decisions).toContainText('Consultatieronde CRPD voorbereiden');
    await expect(decisions).toContainText('(BZK)');
    await expectNoSeriousA11yViolations(page, 'meeting page');

    // The task appears among the organisation's tasks, linked to the meeting.
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Taken' })
      .click();
    const row = page.getByTestId('task-row').filter({ hasText: 'Consultatieronde CRPD voorbereiden' });
    await expect(row).toContainText('Overleg: Overleg netwerk verdragscoördinatoren');
  });
});
