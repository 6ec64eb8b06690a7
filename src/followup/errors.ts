/**
 * The errors of the follow-up of recommendations. English is the API's `detail`; the browser app
 * shows the Dutch text from `code` and `params`.
 */
import { defineErrors } from '../core/errors.ts';

export const followUpErrors = defineErrors('followup', {
  position_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the lead or a co-responsible organisation, or of the coordinating ministry, ' +
      'may record the position on this recommendation.',
    nl: () =>
      'Alleen een coördinator van de trekkende of een medeverantwoordelijke organisatie, of van het ' +
      'coördinerende ministerie, mag het standpunt over deze aanbeveling vastleggen.',
  },
  position_not_for_mechanism: {
    status: 400,
    en: (p: { position: string; mechanism: string; allowed: string }) =>
      `"${p.position}" is not a position for a recommendation of this kind (${p.mechanism}). ` +
      (p.allowed ? `Choose one of: ${p.allowed}.` : 'Write a free appreciation instead.'),
    nl: (p: { position: string; mechanism: string; allowed: string }) =>
      `"${p.position}" is geen standpunt voor een aanbeveling van dit soort (${p.mechanism}). ` +
      (p.allowed ? `Kies uit: ${p.allowed}.` : 'Schrijf in plaats daarvan een vrije appreciatie.'),
  },
  position_empty: {
    status: 400,
    en: () => 'Choose a position or write an appreciation.',
    nl: () => 'Kies een standpunt of schrijf een appreciatie.',
  },
  responsibility_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the lead organisation or of the coordinating ministry may change who is ' +
      'responsible for this recommendation.',
    nl: () =>
      'Alleen een coördinator van de trekkende organisatie of van het coördinerende ministerie mag ' +
      'wijzigen wie verantwoordelijk is voor deze aanbeveling.',
  },
  assign_forbidden: {
    status: 403,
    en: (p: { count: number }) =>
      `You may not assign ${p.count} of these recommendations: they are led by another organisation. ` +
      'Narrow the selection to recommendations your organisation leads, or ask the coordinating ministry.',
    nl: (p: { count: number }) =>
      `U mag ${p.count} van deze aanbevelingen niet toewijzen: een andere organisatie is trekker. ` +
      'Beperk de selectie tot aanbevelingen van uw organisatie, of vraag het coördinerende ministerie.',
  },
  too_many: {
    status: 400,
    en: (p: { count: number; limit: number }) =>
      `The selection holds ${p.count} recommendations; at most ${p.limit} can be assigned at once. Narrow the search.`,
    nl: (p: { count: number; limit: number }) =>
      `De selectie bevat ${p.count} aanbevelingen; er kunnen er hoogstens ${p.limit} tegelijk worden toegewezen. Verfijn de zoekopdracht.`,
  },
  nothing_selected: {
    status: 400,
    en: () => 'The selection holds no recommendations. Check the ids or the search.',
    nl: () => 'De selectie bevat geen aanbevelingen. Controleer de selectie of de zoekopdracht.',
  },
  unknown_recommendations: {
    status: 400,
    en: (p: { count: number; ids: string }) =>
      `${p.count} of the selected recommendations do not exist: ${p.ids}. Reload the list and select again.`,
    nl: (p: { count: number; ids: string }) =>
      `${p.count} van de gekozen aanbevelingen bestaan niet: ${p.ids}. Herlaad de lijst en kies opnieuw.`,
  },
  organisation_unknown: {
    status: 400,
    en: (p: { id: string }) =>
      `No organisation with id "${p.id}" exists. Pick one from the list of organisations.`,
    nl: (p: { id: string }) =>
      `Er bestaat geen organisatie met id "${p.id}". Kies een organisatie uit de lijst.`,
  },
  organisation_ended: {
    status: 400,
    en: (p: { code: string; validTo: string }) =>
      `${p.code} no longer exists (until ${p.validTo}). Assign the recommendation to the organisation that took over its tasks.`,
    nl: (p: { code: string; validTo: string }) =>
      `${p.code} bestaat niet meer (tot ${p.validTo}). Wijs de aanbeveling toe aan de organisatie die de taken heeft overgenomen.`,
  },
  lead_also_co: {
    status: 400,
    en: () => 'The lead organisation cannot also be listed as co-responsible.',
    nl: () => 'De trekkende organisatie kan niet ook medeverantwoordelijk zijn.',
  },
  progress_forbidden: {
    status: 403,
    en: () =>
      'Only members of the lead or a co-responsible organisation (or the coordinating ministry) may write ' +
      'progress on this recommendation. Assign it to your organisation first.',
    nl: () =>
      'Alleen medewerkers van de trekkende of een medeverantwoordelijke organisatie (of het coördinerende ' +
      'ministerie) mogen de voortgang van deze aanbeveling bijwerken. Laat de aanbeveling eerst aan uw organisatie toewijzen.',
  },
  progress_edit_forbidden: {
    status: 403,
    en: () => 'Only its author may change or delete a progress update, and only while it is a draft.',
    nl: () =>
      'Alleen de auteur mag een voortgangsupdate wijzigen of verwijderen, en alleen zolang die een concept is.',
  },
  approve_own: {
    status: 403,
    en: () => 'You cannot approve your own progress update: another coordinator must approve it.',
    nl: () => 'U kunt uw eigen voortgangsupdate niet goedkeuren: een andere coördinator moet die goedkeuren.',
  },
  approve_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the lead or a co-responsible organisation, or of the coordinating ministry, may approve this update.',
    nl: () =>
      'Alleen een coördinator van de trekkende of een medeverantwoordelijke organisatie, of van het coördinerende ministerie, mag deze update goedkeuren.',
  },
  already_approved: {
    status: 409,
    en: () => 'This progress update is already approved; write a new update instead.',
    nl: () => 'Deze voortgangsupdate is al goedgekeurd; schrijf een nieuwe update.',
  },
  files_forbidden: {
    status: 403,
    en: () => 'Only the author of a progress update may add or remove its files, while it is a draft.',
    nl: () =>
      'Alleen de auteur van een voortgangsupdate mag er bestanden aan toevoegen of uit verwijderen, zolang die een concept is.',
  },
  files_approved: {
    status: 409,
    en: () =>
      'This progress update is approved: its files are part of its history and cannot be added or removed. ' +
      'Write a new update with the new evidence instead.',
    nl: () =>
      'Deze voortgangsupdate is goedgekeurd: de bestanden horen bij de geschiedenis en kunnen niet worden ' +
      'toegevoegd of verwijderd. Schrijf een nieuwe update met het nieuwe bewijs.',
  },
  files_multipart: {
    status: 415,
    en: () => 'Send the files as multipart/form-data (a form with one or more files).',
    nl: () => 'Verstuur de bestanden als formulier met bijlagen (multipart/form-data).',
  },
  files_none: {
    status: 400,
    en: () => 'Choose at least one file to attach.',
    nl: () => 'Kies ten minste één bestand om toe te voegen.',
  },
  file_too_large: {
    status: 413,
    en: (p: { fileName: string; mb: number }) =>
      `The file "${p.fileName}" is larger than ${p.mb} MB. Attach a smaller file, or add a link to it instead. Nothing was saved.`,
    nl: (p: { fileName: string; mb: number }) =>
      `Het bestand "${p.fileName}" is groter dan ${p.mb} MB. Voeg een kleiner bestand toe, of neem er een link naar op. Er is niets opgeslagen.`,
  },
  files_too_many: {
    status: 413,
    en: (p: { max: number }) =>
      `A progress update holds at most ${p.max} files. Remove a file first, or add links instead. Nothing was saved.`,
    nl: (p: { max: number }) =>
      `Een voortgangsupdate bevat ten hoogste ${p.max} bestanden. Verwijder eerst een bestand, of neem links op. Er is niets opgeslagen.`,
  },
  publish_forbidden: {
    status: 403,
    en: () =>
      'Only a coordinator of the lead organisation, the coordinating ministry or an administrator may publish ' +
      'the follow-up of this recommendation or withdraw its publication.',
    nl: () =>
      'Alleen een coördinator van de trekkende organisatie, het coördinerende ministerie of een beheerder mag ' +
      'de opvolging van deze aanbeveling openbaar maken of de openbaarmaking intrekken.',
  },
  publish_many_forbidden: {
    status: 403,
    en: (p: { count: number }) =>
      `You may not publish (or withdraw) the follow-up of ${p.count} of these recommendations: another organisation leads them. ` +
      'Nothing was changed. Narrow the selection to recommendations your organisation leads, or ask the coordinating ministry.',
    nl: (p: { count: number }) =>
      `U mag de opvolging van ${p.count} van deze aanbevelingen niet openbaar maken (of intrekken): een andere organisatie is trekker. ` +
      'Er is niets gewijzigd. Beperk de selectie tot aanbevelingen van uw organisatie, of vraag het coördinerende ministerie.',
  },
  publish_too_many: {
    status: 400,
    en: (p: { count: number; limit: number }) =>
      `The selection holds ${p.count} recommendations; the follow-up of at most ${p.limit} can be published or withdrawn at once. Narrow the search.`,
    nl: (p: { count: number; limit: number }) =>
      `De selectie bevat ${p.count} aanbevelingen; van hoogstens ${p.limit} kan de opvolging tegelijk openbaar worden gemaakt of ingetrokken. Verfijn de zoekopdracht.`,
  },
  not_published: {
    status: 404,
    en: (p: { id: string }) =>
      `The follow-up of recommendation ${p.id} is not public: the government has not published it (or the recommendation does not exist).`,
    nl: (p: { id: string }) =>
      `De opvolging van aanbeveling ${p.id} is niet openbaar: de regering heeft die niet openbaar gemaakt (of de aanbeveling bestaat niet).`,
  },
  worklist_organisation: {
    status: 400,
    en: () => 'Choose the organisation whose worklist you want to see (organisationId).',
    nl: () => 'Kies de organisatie waarvan u de werklijst wilt zien.',
  },
});
