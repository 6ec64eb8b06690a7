import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { createUser } from './service.ts';
import { PASSWORD, testApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

/** An account made directly, as the command line or a test does. */
const account = (email: string, role: 'admin' | 'observer' = 'observer') =>
  createUser(t.db, systemActor('test'), { email, name: email.split('@')[0]!, role, password: PASSWORD });

describe('user accounts', () => {
  it('an administrator cannot take away their own admin role, nor disable their own account', async () => {
    const admin = await t.as('admin');
    const me = (await t.call(admin, 'GET', `/api/users/${admin.userId}`)).json();
    const res = await t.call(admin, 'PATCH', `/api/users/${admin.userId}`, {
      version: me.version,
      role: 'observer',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/own administrator role/);
    expect(res.json().code).toBe('user.own_admin_role');
    const off = await t.call(admin, 'PATCH', `/api/users/${admin.userId}`, {
      version: me.version,
      active: false,
    });
    expect(off.statusCode).toBe(400);
    expect(off.json().code).toBe('user.own_admin_role');
    // Another administrator may.
    const other = await account('second.admin@example.org', 'admin');
    const demoted = await t.call(admin, 'PATCH', `/api/users/${other.id}`, {
      version: other.version,
      role: 'observer',
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(demoted.json()).toMatchObject({ role: 'observer', version: other.version + 1 });
  });

  it('a coordinator needs an organisation; e-mail addresses are unique', async () => {
    const admin = await t.as('admin');
    await account('target@example.org', 'observer');
    const noOrg = await t.call(admin, 'POST', '/api/users', {
      email: 'c@example.org',
      name: 'C',
      role: 'coordinator',
      password: PASSWORD,
    });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().detail).toMatch(/organisation/);
    expect(noOrg.json().code).toBe('user.organisation_required');
    const unknownOrg = await t.call(admin, 'POST', '/api/users', {
      email: 'c@example.org',
      name: 'C',
      role: 'coordinator',
      organisationId: '00000000-0000-4000-8000-000000000000',
      password: PASSWORD,
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().code).toBe('user.organisation_unknown');
    const dup = await t.call(admin, 'POST', '/api/users', {
      email: 'TARGET@example.org',
      name: 'D',
      role: 'observer',
      password: PASSWORD,
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().detail).toMatch(/already exists/);
    expect(dup.json()).toMatchObject({ code: 'user.email_taken', params: { email: 'TARGET@example.org' } });
  });

  it('a new password set by an administrator is a one-time password; the audit holds no hash', async () => {
    const admin = await t.as('admin');
    const u = await account('reset@example.org', 'observer');
    const res = await t.call(admin, 'PATCH', `/api/users/${u.id}`, {
      version: u.version,
      password: 'a brand new one-time password',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mustChangePassword: true });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const stale = await t.call(admin, 'PATCH', `/api/users/${u.id}`, { version: u.version, name: 'Stale' });
    expect(stale.statusCode).toBe(409);
    const audit = (await t.call(admin, 'GET', `/api/audit?entityType=user&entityId=${u.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.items[0].after).toMatchObject({ passwordHash: '[redacted]', version: u.version + 1 });
    expect(JSON.stringify(audit.items)).not.toMatch(/argon2/);
  });

  it('lists and reads accounts without their password hash', async () => {
    const admin = await t.as('admin');
    const list = (await t.call(admin, 'GET', '/api/users?pageSize=500')).json();
    expect(list.total).toBeGreaterThan(0);
    for (const u of list.items) expect(Object.keys(u)).not.toContain('passwordHash');
  });
});
