/**
 * Who may do what with a cluster of recommendations: it belongs to its owner organisation, whose
 * coordinators (and the coordinating ministry and administrators) create, change and delete it and
 * choose its members; moving it to another organisation needs that right on both.
 */
import type { Actor } from '../core/actor.ts';
import { isAdminOrCoordinatingMinistry, isCoordinatorOf } from '../core/policy.ts';
import { followUpPolicy } from '../followup/policy.ts';

export const clusterPolicy = {
  edit: (actor: Actor | null, c: { ownerOrganisationId: string }): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, c.ownerOrganisationId),
};

export const clusterAbilities = (actor: Actor | null, c: { ownerOrganisationId: string }) => ({
  edit: clusterPolicy.edit(actor, c),
  delete: clusterPolicy.edit(actor, c),
  // Progress on a cluster follows the follow-up's rule, with the owner as the lead.
  addProgress: followUpPolicy.addProgress(actor, {
    leadOrganisationId: c.ownerOrganisationId,
    coResponsibleIds: [],
  }),
});
