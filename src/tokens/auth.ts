/**
 * Authentication by personal access token: `Authorization: Bearer rd_...` on a request without a
 * session cookie. The token's hash is looked up; an unknown, expired or revoked token (or one of a
 * disabled user) is refused with 401. The request then acts as the token's user, labelled
 * "<user> (token: <name>)" so that every audited write names both. A read token may only read;
 * no token works on a route marked `sessionOnly` (signing in, passwords, tokens, accounts).
 */
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { recordEvent } from '../core/write.ts';
import { tokenErrors } from './errors.ts';
import type { TokenAuthRow } from './rows.ts';
import { hashToken, TOKEN_PREFIX } from './service.ts';

/** The token a request was authenticated by. */
export interface RequestToken {
  id: string;
  name: string;
  scope: 'read' | 'write';
  userId: string;
  mustChangePassword: boolean;
}

/** last_used_at is written at most this often per token, so that a busy script costs no write per request. */
const LAST_USED_EVERY_MS = 60_000;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The bearer token of a request, or null when it sends none (or a scheme other than Bearer). */
export function bearerOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** The actor of a token's request: the user's own actor, named with the token. */
const actorOf = (r: TokenAuthRow): Actor => ({
  id: r.user_id,
  label: `${r.email} (token: ${r.token_name})`,
  role: r.role,
  organisationId: r.organisation_id,
  organisationCode: r.organisation_code,
});

/**
 * Authenticates a bearer token; throws 401 when it does not hold. Returns the actor and the token.
 * The last use is recorded (not audited: it is a usage stamp, not a change of data) at most once a minute.
 */
export async function authenticateToken(
  db: Queryable,
  token: string,
): Promise<{ actor: Actor; token: RequestToken }> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw tokenErrors.invalid();
  const r = await db.query<TokenAuthRow>(
    `select t.id as token_id, t.name as token_name, t.scope, t.expires_at <= now() as expired,
            t.revoked_at is not null as revoked, t.last_used_at,
            u.id as user_id, u.email, u.name, u.role, u.organisation_id, o.code as organisation_code,
            u.active, u.must_change_password
       from access_tokens t join users u on u.id = t.user_id
       left join organisations o on o.id = u.organisation_id
      where t.token_hash = $1`,
    [hashToken(token)],
  );
  const row = r.rows[0];
  if (!row || row.expired || row.revoked || !row.active) throw tokenErrors.invalid();
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() >= LAST_USED_EVERY_MS) {
    await db.query(
      `update access_tokens set last_used_at = now()
        where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      [row.token_id],
    );
  }
  return {
    actor: actorOf(row),
    token: {
      id: row.token_id,
      name: row.token_name,
      scope: row.scope,
      userId: row.user_id,
      mustChangePassword: row.must_change_password,
    },
  };
}

/** What a token may not do on this route: a session-only route, or a write with a read token. */
export function assertTokenMay(req: FastifyRequest, token: RequestToken): void {
  if (req.routeOptions.config.sessionOnly) throw tokenErrors.session_only();
  if (UNSAFE.has(req.method) && token.scope !== 'write') throw tokenErrors.read_only();
}

/**
 * Every call made with a token is on record, answered or refused: its user and token (the actor's
 * label), the method, the route and the status of the answer. A write's own audit rows come on top.
 */
export async function recordTokenCall(db: Queryable, req: FastifyRequest, status: number): Promise<void> {
  if (!req.accessToken || !req.actor) return;
  await recordEvent(db, req.actor, {
    action: 'token_call',
    entityType: 'access_token',
    entityId: req.accessToken.id,
    after: { method: req.method, route: req.routeOptions.url ?? req.url.split('?')[0], status },
  });
}
