import { defineErrors } from '../core/errors.ts';

/** Errors of instruments and monitoring bodies. */
export const instrumentErrors = defineErrors('instrument', {
  edit_forbidden: {
    status: 403,
    en: (p: { instrument: string }) =>
      `Only an administrator or a coordinator of the lead or coordinating organisation of ${p.instrument || 'this instrument'} may change it.`,
    nl: (p: { instrument: string }) =>
      `Alleen een beheerder of een coördinator van het leidende of coördinerende ministerie van ${p.instrument || 'dit verdrag'} mag dit wijzigen.`,
  },
  lead_missing: {
    status: 409,
    en: (p: { instrument: string }) =>
      `${p.instrument} has no lead ministry to confirm: an administrator assigns one first.`,
    nl: (p: { instrument: string }) =>
      `${p.instrument} heeft geen leidend ministerie om te bevestigen: een beheerder wijst er eerst een toe.`,
  },
  create_forbidden: {
    status: 403,
    en: () => 'Only an administrator may add instruments and monitoring bodies or change monitoring bodies.',
    nl: () =>
      'Alleen een beheerder mag verdragen en toezichtsorganen toevoegen of toezichtsorganen wijzigen.',
  },
});
