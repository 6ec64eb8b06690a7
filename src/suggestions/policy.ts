/**
 * Who may decide on suggested tags. Accepting a suggestion adds a tag to a recommendation that
 * exists: that is changing an existing recommendation, which is for the coordinating ministry and
 * administrators (src/recommendations/policy.ts changeExisting). Rejecting one is the same
 * decision the other way round, so it follows the same rule. Anyone signed in may see the
 * suggestions.
 */
import type { Actor } from '../core/actor.ts';
import { authorize } from '../core/policy.ts';
import { recommendationPolicy } from '../recommendations/policy.ts';
import { suggestionErrors } from './errors.ts';

export const suggestionPolicy = {
  /** Accept or reject a suggested tag of a recommendation (and tag an import's recommendations in bulk). */
  decide: (actor: Actor | null): boolean => recommendationPolicy.changeExisting(actor),
};

export function assertMayDecide(actor: Actor): void {
  authorize(suggestionPolicy.decide(actor), () => suggestionErrors.decide_forbidden());
}

/** The abilities sent with the suggestions. */
export const suggestionAbilities = (actor: Actor | null) => ({ decide: suggestionPolicy.decide(actor) });
