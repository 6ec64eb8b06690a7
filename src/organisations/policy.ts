/**
 * Who may change the register of organisations (ministries, Kingdom countries, public bodies, ...):
 * administrators only. Everyone may read it.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdmin } from '../core/policy.ts';
import { organisationErrors } from './errors.ts';

export const organisationPolicy = {
  manage: (actor: Actor | null): boolean => isAdmin(actor),
};

export function assertMayManageOrganisations(actor: Actor): void {
  authorize(organisationPolicy.manage(actor), () => organisationErrors.manage_forbidden());
}
