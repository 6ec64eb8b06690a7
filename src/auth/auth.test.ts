import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { createUser } from '../users/service.ts';
import { PASSWORD, testApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ seed: false });
});
afterAll(() => t?.close());

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('accounts and sessions', () => {
  it('stores argon2id hashes, never the password', async () => {
    await createUser(t.db, systemActor('test'), {
      email: 'hash@example.org',
      name: 'H',
      role: 'observer',
      password: PASSWORD,
    });
    const r = await t.db.query<{ password_hash: string }>(
      "select password_hash from users where email = 'hash@example.org'",
    );
    expect(r.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(r.rows[0]!.password_hash).not.toContain(PASSWORD);
  });

  it('logs in with an httpOnly session cookie, answers /me, and logs out', async () => {
    const s = await t.as('observer');
    const res = await login('observer.bzk@example.org', PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'rd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = await t.call(s, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'observer.bzk@example.org', role: 'observer' });
    const session = {
      cookie: `rd_session=${cookie.value}`,
      csrf: res.json().csrfToken as string,
      userId: '',
    };
    expect((await t.call(session, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await t.call(session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a wrong password with a problem the user can act on', async () => {
    await t.as('contributor');
    const res = await login('contributor.bzk@example.org', 'not the password');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials', status: 401 });
    expect(res.json().detail).toMatch(/password is not correct/);
  });

  it('slows down password guessing with a growing delay, then lets the right password in', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    t.app.loginLimiter.clock = () => now;
    await createUser(t.db, systemActor('test'), {
      email: 'target@example.org',
      name: 'T',
      role: 'observer',
      password: PASSWORD,
    });
    for (let i = 0; i < 4; i++)
      expect((await login('target@example.org', `guess ${i}`)).statusCode).toBe(401);
    const blocked = await login('target@example.org', PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
    expect(blocked.json().detail).toMatch(/Wait 1 second/);
    expect(blocked.json()).toMatchObject({ code: 'auth.rate_limited', params: { seconds: 1 } });
    now += 1000;
    expect((await login('target@example.org', 'guess 4')).statusCode).toBe(401);
    expect((await login('target@example.org', PASSWORD)).headers['retry-after']).toBe('2');
    now += 2000;
    expect((await login('target@example.org', PASSWORD)).statusCode).toBe(200);
    expect((await login('target@example.org', 'guess 5')).statusCode).toBe(401);
    t.app.loginLimiter.clock = Date.now;
  });

  it('refuses a write without the CSRF token', async () => {
    const admin = await t.as('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: admin.cookie },
      payload: { code: 'X', nameNl: 'X', nameEn: 'X', kind: 'other' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    const count = await t.db.query<{ n: number }>(
      "select count(*)::int as n from organisations where code = 'X'",
    );
    expect(count.rows[0]!.n).toBe(0);
  });

  it('a one-time password must be changed before anything else is written', async () => {
    await createUser(t.db, systemActor('test'), {
      email: 'new@example.org',
      name: 'N',
      role: 'admin',
      password: 'one-time-password-1',
      mustChangePassword: true,
    });
    const res = await login('new@example.org', 'one-time-password-1');
    expect(res.json().mustChangePassword).toBe(true);
    const s = {
      cookie: `rd_session=${res.cookies[0]!.value}`,
      csrf: res.json().csrfToken as string,
      userId: '',
    };
    const refused = await t.call(s, 'POST', '/api/organisations', {
      code: 'Y',
      nameNl: 'Y',
      nameEn: 'Y',
      kind: 'other',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('password_change_required');
    const short = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: 'one-time-password-1',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('body.newPassword');
    const ok = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: 'one-time-password-1',
      newPassword: 'a much longer new password',
    });
    expect(ok.statusCode).toBe(204);
    const allowed = await t.call(s, 'POST', '/api/organisations', {
      code: 'Y',
      nameNl: 'Y',
      nameEn: 'Y',
      kind: 'other',
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('a disabled account cannot log in and loses its sessions', async () => {
    const admin = await t.as('admin');
    const u = await createUser(t.db, systemActor('test'), {
      email: 'gone@example.org',
      name: 'G',
      role: 'observer',
      password: PASSWORD,
    });
    const res = await login('gone@example.org', PASSWORD);
    const s = {
      cookie: `rd_session=${res.cookies[0]!.value}`,
      csrf: res.json().csrfToken as string,
      userId: u.id,
    };
    const off = await t.call(admin, 'PATCH', `/api/users/${u.id}`, { version: u.version, active: false });
    expect(off.statusCode).toBe(200);
    expect((await t.call(s, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await login('gone@example.org', PASSWORD);
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('auth.account_disabled');
  });

  it('records logins, failed logins and logouts, and password changes without the password', async () => {
    await createUser(t.db, systemActor('test'), {
      email: 'events@example.org',
      name: 'E',
      role: 'observer',
      password: PASSWORD,
    });
    const id = (await t.db.query<{ id: string }>("select id from users where email = 'events@example.org'"))
      .rows[0]!.id;
    expect((await login('events@example.org', 'wrong password')).statusCode).toBe(401);
    const res = await login('events@example.org', PASSWORD);
    const s = {
      cookie: `rd_session=${res.cookies[0]!.value}`,
      csrf: res.json().csrfToken as string,
      userId: id,
    };
    const changed = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another long passphrase',
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.call(s, 'POST', '/api/auth/logout')).statusCode).toBe(204);
    const events = await t.db.query<{
      action: string;
      actor_label: string;
      entity_type: string;
      entity_id: string;
      after: Record<string, unknown> | null;
    }>(
      `select action, actor_label, entity_type, entity_id, after from audit_events
        where entity_id = $1 order by id`,
      [id],
    );
    expect(events.rows.map((e) => [e.action, e.entity_type, e.actor_label])).toEqual([
      ['create', 'user', 'test'],
      ['login_failed', 'session', 'events@example.org'],
      ['login', 'session', 'events@example.org'],
      ['update', 'user', 'events@example.org'],
      ['logout', 'session', 'events@example.org'],
    ]);
    const update = events.rows[3]!.after!;
    expect(update).toMatchObject({ passwordHash: '[redacted]' });
    expect(JSON.stringify(events.rows)).not.toMatch(/argon2/);
  });

  it('refuses a wrong current password and an unchanged one', async () => {
    const s = await t.as('observer', 'VWS');
    const wrong = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: 'not my password',
      newPassword: 'a much longer new password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.wrong_current_password');
    const same = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: PASSWORD,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().code).toBe('auth.same_password');
  });
});
