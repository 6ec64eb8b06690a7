import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { createUser } from '../users/service.ts';
import { PASSWORD, testApp, type Session, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: false });
});
afterAll(() => t?.close());

async function signIn(email: string, password = PASSWORD): Promise<Session & { mustChange: boolean }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'rd_session')!;
  const me = res.json() as { csrfToken: string; id: string; mustChangePassword: boolean };
  return {
    cookie: `rd_session=${cookie.value}`,
    csrf: me.csrfToken,
    userId: me.id,
    mustChange: me.mustChangePassword,
  };
}

const signedIn = async (s: Session) => (await t.call(s, 'GET', '/api/auth/me')).statusCode === 200;

describe('sessions end when the password changes', () => {
  it('changing one’s own password ends every other session of the user, not this one', async () => {
    await createUser(t.db, systemActor('test'), {
      email: 'two.devices@example.org',
      name: 'Two devices',
      role: 'observer',
      password: PASSWORD,
    });
    const laptop = await signIn('two.devices@example.org');
    const phone = await signIn('two.devices@example.org');
    const other = await t.as('observer');
    const res = await t.call(laptop, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a quiet river under old bridges',
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await signedIn(laptop)).toBe(true);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(other)).toBe(true);
  });

  it('an administrator’s reset ends every session of the user, and the admin stays signed in', async () => {
    const admin = await t.as('admin');
    const u = await createUser(t.db, systemActor('test'), {
      email: 'reset.me@example.org',
      name: 'Reset me',
      role: 'observer',
      password: PASSWORD,
    });
    const s1 = await signIn('reset.me@example.org');
    const s2 = await signIn('reset.me@example.org');
    const res = await t.call(admin, 'PATCH', `/api/users/${u.id}`, {
      version: u.version,
      password: 'seven purple kites over Utrecht',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await signedIn(s1)).toBe(false);
    expect(await signedIn(s2)).toBe(false);
    expect(await signedIn(admin)).toBe(true);
    const again = await signIn('reset.me@example.org', 'seven purple kites over Utrecht');
    expect(again.mustChange).toBe(true);
  });

  it('a change of name or role leaves the sessions alone', async () => {
    const admin = await t.as('admin');
    const u = await createUser(t.db, systemActor('test'), {
      email: 'renamed@example.org',
      name: 'Old name',
      role: 'observer',
      password: PASSWORD,
    });
    const s = await signIn('renamed@example.org');
    const res = await t.call(admin, 'PATCH', `/api/users/${u.id}`, { version: u.version, name: 'New name' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await signedIn(s)).toBe(true);
  });
});

describe('accounts created by an administrator', () => {
  it('have a one-time password that must be changed at first login', async () => {
    const admin = await t.as('admin');
    const created = await t.call(admin, 'POST', '/api/users', {
      email: 'newcomer@example.org',
      name: 'Newcomer',
      role: 'admin',
      password: 'handed over on paper today',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ mustChangePassword: true });
    const s = await signIn('newcomer@example.org', 'handed over on paper today');
    expect(s.mustChange).toBe(true);
    const refused = await t.call(s, 'POST', '/api/organisations', {
      code: 'NEW',
      nameNl: 'Nieuw',
      nameEn: 'New',
      kind: 'other',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('password_change_required');
    const changed = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: 'handed over on paper today',
      newPassword: 'my own secret garden path',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const me = (await t.call(s, 'GET', '/api/auth/me')).json();
    expect(me.mustChangePassword).toBe(false);
    const allowed = await t.call(s, 'POST', '/api/organisations', {
      code: 'NEW',
      nameNl: 'Nieuw',
      nameEn: 'New',
      kind: 'other',
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });
});
