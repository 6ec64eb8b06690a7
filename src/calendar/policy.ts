/**
 * Who manages which calendar feed: every signed-in user their own; a coordinator the feed of their
 * organisation; an administrator that of any organisation. Reading a feed needs only its secret link.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdmin, isCoordinatorOf } from '../core/policy.ts';
import { calendarErrors } from './errors.ts';

export const calendarPolicy = {
  /** Create, rotate or revoke one's own feed. */
  manageOwnFeed: (actor: Actor | null): boolean => actor !== null && actor.id !== null,
  /** Create, rotate or revoke the feed of an organisation. */
  manageOrganisationFeed: (actor: Actor | null, organisationId: string): boolean =>
    isAdmin(actor) || isCoordinatorOf(actor, organisationId),
};

/** The user whose own feed the actor manages. */
export function ownFeedUser(actor: Actor): string {
  const userId = actor.id;
  authorize(userId !== null && calendarPolicy.manageOwnFeed(actor), () =>
    calendarErrors.own_feed_forbidden(),
  );
  return userId;
}

export function assertMayManageOrganisationFeed(actor: Actor, organisationId: string): void {
  authorize(calendarPolicy.manageOrganisationFeed(actor, organisationId), () =>
    calendarErrors.organisation_feed_forbidden(),
  );
}
