import type { FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.ts';
import { hasRole } from '../core/policy.ts';
import { unauthenticated } from '../core/errors.ts';

/**
 * Who may call a route. Every route declares one; a route without it is refused (deny by default).
 * - public: anyone, also without logging in (published data)
 * - signedIn: any signed-in user (observers read internal data)
 * - contributor / coordinator / admin: that role or a higher one
 * Finer, object-level rules live in each feature's policy.ts.
 */
export type Access = 'public' | 'signedIn' | 'contributor' | 'coordinator' | 'admin';

export function allows(access: Access, actor: Actor | null): boolean {
  if (access === 'public') return true;
  if (access === 'signedIn') return actor !== null;
  return hasRole(actor, access);
}

/**
 * The signed-in actor of a guarded route (access other than public). The access check has run
 * before the handler, so this throws only when a route is declared public by mistake.
 */
export function signedInActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
