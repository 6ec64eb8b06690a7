import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { DEFAULT_PUBLIC_RATE_LIMIT, publicRateLimit } from './public-limit.ts';

/** The limit per client address for anonymous callers of public routes; signed-in callers are not counted. */
let t: TestApp;
let observer: Session;

beforeAll(async () => {
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '3';
  t = await testApp({ seed: false });
  delete process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
  observer = await t.as('observer');
});
afterAll(() => t?.close());

const from = (address: string, url = '/api/instruments') =>
  t.app.inject({ method: 'GET', url, remoteAddress: address });

describe('the rate limit per client', () => {
  it('answers 429 problem+json with Retry-After past the limit, for that address only', async () => {
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.1')).statusCode).toBe(200);
    const over = await from('192.0.2.1', '/api/organisations');
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json()).toMatchObject({ code: 'limit.public_rate_limited', params: { max: 3 } });
    expect((await from('192.0.2.2')).statusCode).toBe(200);
    expect((await from('192.0.2.1', '/api/health')).statusCode).toBe(200);
  });

  it('counts the public portal pages too, with the API requests of the same address', async () => {
    expect((await from('192.0.2.4', '/openbaar/verdragen')).statusCode).toBe(200);
    expect((await from('192.0.2.4', '/public/treaties')).statusCode).toBe(200);
    expect((await from('192.0.2.4')).statusCode).toBe(200);
    expect((await from('192.0.2.4', '/openbaar/verdragen')).statusCode).toBe(429);
    expect((await from('192.0.2.4', '/sitemap.xml')).statusCode).toBe(429);
  });

  it('does not count signed-in callers, even from a limited address', async () => {
    for (let i = 0; i < 3; i++) expect((await from('192.0.2.3')).statusCode).toBe(200);
    expect((await from('192.0.2.3')).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/instruments',
        remoteAddress: '192.0.2.3',
        headers: { cookie: observer.cookie },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('reads its number from PUBLIC_RATE_LIMIT_PER_MINUTE (0 switches it off)', () => {
    expect(publicRateLimit({})).toBe(DEFAULT_PUBLIC_RATE_LIMIT);
    expect(publicRateLimit({ PUBLIC_RATE_LIMIT_PER_MINUTE: '0' })).toBe(0);
    expect(publicRateLimit({ PUBLIC_RATE_LIMIT_PER_MINUTE: 'many' })).toBe(DEFAULT_PUBLIC_RATE_LIMIT);
  });
});
