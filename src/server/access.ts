import type { Actor } from '../core/audit.ts';
import { forbidden } from '../core/errors.ts';

/**
 * Who may call a route. Every route declares one; a route without it is refused (deny by default).
 * - public: anyone, also without logging in (published data)
 * - signedIn: any signed-in user (observers read internal data)
 * - contributor / coordinator / admin: that role or a higher one
 */
export type Access = 'public' | 'signedIn' | 'contributor' | 'coordinator' | 'admin';

const RANK = { observer: 1, contributor: 2, coordinator: 3, admin: 4, system: 5 } as const;
const NEEDED = { public: 0, signedIn: 1, contributor: 2, coordinator: 3, admin: 4 } as const;

export function allows(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  return RANK[actor.role] >= NEEDED[access];
}

export const isAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'system';

/**
 * Coordinators edit what belongs to their organisation: an instrument whose lead or coordinating
 * organisation is theirs (the coordinating ministry thus edits all instruments it coordinates).
 */
export function assertMayEditInstrument(actor: Actor, instrument: Record<string, unknown>) {
  if (isAdmin(actor)) return;
  if (
    actor.role === 'coordinator' &&
    actor.organisationId &&
    (instrument.lead_organisation_id === actor.organisationId ||
      instrument.coordinating_organisation_id === actor.organisationId)
  ) {
    return;
  }
  throw forbidden(
    `Only an administrator or a coordinator of the lead or coordinating organisation of ${
      instrument.code ? `instrument ${String(instrument.code)}` : 'this instrument'
    } may change it.`,
  );
}
