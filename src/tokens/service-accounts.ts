/**
 * Service accounts: users of an organisation that scripts and integrations act as through their
 * tokens. They never sign in with a password (the login refuses them; their password hash is of
 * random bytes nobody knows). Only an administrator makes them and their tokens.
 */
import crypto from 'node:crypto';
import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { insertRow, type TableSpec } from '../core/write.ts';
import { hashPassword } from '../auth/passwords.ts';
import { userErrors } from '../users/errors.ts';
import { tokenErrors } from './errors.ts';
import { assertMayManageServiceAccounts } from './policy.ts';
import type { AccessTokenRow, ServiceAccountRow } from './rows.ts';
import type {
  CreatedAccessToken,
  ServiceAccount,
  ServiceAccountCreate,
  ServiceAccountList,
  TokenCreate,
} from './schema.ts';
import { insertToken, presentToken } from './service.ts';

interface ServiceAccountWrite {
  email: string;
  name: string;
  passwordHash: string;
  role: ServiceAccountRow['role'];
  organisationId: string;
  serviceAccount: boolean;
}

/** The users table as a service account is written to it (audited as a user). */
const serviceAccountTable: TableSpec<ServiceAccountRow, ServiceAccountWrite> = {
  table: 'users',
  entity: 'user',
  writable: ['email', 'name', 'passwordHash', 'role', 'organisationId', 'serviceAccount'],
};

const SELECT = `select u.id, u.name, u.role, u.organisation_id, o.code as organisation_code, u.active, u.created_at
                  from users u left join organisations o on o.id = u.organisation_id
                 where u.service_account`;

async function present(q: Queryable, actor: Actor, rows: ServiceAccountRow[]): Promise<ServiceAccount[]> {
  const ids = rows.map((r) => r.id);
  const tokens = ids.length
    ? await q.query<AccessTokenRow>(
        'select * from access_tokens where user_id = any($1::uuid[]) order by created_at desc, id',
        [ids],
      )
    : { rows: [] as AccessTokenRow[] };
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    organisationId: r.organisation_id,
    organisationCode: r.organisation_code,
    active: r.active,
    createdAt: r.created_at,
    tokens: tokens.rows.filter((t) => t.user_id === r.id).map((t) => presentToken(t, actor, true)),
  }));
}

export async function listServiceAccounts(q: Queryable, actor: Actor): Promise<ServiceAccountList> {
  assertMayManageServiceAccounts(actor);
  const r = await q.query<ServiceAccountRow>(`${SELECT} order by lower(u.name), u.id`);
  return { items: await present(q, actor, r.rows) };
}

export async function createServiceAccount(
  db: Db,
  actor: Actor,
  input: ServiceAccountCreate,
): Promise<ServiceAccount> {
  assertMayManageServiceAccounts(actor);
  // A password nobody knows; the login refuses service accounts anyway.
  const hash = await hashPassword(crypto.randomBytes(32).toString('base64url'));
  return db.transaction(async (tx) => {
    const org = await tx.query('select 1 from organisations where id = $1', [input.organisationId]);
    if (!org.rowCount) throw userErrors.organisation_unknown({ id: input.organisationId });
    const row = await insertRow(tx, actor, serviceAccountTable, {
      email: `service-${crypto.randomUUID()}@service.invalid`,
      name: input.name.trim(),
      passwordHash: hash,
      role: input.role,
      organisationId: input.organisationId,
      serviceAccount: true,
    });
    const r = await tx.query<ServiceAccountRow>(`${SELECT} and u.id = $1`, [row.id]);
    return (await present(tx, actor, r.rows))[0]!;
  });
}

/** A token for a service account; returns the token itself, once. */
export async function createServiceAccountToken(
  db: Db,
  actor: Actor,
  id: string,
  input: TokenCreate,
): Promise<CreatedAccessToken> {
  assertMayManageServiceAccounts(actor);
  return db.transaction(async (tx) => {
    const r = await tx.query<ServiceAccountRow>(`${SELECT} and u.id = $1 for update of u`, [id]);
    const account = r.rows[0];
    if (!account) throw tokenErrors.service_account_unknown({ id });
    if (!account.active) throw tokenErrors.service_account_inactive();
    return insertToken(tx, actor, id, input, true);
  });
}
