import { defineErrors } from '../core/errors.ts';

export const taxonomyErrors = defineErrors('taxonomy', {
  edit_forbidden: {
    status: 403,
    en: () =>
      'The taxonomies are shared by everyone: only an administrator or a coordinator of the coordinating ministry (BZK) may change them.',
    nl: () =>
      'De taxonomieën worden door iedereen gedeeld: alleen een beheerder of een coördinator van het coördinerende ministerie (BZK) mag ze wijzigen.',
  },
  alias_taken: {
    status: 409,
    en: (p: { alias: string }) =>
      `"${p.alias}" already stands for another term of this taxonomy: edit that term instead.`,
    nl: (p: { alias: string }) =>
      `"${p.alias}" staat al voor een andere term van deze taxonomie. Wijzig die term in plaats daarvan.`,
  },
});
