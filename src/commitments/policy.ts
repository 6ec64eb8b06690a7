/**
 * Who may do what with commitments to parliament. A commitment belongs to its responsible
 * organisation: that organisation's coordinators (and the coordinating ministry and administrators)
 * create, change, close and link it. Every signed-in user reads the register; the public does not.
 */
import type { Actor } from '../core/actor.ts';
import { hasRole, isAdminOrCoordinatingMinistry, isCoordinatorOf } from '../core/policy.ts';

export interface CommitmentFacts {
  organisationId: string;
}

export const commitmentPolicy = {
  edit: (actor: Actor | null, c: CommitmentFacts): boolean =>
    isAdminOrCoordinatingMinistry(actor) || isCoordinatorOf(actor, c.organisationId),
  /** Import the Tweede Kamer's records: they are assigned per ministry, so any coordinator may. */
  import: (actor: Actor | null): boolean =>
    isAdminOrCoordinatingMinistry(actor) || hasRole(actor, 'coordinator'),
  /** Create a commitment for some organisation (the service checks the one chosen). */
  create: (actor: Actor | null): boolean =>
    isAdminOrCoordinatingMinistry(actor) || hasRole(actor, 'coordinator'),
};

export const commitmentAbilities = (actor: Actor | null, c: CommitmentFacts) => {
  const edit = commitmentPolicy.edit(actor, c);
  return { edit, setStatus: edit, link: edit };
};
