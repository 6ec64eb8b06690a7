/**
 * Who may do what with recommendations. Any coordinator imports new recommendations; changing
 * recommendations that exist (a re-import that turns a position from supported to noted, adds a
 * recommending state or a tag) is for the coordinating ministry and administrators. Mapping a
 * spelling that no taxonomy term knows is a taxonomy edit (src/taxonomy/policy.ts). Merging two
 * recommendations into one, and taking a source out again, changes what every ministry works from:
 * it is for the coordinating ministry and administrators too. A saved search is its owner's.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, hasRole, isAdminOrCoordinatingMinistry } from '../core/policy.ts';
import { recommendationErrors } from './errors.ts';

export const recommendationPolicy = {
  /** Import files: new recommendations from any source. */
  import: (actor: Actor | null): boolean => hasRole(actor, 'coordinator'),
  /** Let an import change recommendations stored before. */
  changeExisting: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
  /** Merge another recommendation into one: one record with the sources of both. */
  merge: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
  /** Take a source out of a recommendation again: back into the record it was merged from, or a new one. */
  split: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
  /** Delete a saved search: only the user who saved it. */
  deleteSavedSearch: (actor: Actor | null, search: { userId: string }): boolean =>
    actor !== null && actor.id === search.userId,
};

/** Refuses an import that would change `count` existing recommendations, unless the actor may. */
export function assertMayChangeExisting(actor: Actor, count: number): void {
  authorize(count === 0 || recommendationPolicy.changeExisting(actor), () =>
    recommendationErrors.import_changes_forbidden({ count }),
  );
}

/** The abilities sent with a recommendation. */
export const recommendationAbilities = (actor: Actor | null, sourceCount: number) => ({
  merge: recommendationPolicy.merge(actor),
  split: recommendationPolicy.split(actor) && sourceCount > 1,
});
