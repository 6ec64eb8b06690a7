import type { Db, Queryable } from '../core/db.ts';
import { recordAudit, systemActor, type Actor } from '../core/audit.ts';
import { badRequest, fromDbError, notFound, staleEdit } from '../core/errors.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import type { Page, Role } from '../shared/schema.ts';
import type { User } from './schema.ts';

const COLUMNS = `id, email, name, role, organisation_id, active, must_change_password, version, created_at, updated_at`;
const toUser = (row: Record<string, unknown>) => camelize<User>(row);

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  organisationId?: string | null;
  password: string;
  mustChangePassword?: boolean;
}

async function checkOrganisation(q: Queryable, role: Role, organisationId: string | null | undefined) {
  if (role === 'coordinator' && !organisationId) {
    throw badRequest('A coordinator belongs to one organisation: choose the organisation.');
  }
  if (organisationId) {
    const r = await q.query<{ valid_to: string | null }>(
      'select valid_to::text from organisations where id = $1',
      [organisationId],
    );
    if (!r.rows[0]) throw badRequest(`No organisation with id "${organisationId}" exists.`);
  }
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<User> {
  const hash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      await checkOrganisation(tx, input.role, input.organisationId);
      const exists = await tx.query('select 1 from users where lower(email) = lower($1)', [input.email]);
      if (exists.rowCount) throw badRequest(`A user with e-mail address ${input.email} already exists.`);
      const r = await tx.query<Record<string, unknown>>(
        `insert into users (email, name, password_hash, role, organisation_id, must_change_password)
       values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
        [
          input.email.trim(),
          input.name.trim(),
          hash,
          input.role,
          input.organisationId ?? null,
          input.mustChangePassword ?? false,
        ],
      );
      const user = toUser(r.rows[0]!);
      await recordAudit(tx, actor, { action: 'create', entityType: 'user', entityId: user.id, after: user });
      return user;
    })
    .catch((err) => {
      throw fromDbError(err) ?? err;
    });
}

export async function listUsers(
  q: Queryable,
  opts: { page: number; pageSize: number; role?: Role | undefined; q?: string | undefined },
): Promise<Page<User>> {
  const where = new Where()
    .addIf(opts.role, 'role = ?', opts.role)
    .addIf(opts.q, '(email ilike ? or name ilike ?)', `%${opts.q}%`, `%${opts.q}%`);
  return pageOf(q, {
    select: COLUMNS,
    from: 'users',
    where,
    orderBy: 'lower(email)',
    page: opts.page,
    pageSize: opts.pageSize,
    map: toUser,
  });
}

export async function getUser(q: Queryable, id: string): Promise<User> {
  const r = await q.query<Record<string, unknown>>(`select ${COLUMNS} from users where id = $1`, [id]);
  if (!r.rows[0]) throw notFound('user', id);
  return toUser(r.rows[0]);
}

export async function findUserByEmail(q: Queryable, email: string): Promise<User | null> {
  const r = await q.query<Record<string, unknown>>(
    `select ${COLUMNS} from users where lower(email) = lower($1)`,
    [email],
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

export interface UserChange {
  version: number;
  name?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | null | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

export async function updateUser(db: Db, actor: Actor, id: string, change: UserChange): Promise<User> {
  const hash = change.password ? await hashPassword(change.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await tx.query<Record<string, unknown>>(
      `select ${COLUMNS} from users where id = $1 for update`,
      [id],
    );
    if (!before.rows[0]) throw notFound('user', id);
    const old = toUser(before.rows[0]);
    if (old.version !== change.version) throw staleEdit('user', old.version, change.version);
    const role = change.role ?? old.role;
    const org = change.organisationId === undefined ? old.organisationId : change.organisationId;
    await checkOrganisation(tx, role, org);
    if (actor.id === id && (role !== 'admin' || change.active === false) && old.role === 'admin') {
      throw badRequest(
        'You cannot remove your own administrator role or disable your own account: ask another administrator.',
      );
    }
    const r = await tx.query<Record<string, unknown>>(
      `update users set name = $2, role = $3, organisation_id = $4, active = $5,
              password_hash = coalesce($6, password_hash),
              must_change_password = case when $6::text is null then must_change_password else true end,
              version = version + 1, updated_at = now()
        where id = $1 returning ${COLUMNS}`,
      [id, change.name ?? old.name, role, org, change.active ?? old.active, hash ?? null],
    );
    const user = toUser(r.rows[0]!);
    if (change.active === false) await tx.query('delete from sessions where user_id = $1', [id]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: old,
      after: hash ? { ...user, password: 'reset' } : user,
    });
    return user;
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
