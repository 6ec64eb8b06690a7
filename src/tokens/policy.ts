/**
 * Who may do what with access tokens. A user makes, lists and revokes their own tokens; an
 * administrator manages service accounts and their tokens. A token never raises rights: its
 * requests act as its user (src/tokens/auth.ts), so every other policy applies as usual.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdmin } from '../core/policy.ts';
import { tokenErrors } from './errors.ts';

/** The facts of a token a rule needs: its user, and whether that user is a service account. */
export interface TokenFacts {
  userId: string;
  serviceAccount: boolean;
}

export const tokenPolicy = {
  /** Any signed-in person makes tokens for themselves (the system and the command line have no tokens). */
  createOwn: (actor: Actor | null): boolean => actor !== null && actor.id !== null,
  manageServiceAccounts: (actor: Actor | null): boolean => isAdmin(actor) && actor?.id !== null,
  revoke: (actor: Actor | null, token: TokenFacts): boolean =>
    actor !== null &&
    actor.id !== null &&
    (token.userId === actor.id || (token.serviceAccount && isAdmin(actor))),
};

export function assertMayManageServiceAccounts(actor: Actor): void {
  authorize(tokenPolicy.manageServiceAccounts(actor), () => tokenErrors.manage_service_accounts_forbidden());
}

export function assertMayRevoke(actor: Actor, token: TokenFacts): void {
  authorize(tokenPolicy.revoke(actor, token), () => tokenErrors.revoke_forbidden());
}
