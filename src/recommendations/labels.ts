/**
 * Names of the recommendations' lists of values in Dutch and English, for the browser app (web/i18n)
 * and the public portal (src/portal) alike.
 */
import type { Lang } from '../calendar/labels.ts';
import type { Mechanism, Position } from './schema.ts';

/** The mechanisms; the browser app shortens the UPR's name where space is scarce. */
export const MECHANISM_LABELS: Record<Lang, Record<Mechanism, string>> = {
  nl: {
    treaty_body: 'Verdragscomité',
    upr: 'Universal Periodic Review (UPR)',
    coe_body: 'Orgaan van de Raad van Europa',
    special_procedure: 'Speciale procedure',
    advisory_council: 'Adviesraad',
    nhri: 'College voor de Rechten van de Mens',
    parliament: 'Parlement',
    other: 'Anders',
  },
  en: {
    treaty_body: 'Treaty body',
    upr: 'Universal Periodic Review (UPR)',
    coe_body: 'Council of Europe body',
    special_procedure: 'Special procedure',
    advisory_council: 'Advisory council',
    nhri: 'Netherlands Institute for Human Rights',
    parliament: 'Parliament',
    other: 'Other',
  },
};

/** The position a source reported (the recommendation's own column, which the search filters on). */
export const SOURCE_POSITION_LABELS: Record<Lang, Record<Position, string>> = {
  nl: {
    supported: 'aanvaard',
    supported_in_part: 'deels aanvaard',
    noted: 'kennisgenomen',
    pending: 'in behandeling',
    agrees: 'eens',
    partly_agrees: 'deels eens',
    disagrees: 'oneens',
  },
  en: {
    supported: 'supported',
    supported_in_part: 'supported in part',
    noted: 'noted',
    pending: 'pending',
    agrees: 'agrees',
    partly_agrees: 'partly agrees',
    disagrees: 'disagrees',
  },
};
