import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers.ts';

/**
 * Every save shows a visible confirmation (and a failure a visible error), on every page with a form:
 * the message is on the page for the eye, not only in the screen readers' live region. Each test
 * performs representative saves on one page and fails when one of them is confirmed only to screen
 * readers, or not at all.
 */

/**
 * The confirmation of a save: a success message on the page, of a size that can be read (not a
 * visually hidden box), and the same text in the polite live region for screen readers.
 */
async function expectConfirmed(page: Page, text: string | RegExp, options: { focused?: boolean } = {}) {
  const notice = page.locator('[data-feedback="success"]').filter({ hasText: text }).last();
  await expect(notice).toBeVisible();
  // A form that closes after its save hands its message to the page: measured once it has settled.
  await expect(async () => {
    const box = await notice.boundingBox({ timeout: 1000 });
    expect(box?.width ?? 0, `"${String(text)}" is too narrow to be seen`).toBeGreaterThan(100);
    expect(box?.height ?? 0, `"${String(text)}" is too low to be seen`).toBeGreaterThan(20);
  }).toPass({ timeout: 10_000 });
  await expect(page.getByTestId('live-region')).toContainText(text);
  if (options.focused) await expect(notice).toBeFocused();
}

/** A failed save: the error on the page, with the focus on it. */
async function expectFailed(page: Page, text: string | RegExp) {
  const error = page.locator('[data-feedback="error"]').filter({ hasText: text }).first();
  await expect(error).toBeVisible();
  await expect(error).toBeFocused();
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name }).click();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** 'YYYY-MM-DDTHH:mm' in Amsterdam time, `days` from now (for the datetime-local inputs). */
function amsterdamLocal(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d)}T${time}`;
}

async function openInstrument(page: Page, code: string) {
  await page.goto('/');
  await page.getByTestId('overview-table').getByRole('link', { name: code, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
}

test('the login page and the logout button confirm what they did', async ({ page }) => {
  await login(page, 'coordinator');
  await expectConfirmed(page, 'U bent ingelogd.');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await expectConfirmed(page, 'U bent uitgelogd.');
  // The button pressed is gone: the keyboard goes on from the page's heading.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the organisations page confirms a new and an edited organisation, and shows a refusal', async ({
  page,
}) => {
  await login(page, 'admin');
  await nav(page, 'Organisaties');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisaties');
  await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe organisatie' });
  await form.getByLabel('Code').fill('MELDING-ORG');
  await form.getByLabel('Naam (Nederlands)').fill('Stichting Zichtbare Melding');
  await form.getByLabel('Naam (Engels)').fill('Visible Notice Foundation');
  await form.getByLabel('Soort').selectOption('cso');
  await form.getByRole('button', { name: 'Organisatie aanmaken' }).click();
  await expectConfirmed(page, 'Organisatie MELDING-ORG is aangemaakt.', { focused: true });

  await page.getByLabel('Zoeken op naam of code').fill('MELDING-ORG');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await page.getByRole('button', { name: /^Bewerken Stichting Zichtbare Melding/ }).click();
  const edit = page.getByRole('form', { name: 'Organisatie MELDING-ORG bewerken' });
  await edit.getByLabel('Naam (Nederlands)').fill('Stichting Zichtbare Meldingen');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expectConfirmed(page, 'Organisatie MELDING-ORG is opgeslagen.', { focused: true });

  // The same code again is refused: the reason is on the page, where the focus is.
  await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
  const again = page.getByRole('form', { name: 'Nieuwe organisatie' });
  await again.getByLabel('Code').fill('MELDING-ORG');
  await again.getByLabel('Naam (Nederlands)').fill('Nog een stichting');
  await again.getByLabel('Naam (Engels)').fill('Another foundation');
  await again.getByRole('button', { name: 'Organisatie aanmaken' }).click();
  await expectFailed(page, 'Deze waarde is al in gebruik.');
});

test('the users page and the password page confirm their saves', async ({ page }) => {
  const email = 'melding@example.org';
  const oneTime = 'eenmalig wachtwoord voor melding';
  await login(page, 'admin');
  await nav(page, 'Gebruikers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Naam').fill('Mila Melding');
  await form.getByLabel('Rol').selectOption('observer');
  await form.getByLabel(/^Initieel wachtwoord/).fill(oneTime);
  await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expectConfirmed(page, `Gebruiker ${email} is aangemaakt.`, { focused: true });

  await page.getByRole('button', { name: /^Bewerken Mila Melding/ }).click();
  const edit = page.getByRole('form', { name: 'Mila Melding wijzigen' });
  await edit.getByLabel('Rol').selectOption('contributor');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expectConfirmed(page, `Gebruiker ${email} is opgeslagen.`, { focused: true });
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expectConfirmed(page, 'U bent uitgelogd.');

  // The new user logs in with the one-time password and must choose one of their own.
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(oneTime);
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/password$/);
  await expectConfirmed(page, 'U bent ingelogd.');
  await page.getByLabel('Huidig wachtwoord').fill(oneTime);
  await page.getByRole('textbox', { name: /^Nieuw wachtwoord/ }).fill('acht groene ballonnen boven Zwolle');
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('acht groene ballonnen boven Zwolle');
  await page.getByRole('main').getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page).not.toHaveURL(/\/password$/);
  await expectConfirmed(page, 'Uw wachtwoord is gewijzigd.');
});

test('the instrument page confirms the lead ministry, a cycle, a phase, an override and the process', async ({
  page,
}) => {
  await login(page, 'admin');
  await openInstrument(page, 'CAT');

  await page.getByRole('button', { name: 'Leidend ministerie bevestigen' }).click();
  await expectConfirmed(page, 'Leidend ministerie bevestigd.', { focused: true });

  await page.getByRole('button', { name: /^Cyclus toevoegen/ }).click();
  const cycleForm = page.getByTestId('cycle-form');
  await cycleForm.getByLabel(/^Naam/).fill('8th periodic report');
  await cycleForm.getByRole('button', { name: 'Opslaan' }).click();
  await expectConfirmed(page, 'Cyclus toegevoegd.', { focused: true });

  const cycle = page.getByRole('region', { name: /^8e periodieke rapportage/ });
  await cycle.getByRole('button', { name: /^Fase toevoegen/ }).click();
  const phaseForm = cycle.getByTestId('phase-form');
  await phaseForm.getByLabel('Fase', { exact: true }).selectOption({ label: 'Rapportage verwacht' });
  await phaseForm.getByLabel(/^Datum/).fill('2031-06-01');
  await phaseForm.getByRole('button', { name: 'Opslaan' }).click();
  await expectConfirmed(page, 'Fase toegevoegd.', { focused: true });

  const seventh = page
    .locator('[data-testid="cycle"]')
    .filter({ hasText: '7e periodieke rapportage' })
    .first();
  const derived = seventh.getByTestId('derived-deadlines');
  await derived
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /Aanpassen/ })
    .click();
  const override = seventh.getByTestId('override-form');
  await override.getByLabel('Nieuwe datum').fill('2029-03-15');
  await override.getByLabel(/Reden/).fill('Brief van het comité van 2 februari 2027');
  await override.getByRole('button', { name: 'Aanpassing opslaan' }).click();
  await expectConfirmed(page, 'De termijn is aangepast.', { focused: true });
  await derived
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /Aanpassen/ })
    .click();
  await seventh.getByTestId('override-form').getByRole('button', { name: 'Aanpassing verwijderen' }).click();
  await expectConfirmed(page, /afgeleide datum geldt weer/, { focused: true });

  // The process of the new cycle: started, a task's status and its date changed.
  const process = cycle.getByTestId('cycle-process');
  await process.getByRole('button', { name: /^Proces starten/ }).click();
  await expectConfirmed(page, /Proces gestart: \d+ taken aangemaakt/);
  const first = process.getByTestId('task-row').first();
  await first.getByRole('combobox', { name: /^Status van / }).selectOption('in_progress');
  await expectConfirmed(page, /^Status van ".+" gewijzigd in /);
  await first.getByRole('button', { name: /^Wijzigen / }).click();
  await page.getByTestId('task-form').getByLabel('Uiterste datum').fill('2031-01-15');
  await page.getByTestId('task-form').getByRole('button', { name: 'Opslaan' }).click();
  await expectConfirmed(page, 'Taak opgeslagen.', { focused: true });
});

test('the process guide page confirms a step added, moved and removed', async ({ page }) => {
  await login(page, 'coordinator');
  await page.goto('/process');
  const steps = page.getByTestId('step-row');
  await expect(steps.first()).toBeVisible();
  const before = await steps.count();
  await page.getByRole('button', { name: 'Stap toevoegen' }).click();
  await page.getByLabel('Titel (Nederlands)').fill('Terugblik met de ministeries');
  await page.getByLabel('Titel (Engels)').fill('Review with the ministries');
  await page.getByLabel('Aantal (negatief = ervóór)').fill('2');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expectConfirmed(page, 'Stap toegevoegd.', { focused: true });
  await expect(steps).toHaveCount(before + 1);

  await page.getByRole('button', { name: 'Omhoog Terugblik met de ministeries' }).click();
  await expectConfirmed(page, 'Volgorde opgeslagen.');
  await page.getByRole('button', { name: 'Verwijderen Terugblik met de ministeries' }).click();
  // The removed step's buttons are gone: the message takes the focus.
  await expectConfirmed(page, 'Stap verwijderd.', { focused: true });
  await expect(steps).toHaveCount(before);
});

test('the meeting pages confirm the meeting, its details, agenda, minutes and decisions', async ({
  page,
}) => {
  await login(page, 'coordinator');
  await nav(page, 'Netwerkoverleg');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Netwerk van verdragscoördinatoren');
  await page.getByLabel('Datum').fill(inDays(45));
  await page.getByLabel('Locatie').fill('Utrecht');
  await page.getByRole('button', { name: 'Overleg plannen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overleg netwerk verdragscoördinatoren');
  await expectConfirmed(page, 'Overleg gepland.');

  await page.getByRole('button', { name: 'Gegevens en deelnemers bewerken' }).click();
  await page.getByLabel('Deelnemers op naam').fill('M. de Vries');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expectConfirmed(page, 'Gegevens opgeslagen.', { focused: true });

  await page.getByRole('button', { name: 'Agendavoorstel maken' }).click();
  await expect(page.getByTestId('agenda-draft')).toBeVisible();
  await page.getByRole('button', { name: 'Agenda opslaan' }).click();
  await expectConfirmed(page, 'Agenda opgeslagen.', { focused: true });

  await page.getByLabel('Verslag van het overleg').fill('Rapportages 2028 verdeeld.');
  await page.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expectConfirmed(page, 'Verslag opgeslagen.');

  await page.getByLabel(/^Besluit \(/).fill('Planning rapportages 2028 rondsturen');
  await page
    .getByLabel(/^Uitvoerder/)
    .selectOption({ label: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties (BZK)' });
  await page.getByLabel(/^Uiterlijk/).fill(inDays(90));
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expectConfirmed(page, 'Besluit vastgelegd als taak.');

  // On the tasks page, a task set to done leaves the list of open tasks; its message stays.
  await nav(page, 'Taken');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taken van mijn organisatie');
  const row = page.getByTestId('task-row').filter({ hasText: 'Planning rapportages 2028 rondsturen' });
  await row.getByRole('combobox', { name: /^Status van / }).selectOption('done');
  await expectConfirmed(page, 'Status van "Planning rapportages 2028 rondsturen" gewijzigd in afgerond.');
  await expect(row).toHaveCount(0);
});

test('the consultation pages confirm the round, the input sent, its review and the summary', async ({
  page,
  browser,
}) => {
  await login(page, 'coordinator');
  await nav(page, 'Consultaties');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultaties');
  await page.getByRole('button', { name: 'Nieuwe consultatieronde' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe consultatieronde' });
  const instrument = form.getByRole('combobox', { name: 'Verdrag (verplicht)' });
  const crpd = instrument.locator('option', { hasText: /^CRPD — / });
  await instrument.selectOption((await crpd.getAttribute('value'))!);
  await expect(form.getByLabel('Rapportagecyclus').locator('option')).not.toHaveCount(1);
  await form.getByLabel('Rapportagecyclus').selectOption({ index: 1 });
  await form.getByLabel('Titel (Nederlands)').fill('Consultatie VN-verdrag handicap');
  await form.getByLabel('Titel (Engels)').fill('Consultation on the disability convention');
  await form.getByLabel('Opent op (datum en tijd)').fill(amsterdamLocal(-1, '09:00'));
  await form.getByLabel('Sluit op (datum en tijd)').fill(amsterdamLocal(20, '17:00'));
  await form.getByRole('button', { name: 'Consultatieronde aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultatie VN-verdrag handicap');
  await expectConfirmed(page, 'Consultatieronde Consultatie VN-verdrag handicap is aangemaakt.');
  const url = new URL(page.url()).pathname;

  // An organisation sends its input without an account, and gets a receipt.
  const visitor = await browser.newPage();
  await visitor.goto(`${new URL(page.url()).origin}${url}`);
  const submission = visitor.getByRole('form', { name: 'Uw inbreng sturen' });
  await submission.getByLabel('Naam van uw organisatie').fill('Vereniging Toegankelijk Nederland');
  await submission.getByLabel('Naam contactpersoon').fill('Daan Bakker');
  await submission.getByLabel('E-mailadres contactpersoon').fill('daan@example.org');
  await submission.getByLabel('Uw inbreng').fill('Maak stembureaus toegankelijk.');
  await submission.getByLabel('Ja, mijn inbreng mag worden gepubliceerd').check();
  await submission.getByRole('button', { name: 'Inbreng versturen' }).click();
  await expectConfirmed(visitor, /Dank u wel\. Uw inbreng is ontvangen/);
  await visitor.close();

  await page.goto(`${url}/moderation`);
  await page.getByRole('button', { name: 'Consultatieronde wijzigen' }).click();
  const edit = page.getByRole('form', { name: 'Consultatieronde wijzigen' });
  await edit.getByLabel('Titel (Nederlands)').fill('Consultatie VN-verdrag handicap 2027');
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expectConfirmed(page, 'Consultatieronde Consultatie VN-verdrag handicap 2027 is opgeslagen.', {
    focused: true,
  });

  const review = page.getByRole('article', { name: 'Vereniging Toegankelijk Nederland' });
  await review.getByLabel('Beoordeling', { exact: true }).selectOption('accepted');
  await review.getByRole('button', { name: /Beoordeling opslaan/ }).click();
  await expectConfirmed(page, 'Beoordeling van Vereniging Toegankelijk Nederland is opgeslagen.');

  const summary = page.getByRole('region', { name: 'Samenvatting: wat is er met de inbreng gedaan' });
  await summary
    .getByRole('textbox', { name: 'Wat is er met de inbreng gedaan' })
    .fill('De inbreng is besproken met de ministeries.');
  await summary.getByRole('button', { name: 'Samenvatting opslaan' }).click();
  await expectConfirmed(page, 'De samenvatting is opgeslagen.');
});

test('the outbox and notifications pages confirm the scan and the notifications read', async ({ page }) => {
  await login(page, 'admin');
  await nav(page, 'Uitgaande e-mail');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitgaande e-mail');
  await page.getByRole('button', { name: 'Herinneringen nu controleren' }).click();
  await expectConfirmed(page, /Controle klaar/);
  await page.goto('/notifications');
  await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
  await expectConfirmed(page, 'Alle meldingen zijn als gelezen gemarkeerd.', { focused: true });
});

test('the deadlines page confirms a calendar link made, copied and revoked', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, 'admin');
  await page.goto('/deadlines');
  const mine = page.getByTestId('feed-my');
  await mine.getByRole('button', { name: /Link aanmaken/ }).click();
  await expectConfirmed(page, 'Er is een nieuwe agendalink gemaakt.', { focused: true });
  await mine.getByRole('button', { name: /Link kopiëren/ }).click();
  await expectConfirmed(page, 'De link is gekopieerd.');
  await mine.getByRole('button', { name: /Link intrekken/ }).click();
  // The revoke button is gone once the link is revoked: the message takes the focus.
  await expectConfirmed(page, 'De agendalink is ingetrokken.', { focused: true });
});

test('the recommendations page confirms a saved search and its deletion', async ({ page }) => {
  await login(page, 'observer');
  await page.goto('/recommendations?q=melding');
  await page.getByLabel('Naam van deze zoekopdracht').fill('Meldingen zoeken');
  await page.getByRole('button', { name: 'Zoekopdracht bewaren' }).click();
  await expectConfirmed(page, 'Zoekopdracht “Meldingen zoeken” bewaard.');
  await page.getByRole('button', { name: 'Verwijderen Meldingen zoeken' }).click();
  await expectConfirmed(page, 'Zoekopdracht “Meldingen zoeken” verwijderd.', { focused: true });
});

test('the import page confirms an import', async ({ page }) => {
  const csv = [
    'id,state_under_review,sur_regional_group,sur_organisations,text,recommending_state,rs_regional_group,rs_organisations,response,action_category,issues,session',
    '97001,Netherlands,WEOG,EU,"Improve the accessibility of polling stations for persons with disabilities.",Spain,WEOG,EU,Accepted,4,Migrants,14',
  ].join('\n');
  await login(page, 'coordinator');
  await page.goto('/imports');
  await page.getByLabel('Soort bestand').selectOption('upr-info');
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({
    name: 'melding.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await page.getByTestId('import-preview').getByRole('button', { name: 'Importeren', exact: true }).click();
  await expectConfirmed(page, /Import klaar: 1 nieuw/);
});
