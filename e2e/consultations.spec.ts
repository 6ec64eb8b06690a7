import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

/** 'YYYY-MM-DDTHH:mm' in Amsterdam time, `days` from now (for the datetime-local inputs). */
function amsterdamLocal(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
  return `${ymd}T${time}`;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254, 0x90)]);

let consultationUrl = '';
let reference = '';

async function createConsultation(page: Page) {
  await login(page, 'coordinator');
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: 'Consultaties' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultaties');
  await page.getByRole('button', { name: 'Nieuwe consultatieronde' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe consultatieronde' });
  const cedaw = form
    .getByRole('combobox', { name: 'Verdrag (verplicht)' })
    .locator('option', { hasText: /^CEDAW — / });
  await expect(cedaw).toHaveCount(1);
  await form
    .getByRole('combobox', { name: 'Verdrag (verplicht)' })
    .selectOption((await cedaw.getAttribute('value'))!);
  await expect(form.getByLabel('Rapportagecyclus').locator('option')).not.toHaveCount(1);
  await form.getByLabel('Rapportagecyclus').selectOption({ index: 1 });
  await form.getByLabel('Titel (Nederlands)').fill('Consultatie CEDAW-rapportage');
  await form.getByLabel('Titel (Engels)').fill('Consultation on the CEDAW report');
  await form.getByLabel('Toelichting (Nederlands)').fill('Welke onderwerpen moeten in de rapportage?');
  await form.getByLabel('Toelichting (Engels)').fill('Which topics should the report cover?');
  // A closing date before the opening date is refused in the form.
  await form.getByLabel('Opent op (datum en tijd)').fill(amsterdamLocal(1, '09:00'));
  await form.getByLabel('Sluit op (datum en tijd)').fill(amsterdamLocal(-1, '17:00'));
  await form.getByRole('button', { name: 'Consultatieronde aanmaken' }).click();
  await expect(form.getByText('De sluitingsdatum moet na de openingsdatum liggen.')).toBeVisible();
  await form.getByLabel('Opent op (datum en tijd)').fill(amsterdamLocal(-1, '09:00'));
  await form.getByLabel('Sluit op (datum en tijd)').fill(amsterdamLocal(14, '17:00'));
  await form.getByRole('button', { name: 'Consultatieronde aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultatie CEDAW-rapportage');
  await expect(page.getByText('open', { exact: true })).toBeVisible();
  consultationUrl = new URL(page.url()).pathname;
}

test.describe.serial('consultation with civil society', () => {
  test('a coordinator opens a consultation round; the list page passes axe', async ({ page }) => {
    await createConsultation(page);
    await page.goto('/consultations');
    await expect(page.getByTestId('consultations-table')).toContainText('Consultatie CEDAW-rapportage');
    await expectNoSeriousA11yViolations(page, 'consultations list');
  });

  test('an organisation submits input with an attachment, without an account', async ({ page }) => {
    await page.goto(consultationUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultatie CEDAW-rapportage');
    await expect(page.getByTestId('current-user')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'public consultation page (nl)');

    const form = page.getByRole('form', { name: 'Uw inbreng sturen' });
    // Missing fields are named at the fields.
    await form.getByRole('button', { name: 'Inbreng versturen' }).click();
    await expect(form.getByText('Kies of uw inbreng mag worden gepubliceerd.')).toBeVisible();

    await form.getByLabel('Naam van uw organisatie').fill('Stichting Gelijke Kansen');
    await form.getByLabel('Naam contactpersoon').fill('Fatima El Amrani');
    await form.getByLabel('E-mailadres contactpersoon').fill('fatima@example.org');
    await form.getByLabel('Uw inbreng').fill('Besteed aandacht aan de loonkloof tussen vrouwen en mannen.');
    await form.getByLabel('Ja, mijn inbreng mag worden gepubliceerd').check();

    // A disguised executable is refused, with the reason, and nothing is saved.
    await form
      .getByLabel('Bijlagen')
      .setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: EXE });
    await form.getByRole('button', { name: 'Inbreng versturen' }).click();
    await expect(page.getByText(/Het bestand "rapport\.pdf" is geweigerd/)).toBeVisible();

    await form
      .getByLabel('Bijlagen')
      .setInputFiles({ name: 'onderbouwing.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('button', { name: 'Inbreng versturen' }).click();
    await expect(page.getByTestId('submission-receipt')).toContainText('Dank u wel. Uw inbreng is ontvangen');
    await expect(page.getByTestId('submission-receipt')).toContainText('onderbouwing.pdf');
    // The receipt gives a reference number to keep.
    const receipt = await page.getByTestId('submission-receipt').textContent();
    reference =
      /Uw referentienummer is (RD-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/.exec(receipt ?? '')?.[1] ?? '';
    expect(reference).not.toBe('');
    await expect(page.getByTestId('live-region')).toContainText('Dank u wel');
    // Not published before the coordinator has reviewed it.
    await expect(page.getByText('Er is nog geen inbreng gepubliceerd.')).toBeVisible();

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consultation on the CEDAW report');
    await expect(page.getByRole('heading', { level: 2, name: 'Send your input' })).toBeVisible();
    await expect(page.getByText('Which topics should the report cover?')).toBeVisible();
    // The language button keeps its hover style while the mouse rests on it (a header issue, not this page's).
    await page.mouse.move(0, 600);
    await expectNoSeriousA11yViolations(page, 'public consultation page (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  test('the coordinator accepts it, publishes it and records how it was used', async ({ page }) => {
    await login(page, 'coordinator');
    await page.goto(consultationUrl);
    await page.getByRole('link', { name: /Inzendingen beoordelen/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Inzendingen beoordelen');
    const review = page.getByRole('article', { name: 'Stichting Gelijke Kansen' });
    await expect(review).toContainText('fatima@example.org');
    await expect(review.getByTestId('submission-reference')).toHaveText(reference);
    // Erasing on request is for administrators: a coordinator is not offered it.
    await expect(review.getByRole('button', { name: /Inzending wissen/ })).toHaveCount(0);
    await expect(review.getByRole('link', { name: 'onderbouwing.pdf' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'moderation page');

    // The round itself can be edited.
    await page.getByRole('button', { name: 'Consultatieronde wijzigen' }).click();
    const edit = page.getByRole('form', { name: 'Consultatieronde wijzigen' });
    await edit.getByLabel('Titel (Nederlands)').fill('Consultatie CEDAW-rapportage 2027');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByTestId('live-region')).toContainText(
      'Consultatieronde Consultatie CEDAW-rapportage 2027 is opgeslagen.',
    );
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Consultatie CEDAW-rapportage 2027');

    await review.getByLabel('Beoordeling', { exact: true }).selectOption('accepted');
    await review.getByLabel('Publiceren op de openbare pagina').check();
    await review.getByLabel('Wat is met deze inbreng gedaan').fill('Opgenomen in paragraaf 11 over arbeid.');
    await review.getByRole('button', { name: /Beoordeling opslaan/ }).click();
    await expect(page.getByTestId('live-region')).toContainText(
      'Beoordeling van Stichting Gelijke Kansen is opgeslagen.',
    );

    const summary = page.getByRole('region', { name: 'Samenvatting: wat is er met de inbreng gedaan' });
    await summary
      .getByRole('textbox', { name: 'Wat is er met de inbreng gedaan' })
      .fill('De inbreng is verwerkt in de rapportage.');
    await summary.getByRole('button', { name: 'Samenvatting opslaan' }).click();
    await expect(page.getByTestId('live-region')).toContainText('De samenvatting is opgeslagen.');

    // The public sees the published input, without contact details.
    const anonymous = await page.context().browser()!.newPage();
    await anonymous.goto(`${new URL(page.url()).origin}${consultationUrl}`);
    const published = anonymous.getByTestId('published');
    await expect(published).toContainText('Stichting Gelijke Kansen');
    await expect(published).toContainText('Opgenomen in paragraaf 11 over arbeid.');
    await expect(published.getByRole('link', { name: 'onderbouwing.pdf' })).toBeVisible();
    await expect(anonymous.getByText('De inbreng is verwerkt in de rapportage.')).toBeVisible();
    await expect(anonymous.getByText('fatima@example.org')).toHaveCount(0);
    await anonymous.close();
  });

  test('an administrator erases the submission on request, after a confirmation', async ({ page }) => {
    await login(page, 'admin');
    await page.goto(`${consultationUrl}/moderation`);
    const review = page.getByRole('article', { name: 'Stichting Gelijke Kansen' });
    await review.getByRole('button', { name: /Inzending wissen/ }).click();
    const confirm = review.getByTestId('erase-confirm');
    await expect(confirm).toContainText(`Wilt u de inzending van Stichting Gelijke Kansen (${reference})`);
    await expectNoSeriousA11yViolations(page, 'erase confirmation');
    await confirm.getByRole('button', { name: 'Definitief wissen' }).click();
    await expect(page.getByText(`De inzending ${reference} is gewist.`).first()).toBeVisible();
    await expect(page.getByRole('article', { name: 'Stichting Gelijke Kansen' })).toHaveCount(0);
    await page.goto(consultationUrl);
    await expect(page.getByText('fatima@example.org')).toHaveCount(0);
    await expect(page.getByText('Er is nog geen inbreng gepubliceerd.')).toBeVisible();
  });
});

test.describe('reminders', () => {
  test('the admin runs the scan and reads the outbox; the coordinator reads the notifications', async ({
    page,
  }) => {
    await login(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Uitgaande e-mail' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uitgaande e-mail');
    await page.getByRole('button', { name: 'Herinneringen nu controleren' }).click();
    await expect(page.getByTestId('scan-result')).toContainText('Controle klaar');
    const table = page.getByTestId('outbox-table');
    await expect(table).toContainText('coordinator@example.org');
    await expect(table).toContainText('niet verstuurd (geen SMTP)');
    await expectNoSeriousA11yViolations(page, 'outbox page');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await login(page, 'coordinator');
    const bell = page.getByTestId('notification-bell');
    await expect(bell).toContainText(/ongelezen/);
    await bell.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meldingen');
    const notifications = page.getByTestId('notifications-table');
    await expect(notifications.getByText('verlopen', { exact: true }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'notifications page');
    await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await expect(page.getByTestId('live-region')).toContainText(
      'Alle meldingen zijn als gelezen gemarkeerd.',
    );
    await expect(bell).toHaveText(/Meldingen$/);
  });
});
