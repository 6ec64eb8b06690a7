import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../core/config.ts';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { testDb } from '../test/db.ts';
import { createUser } from '../users/service.ts';
import { PASSWORD } from '../test/app.ts';
import { buildApp } from './app.ts';

const directives = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );

let db: Db;
let plain: FastifyInstance;
let secure: FastifyInstance;
beforeAll(async () => {
  db = await testDb();
  plain = await buildApp({ db, config: loadConfig({ PORT: '0' }) });
  secure = await buildApp({ db, config: loadConfig({ PORT: '0', SECURE_COOKIES: 'true' }) });
  await createUser(db, systemActor('test'), {
    email: 'headers@example.org',
    name: 'Headers',
    role: 'observer',
    password: PASSWORD,
  });
});
afterAll(async () => {
  await plain?.close();
  await secure?.close();
  await db?.close();
});

describe('security headers', () => {
  it('are on every answer: data, errors, unknown routes and the API documentation', async () => {
    for (const url of [
      '/api/health',
      '/api/auth/me',
      '/api/nothing-here',
      '/api/docs/',
      '/api/docs/assets/docs.js',
    ]) {
      const res = await plain.inject({ method: 'GET', url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp, url).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': url.startsWith('/api/docs') ? "'self' 'unsafe-inline'" : "'self'",
        'object-src': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(csp).not.toHaveProperty('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('the API documentation loads its scripts as files, which the policy allows', async () => {
    const page = await plain.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    const sources = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2); // the page's own script and the renderer's bundle
    for (const src of sources) {
      const script = await plain.inject({ method: 'GET', url: src, headers: { 'accept-encoding': 'gzip' } });
      expect(script.statusCode, src).toBe(200);
      expect(script.headers['content-type'], src).toMatch(/^text\/javascript/);
      expect(script.headers['content-encoding'], src).toBe('gzip');
    }
  });

  it('with SECURE_COOKIES: HSTS, upgrade-insecure-requests and a Secure session cookie', async () => {
    const health = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(directives(health.headers['content-security-policy'])).toHaveProperty('upgrade-insecure-requests');
    const login = await secure.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'headers@example.org', password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'rd_session')!;
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
    const plainLogin = await plain.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'headers@example.org', password: PASSWORD },
    });
    expect(plainLogin.cookies.find((c) => c.name === 'rd_session')!.secure).toBeFalsy();
  });
});
