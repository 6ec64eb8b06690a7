import { defineErrors } from '../core/errors.ts';

export const userErrors = defineErrors('user', {
  organisation_required: {
    status: 400,
    en: () => 'A coordinator belongs to one organisation: choose the organisation.',
    nl: () => 'Een coördinator hoort bij één organisatie. Kies de organisatie.',
  },
  organisation_unknown: {
    status: 400,
    en: (p: { id: string }) => `No organisation with id "${p.id}" exists.`,
    nl: (p: { id: string }) => `Er bestaat geen organisatie met id "${p.id}".`,
  },
  email_taken: {
    status: 400,
    en: (p: { email: string }) => `A user with e-mail address ${p.email} already exists.`,
    nl: (p: { email: string }) => `Er bestaat al een gebruiker met het e-mailadres ${p.email}.`,
  },
  own_admin_role: {
    status: 400,
    en: () =>
      'You cannot remove your own administrator role or disable your own account: ask another administrator.',
    nl: () =>
      'U kunt uw eigen beheerdersrol niet intrekken en uw eigen account niet uitschakelen. Vraag dit aan een andere beheerder.',
  },
  manage_forbidden: {
    status: 403,
    en: () => 'Only an administrator may add or change user accounts.',
    nl: () => 'Alleen een beheerder mag gebruikersaccounts toevoegen of wijzigen.',
  },
});
