/**
 * Who may do what with the Human Rights Council membership: Foreign Affairs (BZ) leads it, so BZ's
 * coordinators, the coordinating ministry's (BZK) and administrators edit; every signed-in user reads.
 */
import type { Actor } from '../core/actor.ts';
import { isAdminOrCoordinatingMinistry } from '../core/policy.ts';

export const HRC_MINISTRY_CODE = 'BZ';

export const hrcPolicy = {
  edit: (actor: Actor | null): boolean =>
    isAdminOrCoordinatingMinistry(actor) ||
    (actor !== null && actor.role === 'coordinator' && actor.organisationCode === HRC_MINISTRY_CODE),
};

export const hrcAbilities = (actor: Actor | null) => ({ edit: hrcPolicy.edit(actor) });
