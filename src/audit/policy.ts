/** Who may read the audit trail: administrators. Nobody may change it (there is no route for it). */
import type { Actor } from '../core/actor.ts';
import { isAdmin } from '../core/policy.ts';

export const auditPolicy = {
  view: (actor: Actor | null): boolean => isAdmin(actor),
};
