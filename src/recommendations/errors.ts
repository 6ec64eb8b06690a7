/**
 * The errors of recommendations: imports, document files, saved searches. English is the API's
 * `detail`; the browser app shows the formal Dutch text from `code` and `params`.
 */
import { defineErrors } from '../core/errors.ts';

/**
 * The errors of an import as a whole. Their codes are unscoped ("import_invalid"): the browser
 * app reads the row errors of an "import_invalid" answer and shows them beside the rows.
 */
export const importErrors = defineErrors('', {
  import_invalid: {
    status: 400,
    en: (p: { count: number; first: string }) =>
      `${p.count} row(s) cannot be imported (${p.first}). ` +
      'Nothing was stored. Correct the file, or choose to import only the valid rows.',
    nl: (p: { count: number; first: string }) =>
      `${p.count} rij(en) kunnen niet worden geïmporteerd (${p.first}). Er is niets opgeslagen. ` +
      'Verbeter het bestand, of kies ervoor alleen de juiste rijen te importeren.',
  },
  import_empty: {
    status: 400,
    en: (p: { fileName: string }) => `${p.fileName} holds no recommendations to import.`,
    nl: (p: { fileName: string }) => `${p.fileName} bevat geen aanbevelingen om te importeren.`,
  },
  import_format: {
    status: 400,
    en: (p: { fileName: string; kind: string; reason: string }) =>
      `${p.fileName} cannot be imported as ${p.kind}: ${p.reason}`,
    nl: (p: { fileName: string; kind: string; reason: string }) =>
      `${p.fileName} kan niet worden geïmporteerd als ${p.kind}: ${p.reason}`,
  },
});

export const recommendationErrors = defineErrors('recommendation', {
  lead_filter_signed_in: {
    status: 401,
    en: () =>
      'Who is responsible for a recommendation is shown only to signed-in users until its follow-up is published. Sign in to filter by responsible organisation.',
    nl: () =>
      'Wie verantwoordelijk is voor een aanbeveling ziet alleen wie is ingelogd, tot de opvolging openbaar is gemaakt. Log in om op verantwoordelijke organisatie te filteren.',
  },
  not_found: {
    status: 404,
    en: (p: { id: string }) =>
      `No recommendation with id "${p.id}" exists. Check the id or pick one from the list.`,
    nl: (p: { id: string }) =>
      `Er bestaat geen aanbeveling met id "${p.id}". Controleer het id of kies er een uit de lijst.`,
  },
  unknown_import_kind: {
    status: 400,
    en: (p: { kind: string; kinds: string }) => `Unknown import kind "${p.kind}": use one of ${p.kinds}.`,
    nl: (p: { kind: string; kinds: string }) =>
      `Onbekende soort import "${p.kind}": kies een van ${p.kinds}.`,
  },
  file_missing: {
    status: 400,
    en: () => 'Send the file as the request body.',
    nl: () => 'Er is geen bestand ontvangen. Kies een bestand en probeer het opnieuw.',
  },
  import_changes_forbidden: {
    status: 403,
    en: (p: { count: number }) =>
      `This import would change ${p.count} existing recommendation(s). Only an administrator or a ` +
      'coordinator of the coordinating ministry (BZK) may change existing recommendations; other ' +
      'coordinators may add new ones. Nothing was stored. Import a file with new recommendations only, ' +
      'or ask the coordinating ministry to import this one.',
    nl: (p: { count: number }) =>
      `Deze import zou ${p.count} bestaande aanbeveling(en) wijzigen. Alleen een beheerder of een ` +
      'coördinator van het coördinerende ministerie (BZK) mag bestaande aanbevelingen wijzigen; andere ' +
      'coördinatoren mogen nieuwe toevoegen. Er is niets opgeslagen. Importeer een bestand met alleen ' +
      'nieuwe aanbevelingen, of vraag het coördinerende ministerie dit bestand te importeren.',
  },
  merge_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator or a coordinator of the coordinating ministry (BZK) may merge recommendations ' +
      'or take a source out of one. Nothing was changed.',
    nl: () =>
      'Alleen een beheerder of een coördinator van het coördinerende ministerie (BZK) mag aanbevelingen ' +
      'samenvoegen of een bron eruit halen. Er is niets gewijzigd.',
  },
  merge_same: {
    status: 400,
    en: (p: { id: string }) => `A recommendation cannot be merged with itself (${p.id}). Pick another one.`,
    nl: (p: { id: string }) =>
      `Een aanbeveling kan niet met zichzelf worden samengevoegd (${p.id}). Kies een andere aanbeveling.`,
  },
  merge_other_state: {
    status: 400,
    en: (p: { state: string; other: string }) =>
      `These recommendations concern different states under review (${p.state}, ${p.other}); ` +
      'only recommendations to the same state can be one record.',
    nl: (p: { state: string; other: string }) =>
      `Deze aanbevelingen gaan over verschillende staten (${p.state}, ${p.other}); alleen aanbevelingen ` +
      'aan dezelfde staat kunnen één aanbeveling worden.',
  },
  split_unknown_source: {
    status: 404,
    en: (p: { source: string }) =>
      `The recommendation has no source ${p.source}. Reload the page and pick one of its sources.`,
    nl: (p: { source: string }) =>
      `De aanbeveling heeft geen bron ${p.source}. Laad de pagina opnieuw en kies een van haar bronnen.`,
  },
  split_last_source: {
    status: 400,
    en: () => 'This is the only source of the recommendation: there is nothing to take it out of.',
    nl: () => 'Dit is de enige bron van de aanbeveling: er valt niets uit elkaar te halen.',
  },
  saved_search_name_taken: {
    status: 409,
    en: (p: { name: string }) => `You already have a saved search called "${p.name}": choose another name.`,
    nl: (p: { name: string }) =>
      `U hebt al een opgeslagen zoekopdracht met de naam "${p.name}". Kies een andere naam.`,
  },
  saved_search_not_found: {
    status: 404,
    en: (p: { id: string }) =>
      `No saved search of yours with id "${p.id}" exists. Check the id or pick one from the list.`,
    nl: (p: { id: string }) =>
      `U hebt geen opgeslagen zoekopdracht met id "${p.id}". Kies er een uit de lijst.`,
  },
});

/** The errors of reading a document file (.txt, .docx, .pdf, .xlsx) before it is parsed. */
export const documentFileErrors = defineErrors('document_file', {
  damaged: {
    status: 400,
    en: (p: { file: string; ext: string; reason: string }) =>
      `${p.file}: this ${p.ext} is damaged: ${p.reason}`,
    nl: (p: { file: string; ext: string; reason: string }) =>
      `${p.file}: dit ${p.ext}-bestand is beschadigd (${p.reason}). Sla het opnieuw op en probeer het nog eens.`,
  },
  unpacks_too_large: {
    status: 400,
    en: (p: { file: string; ext: string; mb: number }) =>
      `${p.file}: this ${p.ext} would unpack to more than ${p.mb} MB; it is refused (a zip bomb?).`,
    nl: (p: { file: string; ext: string; mb: number }) =>
      `${p.file}: dit ${p.ext}-bestand wordt uitgepakt groter dan ${p.mb} MB en wordt daarom geweigerd.`,
  },
  part_expands_too_much: {
    status: 400,
    en: (p: { file: string; ext: string; part: string; ratio: number }) =>
      `${p.file}: the part ${p.part} of this ${p.ext} expands more than ${p.ratio} times; it is refused (a zip bomb?).`,
    nl: (p: { file: string; ext: string; part: string; ratio: number }) =>
      `${p.file}: het onderdeel ${p.part} van dit ${p.ext}-bestand wordt bij uitpakken meer dan ${p.ratio} keer ` +
      'zo groot en wordt daarom geweigerd.',
  },
  part_larger_than_declared: {
    status: 400,
    en: (p: { file: string; ext: string; part: string }) =>
      `${p.file}: the part ${p.part} of this ${p.ext} unpacks to more than it declares; it is refused (a zip bomb?).`,
    nl: (p: { file: string; ext: string; part: string }) =>
      `${p.file}: het onderdeel ${p.part} van dit ${p.ext}-bestand is uitgepakt groter dan het opgeeft ` +
      'en wordt daarom geweigerd.',
  },
  pdf_without_text: {
    status: 400,
    en: (p: { file: string }) =>
      `${p.file}: this .pdf has no text layer (a scan?); run text recognition (OCR) on it first.`,
    nl: (p: { file: string }) =>
      `${p.file}: deze pdf bevat geen tekst (een scan?). Laat er eerst tekstherkenning (OCR) op uitvoeren.`,
  },
  absent: {
    status: 400,
    en: (p: { file: string }) => `Cannot read ${p.file}: the file does not exist.`,
    nl: (p: { file: string }) => `${p.file} kan niet worden gelezen: het bestand bestaat niet.`,
  },
  is_directory: {
    status: 400,
    en: (p: { file: string }) => `Cannot read ${p.file}: it is a directory, not a file.`,
    nl: (p: { file: string }) => `${p.file} kan niet worden gelezen: het is een map, geen bestand.`,
  },
  permission_denied: {
    status: 400,
    en: (p: { file: string }) => `Cannot read ${p.file}: permission denied.`,
    nl: (p: { file: string }) => `${p.file} kan niet worden gelezen: u hebt geen leesrechten.`,
  },
  unreadable: {
    status: 400,
    en: (p: { file: string; reason: string }) => `Cannot read ${p.file}: ${p.reason}`,
    nl: (p: { file: string; reason: string }) => `${p.file} kan niet worden gelezen (${p.reason}).`,
  },
  unknown_kind: {
    status: 400,
    en: (p: { file: string; reason: string }) => `${p.file}: ${p.reason} Use --kind.`,
    nl: (p: { file: string; reason: string }) =>
      `${p.file}: de soort document is niet te herkennen (${p.reason}). Geef de soort op met --kind.`,
  },
});
