/** The errors of the Human Rights Council membership. */
import { defineErrors } from '../core/errors.ts';

export const hrcErrors = defineErrors('hrc', {
  edit_forbidden: {
    status: 403,
    en: () =>
      'Only coordinators of Foreign Affairs (BZ) or of the coordinating ministry (BZK), and administrators, may change the Human Rights Council membership.',
    nl: () =>
      'Alleen coördinatoren van Buitenlandse Zaken (BZ) of van het coördinerende ministerie (BZK) en beheerders mogen het lidmaatschap van de Mensenrechtenraad wijzigen.',
  },
  term_order: {
    status: 400,
    en: (p: { startYear: number; endYear: number }) =>
      `A term cannot end (${p.endYear}) before it starts (${p.startYear}).`,
    nl: (p: { startYear: number; endYear: number }) =>
      `Een termijn kan niet eindigen (${p.endYear}) voordat hij begint (${p.startYear}).`,
  },
  term_exists: {
    status: 409,
    en: (p: { startYear: number; endYear: number }) =>
      `The term ${p.startYear}–${p.endYear} is already registered.`,
    nl: (p: { startYear: number; endYear: number }) => `De termijn ${p.startYear}–${p.endYear} bestaat al.`,
  },
  symbol_invalid: {
    status: 400,
    en: (p: { symbol: string }) =>
      `"${p.symbol}" is not the symbol of a Human Rights Council resolution: write it as A/HRC/RES/49/1 (session, then number).`,
    nl: (p: { symbol: string }) =>
      `"${p.symbol}" is geen symbool van een resolutie van de Mensenrechtenraad: schrijf het als A/HRC/RES/49/1 (zitting, dan nummer).`,
  },
  resolution_exists: {
    status: 409,
    en: (p: { symbol: string }) => `The resolution ${p.symbol} is already listed for this term.`,
    nl: (p: { symbol: string }) => `De resolutie ${p.symbol} staat al bij deze termijn.`,
  },
  result_exists: {
    status: 409,
    en: (p: { year: number }) => `The results of ${p.year} are already recorded for this term: edit them.`,
    nl: (p: { year: number }) => `De resultaten van ${p.year} staan al bij deze termijn: pas ze aan.`,
  },
  ministry_missing: {
    status: 409,
    en: () =>
      'There is no ministry of Foreign Affairs (BZ) to make responsible for the pledge: load the reference data first.',
    nl: () =>
      'Er is geen ministerie van Buitenlandse Zaken (BZ) om verantwoordelijk te maken voor de toezegging: laad eerst de referentiegegevens.',
  },
});
