import crypto from 'node:crypto';
import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, systemActor, type Actor } from '../core/audit.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { getDummyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { Role } from '../shared/schema.ts';

export const SESSION_COOKIE = 'rd_session';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

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

export const actorOf = (u: SessionUser): Actor => ({
  id: u.id,
  label: u.email,
  role: u.role,
  organisationId: u.organisationId,
  organisationCode: u.organisationCode,
});

export async function login(
  db: Db,
  email: string,
  password: string,
  sessionHours: number,
): Promise<{ token: string; user: SessionUser }> {
  const r = await db.query<{
    id: string;
    email: string;
    name: string;
    role: Role;
    organisation_id: string | null;
    organisation_code: string | null;
    password_hash: string;
    active: boolean;
    must_change_password: boolean;
  }>(`select u.*, o.code as organisation_code
       from users u left join organisations o on o.id = u.organisation_id
      where lower(u.email) = lower($1)`, [email.trim()]);
  const u = r.rows[0];
  const ok = await verifyPassword(u?.password_hash ?? (await getDummyHash()), password);
  if (!u || !ok) {
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { ...systemActor(email.trim().slice(0, 320)) },
        {
          action: 'login_failed',
          entityType: 'session',
          entityId: u?.id ?? null,
        },
      ),
    );
    throw new AppError(
      401,
      'invalid_credentials',
      'The e-mail address or password is not correct. Check both and try again.',
    );
  }
  if (!u.active) {
    throw new AppError(
      403,
      'account_disabled',
      'This account has been disabled. Ask an administrator to enable it.',
    );
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const user: SessionUser = {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisation_id,
    organisationCode: u.organisation_code,
    mustChangePassword: u.must_change_password,
    csrfToken,
  };
  await db.transaction(async (tx) => {
    await tx.query('delete from sessions where expires_at < now()');
    await tx.query(
      `insert into sessions (id, user_id, csrf_token, expires_at)
       values ($1, $2, $3, now() + make_interval(hours => $4::int))`,
      [sha256(token), u.id, csrfToken, sessionHours],
    );
    await recordAudit(tx, actorOf(user), { action: 'login', entityType: 'session', entityId: u.id });
  });
  return { token, user };
}

export async function sessionUser(q: Queryable, token: string): Promise<SessionUser | null> {
  const r = await q.query<{
    id: string;
    email: string;
    name: string;
    role: Role;
    organisation_id: string | null;
    organisation_code: string | null;
    must_change_password: boolean;
    csrf_token: string;
  }>(
    `select u.id, u.email, u.name, u.role, u.organisation_id, o.code as organisation_code,
            u.must_change_password, s.csrf_token
       from sessions s join users u on u.id = s.user_id
       left join organisations o on o.id = u.organisation_id
      where s.id = $1 and s.expires_at > now() and u.active`,
    [sha256(token)],
  );
  const u = r.rows[0];
  if (!u) return null;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisationId: u.organisation_id,
    organisationCode: u.organisation_code,
    mustChangePassword: u.must_change_password,
    csrfToken: u.csrf_token,
  };
}

export async function logout(db: Db, token: string, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.query('delete from sessions where id = $1', [sha256(token)]);
    await recordAudit(tx, actor, { action: 'logout', entityType: 'session', entityId: actor.id });
  });
}

export async function changePassword(db: Db, actor: Actor, currentPassword: string, newPassword: string) {
  const r = await db.query<{ password_hash: string }>('select password_hash from users where id = $1', [
    actor.id,
  ]);
  if (!r.rows[0] || !(await verifyPassword(r.rows[0].password_hash, currentPassword))) {
    throw badRequest('Your current password is not correct.');
  }
  if (currentPassword === newPassword)
    throw badRequest('Choose a new password that differs from the current one.');
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.query(
      `update users set password_hash = $2, must_change_password = false, version = version + 1, updated_at = now()
       where id = $1`,
      [actor.id, hash],
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      before: { password: 'changed' },
      after: { password: 'changed', mustChangePassword: false },
    });
  });
}
