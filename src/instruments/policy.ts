/**
 * Who may do what with an instrument. An instrument's coordinators are those of its lead and its
 * coordinating organisation (the coordinating ministry, BZK, coordinates most); they edit the
 * instrument, its cycles, phases and derived-date overrides, start its reporting process and run
 * its consultations. Administrators may do all of it.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdmin, isCoordinatorOf } from '../core/policy.ts';
import { instrumentErrors } from './errors.ts';
import type { InstrumentAbilities } from './schema.ts';

export { instrumentErrors };

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

export const instrumentPolicy = {
  /** Edit the instrument and what hangs off it (cycles, phases, overrides, process, consultations). */
  edit: (actor: Actor | null, i: InstrumentOwners): boolean =>
    isAdmin(actor) || isCoordinatorOf(actor, i.leadOrganisationId, i.coordinatingOrganisationId),
  /** Create instruments and monitoring bodies, and edit monitoring bodies. */
  create: (actor: Actor | null): boolean => isAdmin(actor),
  /** Hand an instrument to another lead or coordinating organisation. */
  reassign: (actor: Actor | null): boolean => isAdmin(actor),
};

export function assertMayEditInstrument(actor: Actor, i: InstrumentOwners): void {
  authorize(instrumentPolicy.edit(actor, i), () =>
    instrumentErrors.edit_forbidden({ instrument: i.code ?? '' }),
  );
}

export function assertMayCreateInstruments(actor: Actor): void {
  authorize(instrumentPolicy.create(actor), () => instrumentErrors.create_forbidden());
}

/** What the current user may do with one instrument, sent with it to the browser app. */
export const instrumentAbilities = (actor: Actor | null, i: InstrumentOwners): InstrumentAbilities => ({
  edit: instrumentPolicy.edit(actor, i),
});
