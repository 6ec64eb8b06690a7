import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { ConcurrencyLimiter, exportLimiter } from './limits.ts';

describe('the concurrency limiter', () => {
  it('gives places up to the limit per client and in total, and takes them back on release', () => {
    const l = new ConcurrencyLimiter({ perClient: 2, total: 3, retryAfterSeconds: 5 });
    const a1 = l.tryAcquire('a')!;
    const a2 = l.tryAcquire('a')!;
    expect(a1).toBeTypeOf('function');
    expect(a2).toBeTypeOf('function');
    expect(l.tryAcquire('a')).toBeNull(); // the client's limit
    const b1 = l.tryAcquire('b')!;
    expect(l.tryAcquire('c')).toBeNull(); // the total
    expect(l.active).toBe(3);
    a1();
    a1(); // a second release gives nothing back
    expect(l.active).toBe(2);
    expect(l.tryAcquire('a')).not.toBeNull();
    a2();
    b1();
    expect(l.tryAcquire('c')).not.toBeNull();
  });
});

describe('export limits over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t?.close());

  const exportFrom = (remoteAddress: string) =>
    t.app.inject({ method: 'GET', url: '/api/recommendations/export.csv', remoteAddress });

  it('answers 429 with Retry-After when the client has as many exports running as it may', async () => {
    const held = Array.from({ length: exportLimiter.limits.perClient }, () =>
      exportLimiter.tryAcquire('192.0.2.1'),
    );
    try {
      const busy = await exportFrom('192.0.2.1');
      expect(busy.statusCode).toBe(429);
      expect(busy.headers['retry-after']).toBe(String(exportLimiter.limits.retryAfterSeconds));
      expect(busy.headers['content-type']).toContain('application/problem+json');
      expect(busy.json()).toMatchObject({
        code: 'limit.exports_busy',
        params: { seconds: exportLimiter.limits.retryAfterSeconds },
      });
      // Another client is not held up by this one.
      expect((await exportFrom('192.0.2.2')).statusCode).toBe(200);
    } finally {
      for (const release of held) release?.();
    }
    expect((await exportFrom('192.0.2.1')).statusCode).toBe(200);
    expect(exportLimiter.active).toBe(0);
  });

  it('answers 429 to every client when the server has as many exports running as it may', async () => {
    const held = Array.from({ length: exportLimiter.limits.total }, (_, i) =>
      exportLimiter.tryAcquire(`198.51.100.${i}`),
    );
    try {
      const busy = await exportFrom('203.0.113.9');
      expect(busy.statusCode).toBe(429);
      expect(busy.json().code).toBe('limit.exports_busy');
    } finally {
      for (const release of held) release?.();
    }
    expect((await exportFrom('203.0.113.9')).statusCode).toBe(200);
  });
});
