/**
 * The errors of reading the Tweede Kamer's open data: a file that is neither its OData JSON nor its
 * SyncFeed XML, and the live API that cannot be reached or answers with an error.
 */
import { defineErrors } from '../../core/errors.ts';

export const tweedekamerErrors = defineErrors('tweedekamer', {
  not_odata: {
    status: 400,
    en: (p: { fileName: string; reason: string }) =>
      `${p.fileName} is not an OData response of the Tweede Kamer (${p.reason}). ` +
      'Export the records as JSON from the Gegevensmagazijn, or use the SyncFeed XML.',
    nl: (p: { fileName: string; reason: string }) =>
      `${p.fileName} is geen OData-antwoord van de Tweede Kamer (${p.reason}). ` +
      'Exporteer de gegevens als JSON uit het Gegevensmagazijn, of gebruik de SyncFeed-XML.',
  },
  not_syncfeed: {
    status: 400,
    en: (p: { fileName: string; reason: string }) =>
      `${p.fileName} is not a SyncFeed of the Tweede Kamer (${p.reason}). ` +
      'Use an Atom feed from /SyncFeed/2.0/Feed or the OData JSON.',
    nl: (p: { fileName: string; reason: string }) =>
      `${p.fileName} is geen SyncFeed van de Tweede Kamer (${p.reason}). ` +
      'Gebruik een Atom-feed van /SyncFeed/2.0/Feed of de OData-JSON.',
  },
  unknown_format: {
    status: 400,
    en: (p: { fileName: string }) =>
      `${p.fileName} is neither JSON nor XML. Choose an OData JSON file or a SyncFeed XML file of the Tweede Kamer.`,
    nl: (p: { fileName: string }) =>
      `${p.fileName} is geen JSON en geen XML. Kies een OData-JSON-bestand of een SyncFeed-XML-bestand van de Tweede Kamer.`,
  },
  unreachable: {
    status: 502,
    en: (p: { url: string; reason: string }) =>
      `The Tweede Kamer's open data API (${p.url}) cannot be reached: ${p.reason}. ` +
      'Check the internet connection of the server, or import a file instead.',
    nl: (p: { url: string; reason: string }) =>
      `De open-data-API van de Tweede Kamer (${p.url}) is niet bereikbaar: ${p.reason}. ` +
      'Controleer de internetverbinding van de server, of importeer een bestand.',
  },
  api_failed: {
    status: 502,
    en: (p: { url: string; status: number }) =>
      `The Tweede Kamer's open data API answered ${p.status} for ${p.url}. Try again later.`,
    nl: (p: { url: string; status: number }) =>
      `De open-data-API van de Tweede Kamer antwoordde ${p.status} op ${p.url}. Probeer het later opnieuw.`,
  },
});
