/**
 * Who may do what with an instrument. An instrument's coordinators are those of its lead and its
 * coordinating organisation (the coordinating ministry, BZK, coordinates most); they edit the
 * instrument, its cycles, phases and derived-date overrides, start its reporting process and run
 * its consultations. Administrators may do all of it.
 */
import type { Actor } from '../core/actor.ts';
import { defineErrors } from '../core/errors.ts';
import { isAdmin, isCoordinatorOf } from '../core/policy.ts';

/** The facts of an instrument the rules look at, from a row or an API object. */
export interface InstrumentOwners {
  code?: string | null;
  leadOrganisationId: string | null;
  coordinatingOrganisationId: string | null;
}

/** Reads the owners from a database row of instruments (snake_case), or a row that joined them. */
export const ownersOfRow = (row: {
  code?: unknown;
  lead_organisation_id?: unknown;
  coordinating_organisation_id?: unknown;
}): InstrumentOwners => ({
  code: typeof row.code === 'string' ? row.code : null,
  leadOrganisationId: typeof row.lead_organisation_id === 'string' ? row.lead_organisation_id : null,
  coordinatingOrganisationId:
    typeof row.coordinating_organisation_id === 'string' ? row.coordinating_organisation_id : null,
});

export const instrumentErrors = defineErrors('instrument', {
  edit_forbidden: {
    status: 403,
    en: (p: { instrument: string }) =>
      `Only an administrator or a coordinator of the lead or coordinating organisation of ${p.instrument || 'this instrument'} may change it.`,
    nl: (p: { instrument: string }) =>
      `Alleen een beheerder of een coördinator van het leidende of coördinerende ministerie van ${p.instrument || 'dit verdrag'} mag dit wijzigen.`,
  },
});

export const instrumentPolicy = {
  /** Edit the instrument and what hangs off it (cycles, phases, overrides, process, consultations). */
  edit: (actor: Actor | null, i: InstrumentOwners): boolean =>
    isAdmin(actor) || isCoordinatorOf(actor, i.leadOrganisationId, i.coordinatingOrganisationId),
  /** Create instruments and monitoring bodies. */
  create: (actor: Actor | null): boolean => isAdmin(actor),
};

export function assertMayEditInstrument(actor: Actor, i: InstrumentOwners): void {
  if (!instrumentPolicy.edit(actor, i)) throw instrumentErrors.edit_forbidden({ instrument: i.code ?? '' });
}

/** What the current user may do with one instrument, sent with it to the browser app. */
export const instrumentAbilities = (actor: Actor | null, i: InstrumentOwners) => ({
  edit: instrumentPolicy.edit(actor, i),
});
