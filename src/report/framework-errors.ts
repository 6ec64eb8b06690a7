import { defineErrors } from '../core/errors.ts';

export const frameworkErrors = defineErrors('framework', {
  edit_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator or a coordinator of the Ministry of Foreign Affairs (BZ) or of BZK may edit the results framework.',
    nl: () =>
      'Alleen een beheerder of een coördinator van Buitenlandse Zaken (BZ) of BZK mag het resultatenkader bewerken.',
  },
  year_empty: {
    status: 404,
    en: (p: { year: number }) => `There is no results framework for ${p.year} to copy.`,
    nl: (p: { year: number }) => `Er is geen resultatenkader van ${p.year} om te kopiëren.`,
  },
  year_exists: {
    status: 409,
    en: (p: { year: number }) =>
      `The results framework of ${p.year} already exists; edit it instead of copying over it.`,
    nl: (p: { year: number }) =>
      `Het resultatenkader van ${p.year} bestaat al; bewerk dat in plaats van er een kopie overheen te zetten.`,
  },
  goal_parent_missing: {
    status: 400,
    en: (p: { year: number }) =>
      `The result area or priority of this goal is not part of the results framework of ${p.year}.`,
    nl: (p: { year: number }) =>
      `Het resultaatgebied of de prioriteit van dit doel hoort niet bij het resultatenkader van ${p.year}.`,
  },
});
