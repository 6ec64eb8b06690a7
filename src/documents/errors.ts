import { defineErrors } from '../core/errors.ts';

export const documentErrors = defineErrors('document', {
  cycle_unknown: {
    status: 400,
    en: (p: { id: string }) => `No cycle with id "${p.id}" exists.`,
    nl: (p: { id: string }) => `Er bestaat geen rapportagecyclus met id "${p.id}".`,
  },
  instrument_unknown: {
    status: 400,
    en: (p: { id: string }) => `No instrument with id "${p.id}" exists.`,
    nl: (p: { id: string }) => `Er bestaat geen verdrag met id "${p.id}".`,
  },
  cycle_mismatch: {
    status: 400,
    en: () => 'The cycle belongs to another instrument than the one given: pick a matching pair.',
    nl: () =>
      'De rapportagecyclus hoort bij een ander verdrag dan het gekozen verdrag. Kies een cyclus en verdrag die bij elkaar horen.',
  },
  contributor_public: {
    status: 403,
    en: () => 'Contributors add documents as internal drafts: set "public" to false.',
    nl: () =>
      'Als bijdrager voegt u documenten toe als intern concept. Maak het document niet openbaar; een coördinator kan het later publiceren.',
  },
  contributor_not_own: {
    status: 403,
    en: () => 'Contributors may only edit their own internal drafts.',
    nl: () => 'Als bijdrager mag u alleen uw eigen interne concepten wijzigen.',
  },
  no_instrument: {
    status: 403,
    en: () => 'Only an administrator may file a document that belongs to no instrument.',
    nl: () => 'Alleen een beheerder mag een document vastleggen dat bij geen enkel verdrag hoort.',
  },
  edit_forbidden: {
    status: 403,
    en: (p: { instrument: string }) =>
      `Only an administrator or a coordinator of the lead or coordinating organisation of ${p.instrument} may change its documents.`,
    nl: (p: { instrument: string }) =>
      `Alleen een beheerder of een coördinator van het leidende of coördinerende ministerie van ${p.instrument} mag de documenten daarvan wijzigen.`,
  },
  move_forbidden: {
    status: 403,
    en: (p: { instrument: string }) =>
      `You may not file documents under ${p.instrument}: only an administrator or a coordinator of its lead or coordinating organisation may.`,
    nl: (p: { instrument: string }) =>
      `U mag geen documenten onder ${p.instrument} vastleggen: dat mag alleen een beheerder of een coördinator van het leidende of coördinerende ministerie daarvan.`,
  },
});
