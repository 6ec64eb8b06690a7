import { defineErrors } from '../core/errors.ts';

export const organisationErrors = defineErrors('organisation', {
  dates_reversed: {
    status: 400,
    en: (p: { validFrom: string; validTo: string }) =>
      `"Valid to" (${p.validTo}) lies before "valid from" (${p.validFrom}): correct one of the dates.`,
    nl: (p: { validFrom: string; validTo: string }) =>
      `"Geldig tot" (${p.validTo}) ligt vóór "geldig vanaf" (${p.validFrom}). Corrigeer een van beide datums.`,
  },
  own_parent: {
    status: 400,
    en: () => 'An organisation cannot be its own parent.',
    nl: () => 'Een organisatie kan niet onder zichzelf vallen. Kies een andere bovenliggende organisatie.',
  },
  unknown: {
    status: 400,
    en: (p: { id: string }) =>
      `No organisation with id "${p.id}" exists. Pick one from the list of organisations.`,
    nl: (p: { id: string }) =>
      `Er bestaat geen organisatie met id "${p.id}". Kies een organisatie uit de lijst.`,
  },
  ended: {
    status: 400,
    en: (p: { code: string; validTo: string }) =>
      `${p.code} no longer exists (until ${p.validTo}). Choose the organisation that took over its tasks.`,
    nl: (p: { code: string; validTo: string }) =>
      `${p.code} bestaat niet meer (tot ${p.validTo}). Kies de organisatie die de taken heeft overgenomen.`,
  },
  manage_forbidden: {
    status: 403,
    en: () => 'Only an administrator may add or change organisations.',
    nl: () => 'Alleen een beheerder mag organisaties toevoegen of wijzigen.',
  },
});
