/**
 * Who may do what with actions. An action belongs to its owner organisation: that organisation's
 * coordinators (and the coordinating ministry and administrators) create, change and delete it and
 * its indicators; moving it to another organisation needs that right on both. Members of the owner
 * organisation (contributors too) record measurements of its indicators and write progress on it.
 */
import type { Actor } from '../core/actor.ts';
import { belongsTo, hasRole, isAdminOrCoordinatingMinistry, isCoordinatorOf } from '../core/policy.ts';
import { followUpPolicy } from '../followup/policy.ts';

export interface ActionFacts {
  ownerOrganisationId: string;
}

export const actionPolicy = {
  /** Create an action owned by the organisation, or change or delete one it owns. */
  edit: (actor: Actor | null, a: ActionFacts): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, a.ownerOrganisationId),
  /** Record a measurement of one of its indicators. */
  measure: (actor: Actor | null, a: ActionFacts): boolean =>
    isAdminOrCoordinatingMinistry(actor) ||
    (hasRole(actor, 'contributor') && belongsTo(actor, a.ownerOrganisationId)),
};

export const actionAbilities = (actor: Actor | null, a: ActionFacts) => ({
  edit: actionPolicy.edit(actor, a),
  delete: actionPolicy.edit(actor, a),
  measure: actionPolicy.measure(actor, a),
  // Progress on an action follows the follow-up's rule, with the owner as the lead.
  addProgress: followUpPolicy.addProgress(actor, {
    leadOrganisationId: a.ownerOrganisationId,
    coResponsibleIds: [],
  }),
});
