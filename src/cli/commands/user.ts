import { generatePassword } from '../../auth/passwords.ts';
import { Role } from '../../shared/schema.ts';
import { createUser, findUserByEmail, listUsers, updateUser } from '../../users/service.ts';
import { cliActor, organisationId, withDb } from '../context.ts';
import { cliErrors } from '../errors.ts';

/** `rightsdesk user add EMAIL`: prints a generated one-time password unless --password is given. */
export const addUser = (
  email: string,
  opts: { name: string; role: Role; organisation?: string; password?: string },
) =>
  withDb(async (db) => {
    const orgId = opts.organisation ? await organisationId(db, opts.organisation) : null;
    const password = opts.password ?? generatePassword();
    if (password.length < 12) throw cliErrors.password_too_short();
    const u = await createUser(db, cliActor(), {
      email,
      name: opts.name,
      role: opts.role,
      organisationId: orgId,
      password,
      mustChangePassword: !opts.password,
    });
    console.log(`User ${u.email} created with role ${u.role}.`);
    if (!opts.password)
      console.log(`One-time password (shown once, to be changed at first login): ${password}`);
  });

/** `rightsdesk user list`. */
export const listUserAccounts = () =>
  withDb(async (db) => {
    const page = await listUsers(db, { page: 1, pageSize: 500 });
    for (const u of page.items)
      console.log(`${u.email}\t${u.role}\t${u.active ? 'active' : 'disabled'}\t${u.name}`);
    console.log(`${page.total} user(s)`);
  });

/** `rightsdesk user set-role EMAIL ROLE`. */
export const setRole = (email: string, role: string, opts: { organisation?: string }) =>
  withDb(async (db) => {
    const parsed = Role.safeParse(role);
    if (!parsed.success) throw cliErrors.unknown_role({ role, roles: Role.options.join(', ') });
    const u = await findUserByEmail(db, email);
    if (!u) throw cliErrors.unknown_user({ email });
    const orgId = opts.organisation ? await organisationId(db, opts.organisation) : undefined;
    const updated = await updateUser(db, cliActor(), u.id, {
      version: u.version,
      role: parsed.data,
      organisationId: orgId,
    });
    console.log(`${updated.email} now has role ${updated.role}.`);
  });
