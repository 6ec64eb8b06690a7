/** The errors of comments and their mentions. */
import { defineErrors } from '../core/errors.ts';

export const commentErrors = defineErrors('comment', {
  create_forbidden: {
    status: 403,
    en: () => 'Observers read comments; writing one needs the role of contributor or higher.',
    nl: () => 'Waarnemers lezen reacties; een reactie schrijven vraagt de rol bijdrager of hoger.',
  },
  edit_forbidden: {
    status: 403,
    en: () => 'Only the author may change this comment (and it must not have been deleted).',
    nl: () => 'Alleen de auteur mag deze reactie wijzigen (en ze mag niet verwijderd zijn).',
  },
  delete_forbidden: {
    status: 403,
    en: () => 'Only the author or an administrator may delete this comment.',
    nl: () => 'Alleen de auteur of een beheerder mag deze reactie verwijderen.',
  },
  mention_unknown: {
    status: 400,
    en: (p: { mentions: string }) =>
      `No active user has this address: ${p.mentions}. Pick the person from the list that appears after "@".`,
    nl: (p: { mentions: string }) =>
      `Geen actieve gebruiker heeft dit adres: ${p.mentions}. Kies de persoon uit de lijst die na "@" verschijnt.`,
  },
});
