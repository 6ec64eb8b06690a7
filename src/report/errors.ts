import { defineErrors } from '../core/errors.ts';

/** What is wrong with one transaction or spreadsheet row, by code, with the value found. */
export const PROBLEMS = {
  date_missing: { en: () => 'it has no date', nl: () => 'er is geen datum' },
  date_invalid: {
    en: (v: string) => `"${v}" is not a date (YYYY-MM-DD)`,
    nl: (v: string) => `"${v}" is geen datum (JJJJ-MM-DD)`,
  },
  currency_missing: {
    en: () => 'it has no currency and the activity no default currency',
    nl: () => 'er is geen valuta en de activiteit heeft geen standaardvaluta',
  },
  currency_unknown: {
    en: (v: string) => `"${v}" is not a currency code of ISO 4217`,
    nl: (v: string) => `"${v}" is geen valutacode uit ISO 4217`,
  },
  amount_invalid: {
    en: (v: string) => `"${v}" is not an amount`,
    nl: (v: string) => `"${v}" is geen bedrag`,
  },
  year_mismatch: {
    en: (v: string) =>
      `the year ${v} is not the year of the date (payments count in the year they were paid)`,
    nl: (v: string) =>
      `het jaar ${v} is niet het jaar van de datum (uitgaven tellen in het jaar van betaling)`,
  },
  priority_unknown: {
    en: (v: string) => `"${v}" is not one of the priorities`,
    nl: (v: string) => `"${v}" is geen van de prioriteiten`,
  },
  eur_missing: {
    en: (v: string) => `an amount in ${v} needs its value in euros (column bedrag_eur/amount_eur)`,
    nl: (v: string) => `een bedrag in ${v} heeft ook een bedrag in euro nodig (kolom bedrag_eur)`,
  },
} as const;
export type Problem = keyof typeof PROBLEMS;
type ProblemParams = { problem: string; value: string; count: number };
const problemText = (lang: 'en' | 'nl', p: ProblemParams) =>
  (PROBLEMS[p.problem as Problem]?.[lang] ?? (() => p.problem))(p.value);

export const reportErrors = defineErrors('report', {
  file_missing: {
    status: 400,
    en: () => 'Send the file as the request body.',
    nl: () => 'Stuur het bestand mee als inhoud van het verzoek.',
  },
  iati_not_xml: {
    status: 400,
    en: (p: { fileName: string; reason: string }) =>
      `${p.fileName} is not an IATI activity file: it is not well-formed XML (${p.reason}).`,
    nl: (p: { fileName: string; reason: string }) =>
      `${p.fileName} is geen IATI-activiteitenbestand: het is geen geldige XML (${p.reason}).`,
  },
  iati_wrong_root: {
    status: 400,
    en: (p: { fileName: string; root: string }) =>
      `${p.fileName} is not an IATI activity file: its root element is <${p.root}>, not <iati-activities>.`,
    nl: (p: { fileName: string; root: string }) =>
      `${p.fileName} is geen IATI-activiteitenbestand: het hoofdelement is <${p.root}> in plaats van <iati-activities>.`,
  },
  iati_version: {
    status: 400,
    en: (p: { fileName: string; version: string }) =>
      `${p.fileName} ${p.version ? `is IATI version ${p.version}` : 'gives no IATI version (as IATI 1.x files may)'}; only IATI 2.01, 2.02 and 2.03 activity files can be imported. Export the file again in IATI 2.03.`,
    nl: (p: { fileName: string; version: string }) =>
      `${p.fileName} ${p.version ? `heeft IATI-versie ${p.version}` : 'noemt geen IATI-versie (zoals IATI 1.x-bestanden)'}; alleen IATI 2.01, 2.02 en 2.03 kunnen worden ingelezen. Exporteer het bestand opnieuw als IATI 2.03.`,
  },
  iati_doctype: {
    status: 400,
    en: (p: { fileName: string }) =>
      `${p.fileName} declares a DOCTYPE; IATI files have none. Remove it and import again.`,
    nl: (p: { fileName: string }) =>
      `${p.fileName} bevat een DOCTYPE-declaratie; IATI-bestanden hebben die niet. Verwijder die en lees het bestand opnieuw in.`,
  },
  iati_no_identifier: {
    status: 400,
    en: (p: { position: number }) =>
      `Activity ${p.position} of the file has no iati-identifier. Nothing was saved.`,
    nl: (p: { position: number }) =>
      `Activiteit ${p.position} in het bestand heeft geen iati-identifier. Er is niets opgeslagen.`,
  },
  iati_transaction: {
    status: 400,
    en: (p: { activity: string; transaction: number } & ProblemParams) =>
      `Transaction ${p.transaction} of activity ${p.activity}: ${problemText('en', p)}.` +
      (p.count > 1 ? ` ${p.count - 1} more transactions have a problem (see details).` : '') +
      ' The whole file was refused; nothing was saved.',
    nl: (p: { activity: string; transaction: number } & ProblemParams) =>
      `Transactie ${p.transaction} van activiteit ${p.activity}: ${problemText('nl', p)}.` +
      (p.count > 1 ? ` Nog ${p.count - 1} transacties hebben een probleem (zie details).` : '') +
      ' Het hele bestand is geweigerd; er is niets opgeslagen.',
  },
  sheet_format: {
    status: 400,
    en: (p: { fileName: string; reason: string }) => `${p.fileName} cannot be read: ${p.reason}`,
    nl: (p: { fileName: string; reason: string }) => `${p.fileName} kan niet worden gelezen: ${p.reason}`,
  },
  sheet_columns: {
    status: 400,
    en: (p: { missing: string }) =>
      `The first row must name the columns; missing: ${p.missing}. Use jaar/year, prioriteit/priority, bedrag/amount, valuta/currency, datum/date, omschrijving/description, activiteit/activity.`,
    nl: (p: { missing: string }) =>
      `De eerste rij moet de kolommen noemen; er ontbreekt: ${p.missing}. Gebruik jaar, prioriteit, bedrag, valuta, datum, omschrijving, activiteit.`,
  },
  sheet_rows: {
    status: 400,
    en: (p: { row: number } & ProblemParams) =>
      `Row ${p.row}: ${problemText('en', p)}.` +
      (p.count > 1 ? ` ${p.count - 1} more rows have a problem (see details).` : '') +
      ' The whole file was refused; nothing was saved.',
    nl: (p: { row: number } & ProblemParams) =>
      `Rij ${p.row}: ${problemText('nl', p)}.` +
      (p.count > 1 ? ` Nog ${p.count - 1} rijen hebben een probleem (zie details).` : '') +
      ' Het hele bestand is geweigerd; er is niets opgeslagen.',
  },
  import_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator or a coordinator of the Ministry of Foreign Affairs (BZ) or of BZK may import expenditures or set priorities.',
    nl: () =>
      'Alleen een beheerder of een coördinator van Buitenlandse Zaken (BZ) of BZK mag uitgaven inlezen of prioriteiten toekennen.',
  },
});
