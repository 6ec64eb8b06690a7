import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../core/dates.ts';
import { testApp, type Session, type TestApp } from '../test/app.ts';

/** The limit per token: over it 429 with Retry-After; another token and the session go on. */
let t: TestApp;
let observer: Session;

beforeAll(async () => {
  process.env.TOKEN_RATE_LIMIT_PER_MINUTE = '3';
  t = await testApp({ seed: false });
  delete process.env.TOKEN_RATE_LIMIT_PER_MINUTE;
  observer = await t.as('observer');
});
afterAll(() => t?.close());

async function makeToken(name: string): Promise<string> {
  const res = await t.call(observer, 'POST', '/api/tokens', {
    name,
    expiresOn: addDays(today(), 7),
    scope: 'read',
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}

const get = (token: string) =>
  t.app.inject({ method: 'GET', url: '/api/tasks', headers: { authorization: `Bearer ${token}` } });

describe('the rate limit per token', () => {
  it('answers 429 problem+json with Retry-After past the limit, for that token only', async () => {
    const first = await makeToken('Busy');
    const second = await makeToken('Quiet');
    for (let i = 0; i < 3; i++) expect((await get(first)).statusCode).toBe(200);
    const over = await get(first);
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json()).toMatchObject({ code: 'token.rate_limited', params: { max: 3 } });
    expect((await get(second)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await t.call(observer, 'GET', '/api/tasks')).statusCode).toBe(200);
  });
});
