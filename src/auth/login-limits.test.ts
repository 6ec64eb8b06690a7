import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import { createUser } from '../users/service.ts';
import { PASSWORD, testApp, type TestApp } from '../test/app.ts';
import { LoginLimiter } from './rate-limit.ts';

describe('the login limiter', () => {
  it('doubles the delay of an account after the free failures, up to the cap', () => {
    let now = 0;
    const limiter = new LoginLimiter({ freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000 }, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      limiter.fail('10.0.0.1', 'a@example.org');
      delays.push(limiter.retryAfter('10.0.0.2', 'A@example.org'));
      now += delays[i]! * 1000;
    }
    expect(delays).toEqual([0, 0, 0, 1, 2, 4, 8, 8]);
    expect(limiter.retryAfter('10.0.0.2', 'a@example.org')).toBe(0);
  });

  it('forgets failures after the window, and a success starts the account afresh', () => {
    let now = 0;
    const limiter = new LoginLimiter({ freeFailures: 0, windowMs: 60_000 }, () => now);
    limiter.fail('10.0.0.1', 'a@example.org');
    limiter.fail('10.0.0.1', 'a@example.org');
    expect(limiter.retryAfter('10.0.0.1', 'a@example.org')).toBe(2);
    now += 60_000;
    expect(limiter.retryAfter('10.0.0.1', 'a@example.org')).toBe(0);
    limiter.fail('10.0.0.1', 'a@example.org');
    now += 1000;
    limiter.succeed('10.0.0.1', 'a@example.org');
    limiter.fail('10.0.0.1', 'a@example.org');
    expect(limiter.retryAfter('10.0.0.1', 'a@example.org')).toBe(1);
  });

  it('slows an address over its limit only for the accounts that failed from it', () => {
    const now = 0;
    const limiter = new LoginLimiter({ freeFailures: 100, maxPerAddress: 5 }, () => now);
    for (let i = 0; i < 5; i++) limiter.fail('10.0.0.1', `u${i}@example.org`);
    expect(limiter.retryAfter('10.0.0.1', 'u0@example.org')).toBe(1);
    expect(limiter.retryAfter('10.0.0.1', 'someone.else@example.org')).toBe(0);
    expect(limiter.retryAfter('10.0.0.9', 'u0@example.org')).toBe(0);
  });

  it('remembers a bounded number of accounts and addresses', () => {
    const limiter = new LoginLimiter({ freeFailures: 0, maxEntries: 3 }, () => 0);
    for (let i = 0; i < 10; i++) limiter.fail(`10.0.0.${i}`, `u${i}@example.org`);
    expect(limiter.retryAfter('10.0.0.0', 'u0@example.org')).toBe(0);
    expect(limiter.retryAfter('10.0.0.9', 'u9@example.org')).toBe(1);
  });
});

describe('login limiting over HTTP', () => {
  let t: TestApp;
  let now = Date.parse('2026-03-01T09:00:00Z');
  beforeAll(async () => {
    t = await testApp({ seed: false });
    t.app.loginLimiter.clock = () => now;
    for (const name of ['colleague', 'victim'])
      await createUser(t.db, systemActor('test'), {
        email: `${name}@example.org`,
        name,
        role: 'observer',
        password: PASSWORD,
      });
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string, remoteAddress = '192.0.2.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

  it('an address that sprays guesses is slowed down, but never a correct login of another account', async () => {
    const max = t.app.loginLimiter.limits.maxPerAddress;
    for (let i = 0; i < max - 1; i++)
      expect((await login(`nobody${i}@example.org`, 'guess')).statusCode).toBe(401);
    expect((await login('victim@example.org', 'guess')).statusCode).toBe(401);
    // The address is over its limit: a second guess at an account it failed on waits…
    const held = await login('victim@example.org', 'another guess');
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    // …while a colleague behind the same address signs in at once,
    expect((await login('colleague@example.org', PASSWORD)).statusCode).toBe(200);
    // and the account itself signs in from elsewhere.
    expect((await login('victim@example.org', PASSWORD, '198.51.100.7')).statusCode).toBe(200);
    now += t.app.loginLimiter.limits.maxDelayMs;
    expect((await login('victim@example.org', PASSWORD)).statusCode).toBe(200);
  });

  it('never refuses the right password for good: after the longest delay it works', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await login('colleague@example.org', `wrong ${i}`, '203.0.113.5');
      if (res.statusCode === 429) now += Number(res.headers['retry-after']) * 1000;
      else expect(res.statusCode).toBe(401);
    }
    const wait = await login('colleague@example.org', PASSWORD, '203.0.113.6');
    expect(wait.statusCode).toBe(429);
    expect(Number(wait.headers['retry-after'])).toBeLessThanOrEqual(
      t.app.loginLimiter.limits.maxDelayMs / 1000,
    );
    now += Number(wait.headers['retry-after']) * 1000;
    expect((await login('colleague@example.org', PASSWORD, '203.0.113.6')).statusCode).toBe(200);
  });
});
