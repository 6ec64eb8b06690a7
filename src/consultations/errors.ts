/**
 * The errors of consultation rounds, the public submission form and moderation, in English (the
 * API's `detail`) and formal Dutch (shown by the browser app from `code` and `params`).
 */
import { defineErrors } from '../core/errors.ts';

export const consultationErrors = defineErrors('consultation', {
  cycle_missing: {
    status: 400,
    en: (p: { cycleId: string }) =>
      `No reporting cycle with id "${p.cycleId}" exists. Pick a cycle from the list.`,
    nl: (p: { cycleId: string }) =>
      `Er bestaat geen rapportageronde met id "${p.cycleId}". Kies een ronde uit de lijst.`,
  },
  closes_before_opens: {
    status: 400,
    en: (p: { opensAt: string; closesAt: string }) =>
      `The closing date (${p.closesAt}) must come after the opening date (${p.opensAt}). Correct one of the two.`,
    nl: (p: { opensAt: string; closesAt: string }) =>
      `De sluitingsdatum (${p.closesAt}) moet na de openingsdatum (${p.opensAt}) liggen. Pas een van beide aan.`,
  },
  erase_forbidden: {
    status: 403,
    en: () => 'Only an administrator may erase a submission.',
    nl: () => 'Alleen een beheerder mag een inzending wissen.',
  },
  moderate_forbidden: {
    status: 403,
    en: (p: { instrument: string }) =>
      `Only an administrator or a coordinator of the lead or coordinating organisation of ${p.instrument} ` +
      'may read and moderate the submissions of this consultation.',
    nl: (p: { instrument: string }) =>
      `Alleen een beheerder of een coördinator van het leidende of coördinerende ministerie van ${p.instrument} ` +
      'mag de inzendingen van deze consultatie inzien en beoordelen.',
  },
  attachment_unpublished: {
    status: 401,
    en: () => 'Log in first: this attachment is not published.',
    nl: () => 'Deze bijlage is niet openbaar. Log in om haar te bekijken.',
  },
  publish_without_consent: {
    status: 400,
    en: () => 'This submission may not be published: its author did not consent to publication.',
    nl: () =>
      'Deze inzending mag niet worden gepubliceerd: de inzender heeft daar geen toestemming voor gegeven.',
  },
  publish_unaccepted: {
    status: 400,
    en: () => 'Accept the submission before you publish it.',
    nl: () => 'Aanvaard de inzending voordat u haar publiceert.',
  },
  rejection_reason_missing: {
    status: 400,
    en: () => 'Give the reason for rejecting this submission.',
    nl: () => 'Geef de reden waarom u deze inzending afwijst.',
  },

  // ---- the public submission form ----
  multipart_required: {
    status: 415,
    en: () => 'Send the submission as multipart/form-data, from the consultation page.',
    nl: () => 'Verstuur uw inbreng via het formulier op de consultatiepagina.',
  },
  cross_site: {
    status: 403,
    en: () =>
      'Submissions are accepted only from the consultation page of this site. Open the page and submit the form there.',
    nl: () =>
      'Inbreng kan alleen worden verstuurd via het formulier op de consultatiepagina van deze website. Open die pagina en verstuur het formulier daar.',
  },
  form_token_invalid: {
    status: 403,
    en: () =>
      'The form token is not valid for this consultation. Open the consultation page and submit the form there.',
    nl: () =>
      'Het formulier hoort niet bij deze consultatie. Open de consultatiepagina en verstuur het formulier daar.',
  },
  form_expired: {
    status: 403,
    en: () =>
      'The form has expired. Reload the consultation page and submit again (your text is not saved yet).',
    nl: () =>
      'Het formulier is verlopen. Herlaad de consultatiepagina en verstuur het opnieuw (uw tekst is nog niet opgeslagen).',
  },
  submission_invalid: {
    status: 400,
    en: (p: { summary: string }) => `The submission is not valid: ${p.summary}. Nothing was saved.`,
    nl: () => 'Niet alle velden van het formulier zijn goed ingevuld. Er is niets opgeslagen.',
  },
  rate_limited: {
    status: 429,
    en: (p: { max: number; minutes: number }) =>
      `Too many submissions from your address: at most ${p.max} per hour. Try again in ${p.minutes} minute(s).`,
    nl: (p: { max: number; minutes: number }) =>
      `Er zijn vanaf uw adres te veel inzendingen gedaan (ten hoogste ${p.max} per uur). Probeer het over ${p.minutes} ${p.minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
  },
  not_open: {
    status: 409,
    en: (p: { opensAt: string }) =>
      `This consultation is not open yet: it opens on ${p.opensAt}. Nothing was saved.`,
    nl: (p: { opensAt: string }) =>
      `Deze consultatie is nog niet geopend: zij opent op ${p.opensAt}. Er is niets opgeslagen.`,
  },
  closed: {
    status: 409,
    en: (p: { closesAt: string }) =>
      `This consultation closed on ${p.closesAt}: submissions are no longer accepted. Nothing was saved.`,
    nl: (p: { closesAt: string }) =>
      `Deze consultatie is gesloten op ${p.closesAt}: er kan geen inbreng meer worden gestuurd. Er is niets opgeslagen.`,
  },
  field_too_long: {
    status: 413,
    en: (p: { field: string }) => `The field "${p.field}" is too long.`,
    nl: (p: { field: string }) => `Het veld "${p.field}" is te lang. Maak de tekst korter.`,
  },
  too_many_fields: {
    status: 413,
    en: () => 'The form has too many fields. Nothing was saved.',
    nl: () => 'Het formulier bevat te veel velden. Er is niets opgeslagen.',
  },
  too_many_files: {
    status: 413,
    en: (p: { max: number }) => `Attach at most ${p.max} files. Nothing was saved.`,
    nl: (p: { max: number }) => `Voeg ten hoogste ${p.max} bijlagen toe. Er is niets opgeslagen.`,
  },
  upload_too_large: {
    status: 413,
    en: (p: { mb: number }) => `A file is larger than ${p.mb} MB. Send smaller files. Nothing was saved.`,
    nl: (p: { mb: number }) =>
      `Een bijlage is groter dan ${p.mb} MB. Stuur kleinere bestanden. Er is niets opgeslagen.`,
  },
  file_too_large: {
    status: 413,
    en: (p: { fileName: string; mb: number }) =>
      `The file "${p.fileName}" is larger than ${p.mb} MB. Send a smaller file.`,
    nl: (p: { fileName: string; mb: number }) =>
      `Het bestand "${p.fileName}" is groter dan ${p.mb} MB. Stuur een kleiner bestand.`,
  },
  file_empty: {
    status: 400,
    en: (p: { fileName: string }) => `The file "${p.fileName}" is empty.`,
    nl: (p: { fileName: string }) => `Het bestand "${p.fileName}" is leeg.`,
  },
  file_type_not_accepted: {
    status: 415,
    en: (p: { fileName: string; ext: string }) =>
      `The file "${p.fileName}" was refused: ".${p.ext}" is not an accepted file type. ` +
      'Attach PDF, Word (.docx), OpenDocument (.odt) or plain text (.txt) files only.',
    nl: (p: { fileName: string; ext: string }) =>
      `Het bestand "${p.fileName}" is geweigerd: ".${p.ext}" is geen toegestaan bestandstype. ` +
      'Voeg alleen PDF-, Word- (.docx), OpenDocument- (.odt) of tekstbestanden (.txt) toe.',
  },
  file_content_mismatch: {
    status: 415,
    en: (p: { fileName: string; ext: string; detected: string | null; mime: string | null }) =>
      `The file "${p.fileName}" was refused: its name says .${p.ext}, but ` +
      (p.detected
        ? `its content is of type .${p.detected} (${p.mime ?? ''})`
        : `its content is not a .${p.ext} file`) +
      '. Attach PDF, Word (.docx), OpenDocument (.odt) or plain text (.txt) files only.',
    nl: (p: { fileName: string; ext: string; detected: string | null; mime: string | null }) =>
      `Het bestand "${p.fileName}" is geweigerd: de naam eindigt op .${p.ext}, maar ` +
      (p.detected ? `de inhoud is van het type .${p.detected}` : `de inhoud is geen .${p.ext}-bestand`) +
      '. Voeg alleen PDF-, Word- (.docx), OpenDocument- (.odt) of tekstbestanden (.txt) toe.',
  },
});
