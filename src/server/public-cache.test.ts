import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import {
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  PublicCache,
  matches,
  publicCacheOf,
} from './public-cache.ts';

/**
 * Public answers are cacheable for anonymous callers (ETag, 304, Cache-Control public, Vary) and kept on
 * the server until data changes; signed-in answers are private, never kept and never served from it.
 */
let t: TestApp;
let cache: PublicCache;
let observer: Session;
let coordinator: Session;
const rec: Record<string, string> = {};

const anon = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const counters = () => ({ hits: cache.hits, misses: cache.misses });

beforeAll(async () => {
  t = await testApp();
  cache = publicCacheOf(t.app)!;
  observer = await t.as('observer');
  coordinator = await t.as('coordinator');
  const vws = await t.db.query<{ id: string }>("select id from organisations where code = 'VWS'");
  for (const key of ['a', 'b']) {
    const r = await t.db.query<{ id: string }>(
      `insert into recommendations (mechanism, body_code, state_under_review, symbol, text, fingerprint, lead_organisation_id)
       values ('treaty_body', 'CRC', 'Netherlands', 'CRC/C/NLD/CO/5-6', $1, $2, $3) returning id`,
      [`Cached recommendation ${key}`, `public-cache-${key}`, vws.rows[0]!.id],
    );
    rec[key] = r.rows[0]!.id;
  }
});
afterAll(() => t?.close());

describe('HTTP caching of public answers', () => {
  it('gives an anonymous GET a strong ETag and answers a matching If-None-Match with 304', async () => {
    const first = await anon('/api/instruments');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
    expect(first.headers.vary).toContain('Cookie');
    expect(first.headers.vary).toContain('Authorization');

    const again = await anon('/api/instruments', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const other = await anon('/api/instruments', { 'if-none-match': '"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
    const head = await t.app.inject({ method: 'HEAD', url: '/api/instruments' });
    expect(head.headers.etag).toBe(etag);
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    expect(matches('"a", W/"b"', '"b"')).toBe(true);
    expect(matches('*', '"x"')).toBe(true);
    expect(matches('"a"', '"b"')).toBe(false);
    expect(matches(undefined, '"b"')).toBe(false);
  });

  it('marks signed-in answers private, no-store, on public and guarded routes', async () => {
    for (const url of ['/api/instruments', '/api/tasks']) {
      const res = await t.call(observer, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe(PRIVATE_CACHE_CONTROL);
    }
    const anonymousGuarded = await anon('/api/tasks');
    expect(anonymousGuarded.statusCode).toBe(401);
    expect(anonymousGuarded.headers['cache-control']).toBeUndefined();
  });
});

describe('the server cache of anonymous public answers', () => {
  it('serves a second anonymous request from the cache, and never mixes signed-in answers in', async () => {
    const url = '/api/instruments?limit=5';
    const before = counters();
    const first = await anon(url);
    expect(counters()).toEqual({ hits: before.hits, misses: before.misses + 1 });
    const second = await anon(url);
    expect(counters()).toEqual({ hits: before.hits + 1, misses: before.misses + 1 });
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);

    // The signed-in answer (with the coordinator's abilities) neither reads nor fills the cache.
    const signedIn = await t.call(coordinator, 'GET', url);
    expect(signedIn.statusCode).toBe(200);
    expect(counters()).toEqual({ hits: before.hits + 1, misses: before.misses + 1 });
    expect(signedIn.body).not.toBe(first.body);
    const third = await anon(url);
    expect(third.body).toBe(first.body);
    expect(third.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
  });

  it('answers anew at once after a publication of follow-up, and after its withdrawal', async () => {
    const list = '/api/open-data/recommendations.json';
    const followup = `/api/public/recommendations/${rec.a}/followup`;
    const publish = (id: string, verb = 'publish') =>
      t.call(coordinator, 'POST', `/api/recommendations/${id}/followup/${verb}`, {});

    expect((await publish(rec.a!)).statusCode).toBe(200);
    const listed = await anon(list);
    expect(listed.body).toContain(rec.a);
    expect(listed.body).not.toContain(rec.b);
    const shown = await anon(followup);
    expect(shown.statusCode).toBe(200);
    const before = counters();
    expect((await anon(list)).body).toBe(listed.body);
    expect((await anon(followup)).body).toBe(shown.body);
    expect(cache.hits).toBe(before.hits + 2);

    const published = await publish(rec.b!);
    expect(published.statusCode, published.body).toBe(200);
    const relisted = await anon(list);
    expect(relisted.body).toContain(rec.b);
    expect(relisted.headers.etag).not.toBe(listed.headers.etag);

    expect((await publish(rec.a!, 'withdraw')).statusCode).toBe(200);
    expect((await anon(followup)).statusCode).toBe(404);
    expect((await anon(list)).body).not.toContain(rec.a);
  });

  it('keeps no answer of the health check (live by definition)', async () => {
    const before = cache.size;
    const health = await anon('/api/health');
    expect(health.statusCode).toBe(200);
    expect(cache.size).toBe(before);
  });
});

describe('the bounds of the cache', () => {
  const entry = (version: string, bytes: number) => ({
    version,
    body: Buffer.alloc(bytes),
    etag: '"x"',
    headers: {},
  });

  it('drops the answer used longest ago past its entries or bytes, and misses on another version', () => {
    const c = new PublicCache(true, 2, 100);
    c.set('a', entry('1', 10));
    c.set('b', entry('1', 10));
    expect(c.get('a', '1')).toBeDefined();
    c.set('c', entry('1', 10));
    expect([c.get('a', '1'), c.get('b', '1'), c.get('c', '1')].map(Boolean)).toEqual([true, false, true]);
    c.set('d', entry('1', 95));
    expect(c.size).toBe(1);
    expect(c.get('d', '2')).toBeUndefined();
    c.set('e', entry('1', 101));
    expect(c.get('e', '1')).toBeUndefined();
  });

  it('is switched off by RIGHTSDESK_PUBLIC_CACHE=false', () => {
    process.env.RIGHTSDESK_PUBLIC_CACHE = 'false';
    try {
      expect(new PublicCache().enabled).toBe(false);
    } finally {
      delete process.env.RIGHTSDESK_PUBLIC_CACHE;
    }
    expect(new PublicCache().enabled).toBe(true);
  });
});
