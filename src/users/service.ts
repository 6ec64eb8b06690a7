import type { Db, Queryable } from '../core/db.ts';
import { systemActor, type Actor } from '../core/actor.ts';
import { fromDbError, staleEdit } from '../core/errors.ts';
import { getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { Where, pageOf } from '../core/sql.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import { endSessions } from '../auth/sessions.ts';
import type { Page, Role } from '../shared/schema.ts';
import { userErrors } from './errors.ts';
import { assertKeepsOwnAdminRights, assertMayManageUsers } from './policy.ts';
import { presentUser } from './presenter.ts';
import type { UserRow } from './rows.ts';
import type { User, UserCreate, UserQuery, UserUpdate } from './schema.ts';

/** The columns of an account that are written (the password only as its hash). */
export interface UserWrite {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  organisationId: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

export const userTable: TableSpec<UserRow, UserWrite> = {
  table: 'users',
  entity: 'user',
  writable: ['email', 'name', 'passwordHash', 'role', 'organisationId', 'active', 'mustChangePassword'],
};

/** A new account; a one-time password must be changed at first login. */
export type NewUser = UserCreate & { mustChangePassword?: boolean };

async function checkOrganisation(q: Queryable, role: Role, organisationId: string | null | undefined) {
  if (role === 'coordinator' && !organisationId) throw userErrors.organisation_required();
  if (organisationId) {
    const r = await q.query('select 1 from organisations where id = $1', [organisationId]);
    if (!r.rowCount) throw userErrors.organisation_unknown({ id: organisationId });
  }
}

/**
 * Creates an account. One made by an administrator always has a one-time password, to be changed
 * at first login; the command line and the system say so themselves (`mustChangePassword`).
 */
export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<User> {
  assertMayManageUsers(actor);
  assertStrongPassword(input.password, [input.email, input.name]);
  const hash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      await checkOrganisation(tx, input.role, input.organisationId);
      const exists = await tx.query('select 1 from users where lower(email) = lower($1)', [input.email]);
      if (exists.rowCount) throw userErrors.email_taken({ email: input.email });
      const row = await insertRow(tx, actor, userTable, {
        email: input.email.trim(),
        name: input.name.trim(),
        passwordHash: hash,
        role: input.role,
        organisationId: input.organisationId ?? null,
        mustChangePassword: actor.id !== null || (input.mustChangePassword ?? false),
      });
      return presentUser(row);
    })
    .catch((err: unknown) => {
      throw fromDbError(err) ?? err;
    });
}

export async function listUsers(q: Queryable, opts: UserQuery): Promise<Page<User>> {
  const where = new Where()
    .addIf(opts.role, 'role = ?', opts.role)
    .addIf(opts.q, '(email ilike ? or name ilike ?)', `%${opts.q}%`, `%${opts.q}%`);
  return pageOf(q, {
    select: '*',
    from: 'users',
    where,
    orderBy: 'lower(email)',
    page: opts.page,
    pageSize: opts.pageSize,
    map: (r: UserRow) => presentUser(r),
  });
}

export async function getUser(q: Queryable, id: string): Promise<User> {
  return presentUser(await getRow(q, userTable, id));
}

export async function findUserByEmail(q: Queryable, email: string): Promise<User | null> {
  const r = await q.query<UserRow>('select * from users where lower(email) = lower($1)', [email]);
  return r.rows[0] ? presentUser(r.rows[0]) : null;
}

/**
 * Changes an account. A new password is a one-time password: the user must change it at the next
 * login, and every session of the user ends. A disabled account loses its sessions at once.
 */
export async function updateUser(db: Db, actor: Actor, id: string, change: UserUpdate): Promise<User> {
  assertMayManageUsers(actor);
  if (change.password) {
    const user = await getRow(db, userTable, id);
    assertStrongPassword(change.password, [user.email, user.name]);
  }
  const hash = change.password ? await hashPassword(change.password) : undefined;
  return db.transaction(async (tx) => {
    const old = await getRow(tx, userTable, id, true);
    if (old.version !== change.version) throw staleEdit('user', old.version, change.version);
    const role = change.role ?? old.role;
    const organisationId = change.organisationId === undefined ? old.organisation_id : change.organisationId;
    await checkOrganisation(tx, role, organisationId);
    assertKeepsOwnAdminRights(actor, old, { role, active: change.active ?? old.active });
    const row = await updateRow(tx, actor, userTable, id, {
      version: change.version,
      name: change.name,
      role: change.role,
      organisationId: change.organisationId,
      active: change.active,
      ...(hash ? { passwordHash: hash, mustChangePassword: true } : {}),
    });
    if (change.active === false || hash) await endSessions(tx, id);
    return presentUser(row);
  });
}

/**
 * On a database without users, creates the first administrator with a one-time password
 * that must be changed at first login. Returns the credentials to print once, or null.
 */
export async function ensureFirstAdmin(db: Db, email = 'admin@rightsdesk.local') {
  const n = await db.query<{ n: number }>('select count(*)::int as n from users');
  if ((n.rows[0]?.n ?? 0) > 0) return null;
  const password = generatePassword();
  const user = await createUser(db, systemActor('first start'), {
    email,
    name: 'Administrator',
    role: 'admin',
    password,
    mustChangePassword: true,
  });
  return { email: user.email, password };
}
