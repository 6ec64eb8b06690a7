/**
 * The core every feature's policy (src/<feature>/policy.ts) is built on: who is acting, the
 * organisation they belong to, and the coordinating ministry. A policy is a set of pure functions
 * `(actor, object) => boolean`; services assert them with `authorize`, and responses carry them as
 * `abilities` so the browser app never re-decides a rule.
 */
import type { Actor } from './actor.ts';
import type { AppError } from './errors.ts';

/** The coordinating ministry: it chairs the network of treaty coordinators and coordinates all reporting. */
export const COORDINATING_MINISTRY_CODE = 'BZK';

export const isAdmin = (actor: Actor | null): boolean =>
  actor !== null && (actor.role === 'admin' || actor.role === 'system');

/** A coordinator of the coordinating ministry (BZK). */
export const isCoordinatingMinistry = (actor: Actor | null): boolean =>
  actor !== null && actor.role === 'coordinator' && actor.organisationCode === COORDINATING_MINISTRY_CODE;

/** An admin, or a coordinator of the coordinating ministry: the ones who may change what is shared by all. */
export const isAdminOrCoordinatingMinistry = (actor: Actor | null): boolean =>
  isAdmin(actor) || isCoordinatingMinistry(actor);

/** The actor belongs to the organisation (any role). */
export const belongsTo = (actor: Actor | null, organisationId: string | null | undefined): boolean =>
  actor !== null && Boolean(organisationId) && actor.organisationId === organisationId;

/** A coordinator of one of the organisations given. */
export const isCoordinatorOf = (
  actor: Actor | null,
  ...organisationIds: (string | null | undefined)[]
): boolean =>
  actor !== null &&
  actor.role === 'coordinator' &&
  organisationIds.some((id) => Boolean(id) && id === actor.organisationId);

export const isSignedIn = (actor: Actor | null): actor is Actor => actor !== null;

const RANK = { observer: 1, contributor: 2, coordinator: 3, admin: 4, system: 5 } as const;

/** The actor's role is the one given or a higher one. */
export const hasRole = (actor: Actor | null, role: 'observer' | 'contributor' | 'coordinator' | 'admin') =>
  actor !== null && RANK[actor.role] >= RANK[role];

/** Throws the error when the rule does not allow the action. */
export function authorize(allowed: boolean, error: () => AppError): asserts allowed {
  if (!allowed) throw error();
}
