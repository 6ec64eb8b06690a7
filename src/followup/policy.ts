/**
 * Who may do what in the follow-up of a recommendation. The lead organisation's coordinators and the
 * coordinating ministry (and administrators) decide who is responsible; the coordinators of any
 * responsible organisation (lead or co-responsible) record the position; their members (contributors
 * and coordinators) write progress, which a coordinator of a responsible organisation or of the
 * coordinating ministry approves, never the author.
 */
import type { Actor } from '../core/actor.ts';
import {
  belongsTo,
  hasRole,
  isAdminOrCoordinatingMinistry,
  isCoordinatingMinistry,
  isCoordinatorOf,
} from '../core/policy.ts';

/** Who is responsible for a recommendation. */
export interface Responsible {
  leadOrganisationId: string | null;
  coResponsibleIds: readonly string[];
}
/** A progress update as the rules see it. */
export interface ProgressFacts {
  createdBy: string;
  state: 'draft' | 'approved';
}

const responsibleIds = (r: Responsible) => [r.leadOrganisationId, ...r.coResponsibleIds];

export const followUpPolicy = {
  /** Change the lead organisation: assign or hand over. */
  changeLead: (actor: Actor | null, r: Responsible): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, r.leadOrganisationId),
  /** Change co-responsible organisations and the Kingdom countries concerned. */
  editResponsibility: (actor: Actor | null, r: Responsible): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, r.leadOrganisationId),
  /** Record the government's position. */
  editPosition: (actor: Actor | null, r: Responsible): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, ...responsibleIds(r)),
  /** Write a progress update (a draft). */
  addProgress: (actor: Actor | null, r: Responsible): boolean =>
    isAdminOrCoordinatingMinistry(actor) ||
    (hasRole(actor, 'contributor') && responsibleIds(r).some((id) => belongsTo(actor, id))),
  /** Change or delete a progress update: its author, while it is a draft. */
  editProgress: (actor: Actor | null, u: ProgressFacts): boolean =>
    actor !== null && u.state === 'draft' && actor.id === u.createdBy,
  /** Approve a draft: a coordinator of a responsible organisation or of the coordinating ministry, not its author. */
  approveProgress: (actor: Actor | null, u: ProgressFacts, r: Responsible): boolean =>
    actor !== null &&
    u.state === 'draft' &&
    actor.id !== u.createdBy &&
    (isCoordinatingMinistry(actor) || isCoordinatorOf(actor, ...responsibleIds(r))),
  /** Publish the follow-up (position, approved progress) or withdraw it: the lead's coordinators, the coordinating ministry, administrators. */
  publish: (actor: Actor | null, r: Pick<Responsible, 'leadOrganisationId'>): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, r.leadOrganisationId),
};

/** The abilities sent with a recommendation's follow-up. */
export const followUpAbilities = (actor: Actor | null, r: Responsible) => ({
  editPosition: followUpPolicy.editPosition(actor, r),
  editResponsibility: followUpPolicy.editResponsibility(actor, r),
  changeLead: followUpPolicy.changeLead(actor, r),
  addProgress: followUpPolicy.addProgress(actor, r),
  publishFollowUp: followUpPolicy.publish(actor, r),
});

/** The abilities sent with a progress update. */
export const progressAbilities = (actor: Actor | null, u: ProgressFacts, r: Responsible) => ({
  edit: followUpPolicy.editProgress(actor, u),
  delete: followUpPolicy.editProgress(actor, u),
  approve: followUpPolicy.approveProgress(actor, u, r),
});
