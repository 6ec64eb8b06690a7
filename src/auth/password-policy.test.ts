import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { createUser } from '../users/service.ts';
import { PASSWORD, testApp, type TestApp } from '../test/app.ts';
import { passwordWeakness } from './password-policy.ts';
import { envFor, removeTmpDirs, run, show, tmpDir, pgUrl } from '../cli/test-helpers.ts';
import { createTempDatabase } from '../test/db.ts';

const WEAK = [
  '            ',
  'password1234',
  'Password1234!',
  'qwertyuiop12',
  'aaaaaaaaaaaaaaaa',
  'Welkom123456',
];

describe('the password policy', () => {
  it('refuses short passwords, common ones and their variations, and accepts a few unrelated words', () => {
    expect(passwordWeakness('            ')).toBe('too_short');
    expect(passwordWeakness('  short one  ')).toBe('too_short');
    for (const p of WEAK.slice(1)) expect(passwordWeakness(p), p).toBe('too_common');
    expect(passwordWeakness('jan.jansen@example.org', ['jan.jansen@example.org', 'Jan Jansen'])).toBe(
      'too_common',
    );
    expect(passwordWeakness(PASSWORD)).toBeNull();
    expect(passwordWeakness('seven purple kites over Utrecht')).toBeNull();
  });
});

describe('the password policy in the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ seed: false });
  });
  afterAll(() => t?.close());

  it('applies to one’s own new password', async () => {
    const s = await t.as('observer');
    for (const [newPassword, code] of [
      ['            ', 'auth.password_too_short'],
      ['password1234', 'auth.password_too_common'],
    ] as const) {
      const res = await t.call(s, 'POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe(code);
    }
    const res = await t.call(s, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'password1234',
    });
    expect(res.json().detail).toMatch(/too easy to guess/);
  });

  it('applies to accounts an administrator creates or resets', async () => {
    const admin = await t.as('admin');
    const created = await t.call(admin, 'POST', '/api/users', {
      email: 'weak@example.org',
      name: 'Weak',
      role: 'observer',
      password: 'password1234',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().code).toBe('auth.password_too_common');
    const none = await t.db.query("select 1 from users where email = 'weak@example.org'");
    expect(none.rowCount).toBe(0);
    const u = await createUser(t.db, systemActor('test'), {
      email: 'strong@example.org',
      name: 'Strong',
      role: 'observer',
      password: PASSWORD,
    });
    const reset = await t.call(admin, 'PATCH', `/api/users/${u.id}`, {
      version: u.version,
      password: '            ',
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().code).toBe('auth.password_too_short');
  });
});

describe('the password policy on the command line', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
    removeTmpDirs();
  });
  it('user add refuses a common password', async () => {
    const pg = pgUrl ? await createTempDatabase(pgUrl, 'rd_pwd') : undefined;
    drop = pg?.drop;
    const env = envFor(tmpDir(), pg?.url);
    const r = await run(
      ['user', 'add', 'cli@example.org', '--name', 'C', '--role', 'admin', '--password', 'password1234'],
      env,
    );
    expect(r.code, show(r)).toBe(1);
    expect(r.stderr).toContain('This password is too easy to guess');
  });
});
