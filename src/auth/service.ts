import crypto from 'node:crypto';
import type { Db, Queryable } from '../core/db.ts';
import { systemActor, type Actor } from '../core/actor.ts';
import { unauthenticated } from '../core/errors.ts';
import { getRow, recordEvent, updateRow } from '../core/write.ts';
import { userTable } from '../users/service.ts';
import type { UserRow } from '../users/rows.ts';
import { authErrors } from './errors.ts';
import { getDummyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { Role } from '../shared/schema.ts';
import type { ChangePasswordBody } from './schema.ts';
import { assertStrongPassword } from './password-policy.ts';
import { endSessions, sessionId } from './sessions.ts';

export const SESSION_COOKIE = 'rd_session';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationCode: string | null;
  mustChangePassword: boolean;
  csrfToken: string;
}

/** A user with the code of their organisation, as a login reads them. */
interface LoginRow extends UserRow {
  organisation_code: string | null;
  /** A service account (src/tokens) never signs in with a password. */
  service_account: boolean;
}

/** A session with its user, as each request reads it. */
interface SessionRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  organisation_code: string | null;
  must_change_password: boolean;
  csrf_token: string;
}

export const actorOf = (u: SessionUser): Actor => ({
  id: u.id,
  label: u.email,
  role: u.role,
  organisationId: u.organisationId,
  organisationCode: u.organisationCode,
});

const sessionUserOf = (u: SessionRow): SessionUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organisationId: u.organisation_id,
  organisationCode: u.organisation_code,
  mustChangePassword: u.must_change_password,
  csrfToken: u.csrf_token,
});

/**
 * Signs a user in: a new session (its token goes into the cookie, only its hash is stored) and a
 * login event. A failed attempt is recorded too, under the e-mail address that was tried.
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  sessionHours: number,
): Promise<{ token: string; user: SessionUser }> {
  const r = await db.query<LoginRow>(
    `select u.*, o.code as organisation_code
       from users u left join organisations o on o.id = u.organisation_id
      where lower(u.email) = lower($1)`,
    [email.trim()],
  );
  const u = r.rows[0];
  const ok = await verifyPassword(u?.password_hash ?? (await getDummyHash()), password);
  if (!u || !ok || u.service_account) {
    await db.transaction((tx) =>
      recordEvent(tx, systemActor(email.trim().slice(0, 320)), {
        action: 'login_failed',
        entityType: 'session',
        entityId: u?.id ?? null,
      }),
    );
    throw authErrors.invalid_credentials();
  }
  if (!u.active) throw authErrors.account_disabled();
  const token = crypto.randomBytes(32).toString('base64url');
  const user = sessionUserOf({ ...u, csrf_token: crypto.randomBytes(24).toString('base64url') });
  await db.transaction(async (tx) => {
    await tx.query('delete from sessions where expires_at < now()');
    await tx.query(
      `insert into sessions (id, user_id, csrf_token, expires_at)
       values ($1, $2, $3, now() + make_interval(hours => $4::int))`,
      [sessionId(token), u.id, user.csrfToken, sessionHours],
    );
    await recordEvent(tx, actorOf(user), { action: 'login', entityType: 'session', entityId: u.id });
  });
  return { token, user };
}

export async function sessionUser(q: Queryable, token: string): Promise<SessionUser | null> {
  const r = await q.query<SessionRow>(
    `select u.id, u.email, u.name, u.role, u.organisation_id, o.code as organisation_code,
            u.must_change_password, s.csrf_token
       from sessions s join users u on u.id = s.user_id
       left join organisations o on o.id = u.organisation_id
      where s.id = $1 and s.expires_at > now() and u.active`,
    [sessionId(token)],
  );
  return r.rows[0] ? sessionUserOf(r.rows[0]) : null;
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('delete from sessions where id = $1', [sessionId(token)]);
    await recordEvent(tx, actor, { action: 'logout', entityType: 'session', entityId: actor.id });
  });
}

/**
 * Changes the signed-in user's own password; it is no longer a one-time password. Every other
 * session of the user ends (the one that made the change stays).
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  change: ChangePasswordBody,
  currentSessionToken: string,
): Promise<void> {
  const id = actor.id;
  if (!id) throw unauthenticated();
  const current = await getRow(db, userTable, id);
  if (!(await verifyPassword(current.password_hash, change.currentPassword)))
    throw authErrors.wrong_current_password();
  if (change.currentPassword === change.newPassword) throw authErrors.same_password();
  assertStrongPassword(change.newPassword, [current.email, current.name]);
  const hash = await hashPassword(change.newPassword);
  await db.transaction(async (tx) => {
    const row = await getRow(tx, userTable, id, true);
    await updateRow(tx, actor, userTable, id, {
      version: row.version,
      passwordHash: hash,
      mustChangePassword: false,
    });
    await endSessions(tx, id, currentSessionToken);
  });
}
