/** The errors of actions, indicators and measurements. */
import { defineErrors } from '../core/errors.ts';

export const actionErrors = defineErrors('action', {
  edit_forbidden: {
    status: 403,
    en: (p: { code: string }) =>
      `Only a coordinator of ${p.code} (the action's owner) or of the coordinating ministry may do this.`,
    nl: (p: { code: string }) =>
      `Alleen een coördinator van ${p.code} (eigenaar van de maatregel) of van het coördinerende ministerie mag dit.`,
  },
  measure_forbidden: {
    status: 403,
    en: (p: { code: string }) => `Only members of ${p.code} (the action's owner) may record measurements.`,
    nl: (p: { code: string }) =>
      `Alleen medewerkers van ${p.code} (eigenaar van de maatregel) mogen metingen vastleggen.`,
  },
  recommendations_unknown: {
    status: 400,
    en: (p: { ids: string }) => `These recommendations do not exist: ${p.ids}. Pick them from the search.`,
    nl: (p: { ids: string }) => `Deze aanbevelingen bestaan niet: ${p.ids}. Kies ze uit de zoekresultaten.`,
  },
  period_order: {
    status: 400,
    en: () => 'The end date must be on or after the start date.',
    nl: () => 'De einddatum moet op of na de begindatum liggen.',
  },
  unit_mismatch: {
    status: 400,
    en: (p: { unit: string; expected: string }) =>
      `The measurement is in "${p.unit}" but the indicator is measured in "${p.expected}". Convert it to ${p.expected}.`,
    nl: (p: { unit: string; expected: string }) =>
      `De meting is in "${p.unit}", maar de indicator wordt gemeten in "${p.expected}". Reken de waarde om naar ${p.expected}.`,
  },
  value_type: {
    status: 400,
    en: (p: { field: string; problem: string }) => `The ${p.field} ${p.problem}.`,
    nl: (p: { field: string; problem: string }) =>
      `De waarde van ${p.field} past niet bij de indicator: ${p.problem}.`,
  },
});
