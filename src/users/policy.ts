/**
 * Who may manage user accounts: administrators. An administrator cannot take away their own
 * administrator role or disable their own account, so that there is always someone left to do it.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdmin } from '../core/policy.ts';
import type { Role } from '../shared/schema.ts';
import { userErrors } from './errors.ts';

export const userPolicy = {
  manage: (actor: Actor | null): boolean => isAdmin(actor),
  /** Whether a change of an account leaves the actor's own administrator rights as they are. */
  keepsOwnAdminRights: (
    actor: Actor,
    account: { id: string; role: Role },
    after: { role: Role; active: boolean },
  ): boolean =>
    !(actor.id === account.id && account.role === 'admin' && (after.role !== 'admin' || !after.active)),
};

export function assertMayManageUsers(actor: Actor): void {
  authorize(userPolicy.manage(actor), () => userErrors.manage_forbidden());
}

export function assertKeepsOwnAdminRights(
  actor: Actor,
  account: { id: string; role: Role },
  after: { role: Role; active: boolean },
): void {
  authorize(userPolicy.keepsOwnAdminRights(actor, account, after), () => userErrors.own_admin_role());
}
