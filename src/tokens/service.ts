/**
 * Personal access tokens: made for oneself (or by an administrator for a service account, see
 * service-accounts.ts), listed and revoked. Only the SHA-256 of a token is stored; the token is
 * returned once, by the create call. Every write goes through src/core/write.ts (audited; the hash
 * is redacted there like every field named after a token).
 */
import crypto from 'node:crypto';
import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { addDays, today } from '../core/dates.ts';
import { unauthenticated } from '../core/errors.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { tokenErrors } from './errors.ts';
import { assertMayRevoke, tokenPolicy } from './policy.ts';
import type { AccessTokenRow } from './rows.ts';
import {
  MAX_TOKEN_DAYS,
  type AccessToken,
  type CreatedAccessToken,
  type TokenCreate,
  type TokenList,
} from './schema.ts';

/** The columns of a token that are written. */
export interface AccessTokenWrite {
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  scope: 'read' | 'write';
  expiresAt: string;
  createdBy: string | null;
  revokedAt: string;
}

export const accessTokenTable: TableSpec<AccessTokenRow, AccessTokenWrite> = {
  table: 'access_tokens',
  entity: 'access_token',
  writable: ['userId', 'name', 'tokenHash', 'prefix', 'scope', 'expiresAt', 'createdBy', 'revokedAt'],
};

/** Every token starts so, which tells it apart from a session token (and lets secret scanners find it). */
export const TOKEN_PREFIX = 'rd_';

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, 7) };
}

export function presentToken(row: AccessTokenRow, actor: Actor, serviceAccount = false): AccessToken {
  const now = Date.now();
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
    status: row.revoked_at ? 'revoked' : new Date(row.expires_at).getTime() <= now ? 'expired' : 'active',
    version: row.version,
    abilities: {
      revoke: !row.revoked_at && tokenPolicy.revoke(actor, { userId: row.user_id, serviceAccount }),
    },
  };
}

/** The expiry date must lie from today up to a year ahead; the token works until the end of that day. */
function checkExpiry(expiresOn: string): void {
  const from = today();
  const to = addDays(from, MAX_TOKEN_DAYS - 1);
  if (expiresOn < from || expiresOn > to) throw tokenErrors.expiry_out_of_range({ from, to });
}

/**
 * Makes a token for a user, in the caller's transaction (the caller has checked that the actor may).
 * Returns the token itself, once.
 */
export async function insertToken(
  tx: Queryable,
  actor: Actor,
  userId: string,
  input: TokenCreate,
  serviceAccount = false,
): Promise<CreatedAccessToken> {
  checkExpiry(input.expiresOn);
  const end = await tx.query<{ at: string }>(
    `select (($1::date + 1)::timestamp at time zone 'Europe/Amsterdam') as at`,
    [input.expiresOn],
  );
  const { token, hash, prefix } = newToken();
  const row = await insertRow(tx, actor, accessTokenTable, {
    userId,
    name: input.name.trim(),
    tokenHash: hash,
    prefix,
    scope: input.scope,
    expiresAt: end.rows[0]!.at,
    createdBy: actor.id,
  });
  return { ...presentToken(row, actor, serviceAccount), token };
}

/** A token for the signed-in user themselves. */
export async function createOwnToken(db: Db, actor: Actor, input: TokenCreate): Promise<CreatedAccessToken> {
  const userId = actor.id;
  if (!userId || !tokenPolicy.createOwn(actor)) throw unauthenticated();
  return db.transaction((tx) => insertToken(tx, actor, userId, input));
}

/** The signed-in user's own tokens, newest first (revoked and expired ones too, marked so). */
export async function listOwnTokens(q: Queryable, actor: Actor): Promise<TokenList> {
  const r = await q.query<AccessTokenRow>(
    'select * from access_tokens where user_id = $1 order by created_at desc, id',
    [actor.id],
  );
  return {
    items: r.rows.map((row) => presentToken(row, actor)),
    abilities: {
      create: tokenPolicy.createOwn(actor),
      manageServiceAccounts: tokenPolicy.manageServiceAccounts(actor),
    },
  };
}

/** Revokes a token the actor saw at `version`: from now on it is refused with 401. */
export async function revokeToken(db: Db, actor: Actor, id: string, version: number): Promise<AccessToken> {
  return db.transaction(async (tx) => {
    const token = await getRow(tx, accessTokenTable, id, true);
    const owner = await tx.query<{ service_account: boolean }>(
      'select service_account from users where id = $1',
      [token.user_id],
    );
    const serviceAccount = owner.rows[0]?.service_account ?? false;
    assertMayRevoke(actor, { userId: token.user_id, serviceAccount });
    if (token.revoked_at) throw tokenErrors.already_revoked();
    const now = await tx.query<{ at: string }>('select now() as at');
    const row = await updateRow(tx, actor, accessTokenTable, id, { version, revokedAt: now.rows[0]!.at });
    return presentToken(row, actor, serviceAccount);
  });
}
