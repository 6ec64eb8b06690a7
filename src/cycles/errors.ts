import { defineErrors } from '../core/errors.ts';

/** Errors of reporting cycles, their phases and the overrides of derived due dates. */
export const cycleErrors = defineErrors('cycle', {
  instrument_missing: {
    status: 400,
    en: (p: { id: string }) => `No instrument with id "${p.id}" exists.`,
    nl: (p: { id: string }) => `Er bestaat geen verdrag met id "${p.id}". Kies een verdrag uit de lijst.`,
  },
  sequence_taken: {
    status: 409,
    en: (p: { sequence: number }) =>
      `This instrument already has a cycle with sequence number ${p.sequence}.`,
    nl: (p: { sequence: number }) =>
      `Dit verdrag heeft al een rapportagecyclus met volgnummer ${p.sequence}. Kies een ander volgnummer.`,
  },
  has_documents: {
    status: 409,
    en: () => 'Documents still belong to this cycle: move or delete them first.',
    nl: () => 'Er horen nog documenten bij deze cyclus. Verplaats of verwijder die eerst.',
  },
  phase_exists: {
    status: 409,
    en: (p: { kind: string }) => `This cycle already has a "${p.kind}" phase: edit that one instead.`,
    nl: (p: { kind: string }) =>
      `Deze cyclus heeft al een fase "${p.kind}". Wijzig die fase in plaats daarvan.`,
  },
  phases_out_of_order: {
    status: 400,
    en: (p: { earlier: string; earlierDate: string; later: string; laterDate: string }) =>
      `The dates are out of order: "${p.later}" (${p.laterDate}) cannot come before "${p.earlier}" (${p.earlierDate}). Correct one of the two dates.`,
    nl: (p: { earlier: string; earlierDate: string; later: string; laterDate: string }) =>
      `De datums staan in de verkeerde volgorde: "${p.later}" (${p.laterDate}) kan niet vóór "${p.earlier}" (${p.earlierDate}) liggen. Corrigeer een van beide datums.`,
  },
  nothing_to_override: {
    status: 400,
    en: (p: { kind: string }) =>
      `No rule derives a "${p.kind}" date for this cycle, so there is nothing to override. ` +
      'Record the date as a phase of the cycle instead.',
    nl: (p: { kind: string }) =>
      `Voor deze cyclus wordt geen datum "${p.kind}" afgeleid, dus er valt niets aan te passen. ` +
      'Leg de datum in plaats daarvan vast als fase van de cyclus.',
  },
  override_not_found: {
    status: 404,
    en: (p: { kind: string; cycleId: string }) =>
      `No override of "${p.kind}" for cycle with id "${p.cycleId}" exists. Check the id or pick one from the list.`,
    nl: (p: { kind: string; cycleId: string }) =>
      `Deze cyclus heeft geen aangepaste datum voor "${p.kind}". Herlaad de pagina.`,
  },
});
