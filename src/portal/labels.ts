/** Labels of the portal's recommendation pages in Dutch and English (lists of values the API uses). */
import type { PortalLang } from './layout.ts';

export { MECHANISM_LABELS, SOURCE_POSITION_LABELS } from '../recommendations/labels.ts';

export type SearchField =
  | 'q'
  | 'mechanism'
  | 'instrumentId'
  | 'cycleId'
  | 'termId'
  | 'position'
  | 'recommendingState'
  | 'state'
  | 'page';

/** The search form's fields, as the form and the error page name them. */
export const FIELD_LABELS: Record<PortalLang, Record<SearchField, string>> = {
  nl: {
    q: 'Zoekwoorden',
    mechanism: 'Mechanisme',
    instrumentId: 'Verdrag of mechanisme',
    cycleId: 'Rapportagecyclus',
    termId: 'Thema',
    position: 'Standpunt',
    recommendingState: 'Aanbevelende staat',
    state: 'Staat onder toetsing',
    page: 'Pagina',
  },
  en: {
    q: 'Search words',
    mechanism: 'Mechanism',
    instrumentId: 'Treaty or mechanism',
    cycleId: 'Reporting cycle',
    termId: 'Theme',
    position: 'Position',
    recommendingState: 'Recommending state',
    state: 'State under review',
    page: 'Page',
  },
};

/** What to do about a wrong value of a field of the search form. */
export const FIELD_HINTS: Record<PortalLang, Record<'q' | 'page' | 'other' | 'unknown', string>> = {
  nl: {
    q: 'gebruik hoogstens 500 tekens, zonder stuurtekens.',
    page: 'geef een paginanummer van 1 of hoger.',
    other: 'kies een waarde uit de lijst van het zoekformulier.',
    unknown: 'dit veld kent het zoekformulier niet; laat het weg.',
  },
  en: {
    q: 'use at most 500 characters, without control characters.',
    page: 'give a page number of 1 or more.',
    other: 'choose a value from the list of the search form.',
    unknown: 'the search form has no such field; leave it out.',
  },
};
