/**
 * Caching of public answers (issue 13).
 *
 * HTTP: an anonymous GET/HEAD of a public route answered 200 gets a strong ETag (SHA-256 of the body;
 * a matching If-None-Match is answered 304 without a body), `Cache-Control: public, no-cache` (any
 * cache may keep it, but asks again each time: a withdrawn publication is gone at once, and the
 * question costs a 304) and `Vary: Cookie, Authorization`. A signed-in caller (session or
 * access token) gets `Cache-Control: private, no-store` on every API answer: their answers can carry
 * abilities and internal fields. A route that sets its own Cache-Control keeps it (the form token,
 * the contribution form, the calendar feeds). Streamed bodies (the large exports) get no ETag: it
 * would need the whole body before the first byte.
 *
 * Server: the anonymous answers of public GETs (bodies up to 2 MB) are kept in memory, keyed by the
 * full URL with its query and origin (links are absolute) and the day (cycle status and deadlines are
 * derived from "today"), and
 * reused while the data version stands still. The data version is read from the database in one
 * statement: the newest audit row's id (every change of data goes through src/core/write.ts with its
 * audit row in the same transaction, and audit ids are taken under a lock held to the commit, so they
 * follow the commits: a publication of follow-up, a document, a consultation or a cycle moves it) and
 * `search_generation` (migration 0012, moved at the commit of every change of recommendations). It is
 * read before the route reads its data, so an answer is never kept under a version newer than its data
 * and every server on the same database sees a change at once. Requests that arrive while the version
 * is being read share that reading instead of each sending its own statement (under load one statement
 * serves many), so an answer can be as old as that one statement's round trip, never older. Signed-in
 * callers neither read nor fill it. RIGHTSDESK_PUBLIC_CACHE=false switches it off.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';

/**
 * Public answers may be kept by browsers and proxies, which ask again before each use (If-None-Match
 * → 304 when unchanged). Not max-age: a publication that is withdrawn must be gone at once.
 */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';
/** Signed-in answers: for this user only, and not to be stored anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';
/** A public answer differs for a signed-in caller (session cookie or bearer token). */
const VARY = ['Cookie', 'Authorization'];

/** Bounds of the server's cache: the largest body kept, the number of answers and their bytes in all. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MAX_ENTRIES = 20_000;
const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

/**
 * Public routes never kept on the server: the health check (live by definition) and the
 * consultations (open or closed by the minute, from their timestamps).
 */
const NOT_KEPT = [/^\/api\/health$/, /^\/api\/consultations(\/|$)/];

/** The representation headers a kept answer is served with again (not the per-request security headers). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'content-language', 'last-modified', 'link'];

interface Entry {
  version: string;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
}

/** The kept answers of one app (tests build many apps in one process), with counters for tests. */
export class PublicCache {
  readonly enabled: boolean;
  hits = 0;
  misses = 0;
  private bytes = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  constructor(
    enabled = process.env.RIGHTSDESK_PUBLIC_CACHE !== 'false',
    maxEntries = MAX_ENTRIES,
    maxBytes = MAX_TOTAL_BYTES,
  ) {
    this.enabled = enabled;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The data version as this statement sees it (see above). */
  static async version(q: Queryable): Promise<string> {
    const r = await q.query<{ a: number | null; g: number | null }>(
      'select (select max(id) from audit_events) as a, (select n from search_generation) as g',
    );
    return `${r.rows[0]?.a ?? 0}.${r.rows[0]?.g ?? 0}`;
  }

  get(key: string, version: string): Entry | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, entry: Entry): void {
    this.drop(key);
    if (entry.body.length > MAX_BODY_BYTES || entry.body.length > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      this.drop(this.entries.keys().next().value!);
    }
  }

  private drop(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.body.length;
    this.entries.delete(key);
  }
}

const caches = new WeakMap<FastifyInstance, PublicCache>();
/** The cache of an app built by buildApp (its counters show tests what was served from it). */
export function publicCacheOf(app: FastifyInstance): PublicCache | undefined {
  return caches.get(app);
}

/** What the preHandler found for a request that may fill the cache. */
const pending = new WeakMap<FastifyRequest, { key: string; version: string }>();

/** The API, and the public portal's HTML pages at the root (src/portal: routes declared public outside /api). */
const isApiOrPortal = (req: FastifyRequest) => {
  const url = req.routeOptions.url;
  if (url && !url.startsWith('/api/')) return req.routeOptions.config.access === 'public';
  return !!url && url.startsWith('/api/') && !url.startsWith('/api/docs');
};
const isPublic = (req: FastifyRequest) => isApiOrPortal(req) && req.routeOptions.config.access === 'public';
const isRead = (req: FastifyRequest) => req.method === 'GET' || req.method === 'HEAD';

export const strongEtag = (body: Buffer | string): string =>
  `"${crypto.createHash('sha256').update(body).digest('base64url')}"`;

/** Whether If-None-Match names this ETag (or is "*"); weak forms compare by their value (RFC 9110 13.1.2). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function addVary(reply: FastifyReply) {
  const have = String(reply.getHeader('vary') ?? '');
  const names = have ? have.split(',').map((s) => s.trim()) : [];
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const v of VARY) if (!lower.has(v.toLowerCase())) names.push(v);
  reply.header('vary', names.join(', '));
}

/** Registers the hooks; call after the onRequest hook that sets req.actor, before the routes. */
export function registerPublicCache(app: FastifyInstance, cache = new PublicCache()): void {
  caches.set(app, cache);
  // The version being read, shared by the requests that arrive meanwhile.
  let reading: Promise<string> | null = null;
  const currentVersion = (): Promise<string> =>
    (reading ??= PublicCache.version(app.db).finally(() => {
      reading = null;
    }));

  app.addHook('preHandler', async (req, reply) => {
    if (!cache.enabled || req.method !== 'GET' || req.actor || !isPublic(req)) return;
    const path = req.url.split('?')[0] ?? '';
    if (NOT_KEPT.some((re) => re.test(path))) return;
    // Links in an answer are absolute: from PUBLIC_BASE_URL, else from the request's own address.
    const origin = app.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
    const key = `${today()} ${origin}${req.url}`;
    const version = await currentVersion();
    const hit = cache.get(key, version);
    if (!hit) {
      cache.misses++;
      pending.set(req, { key, version });
      return;
    }
    cache.hits++;
    reply.headers(hit.headers).header('etag', hit.etag).header('cache-control', PUBLIC_CACHE_CONTROL);
    return reply.code(200).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (!isApiOrPortal(req)) return payload;
    if (req.actor) {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', PRIVATE_CACHE_CONTROL);
      if (isPublic(req)) addVary(reply);
      return payload;
    }
    if (!isPublic(req)) return payload;
    addVary(reply);
    if (!isRead(req) || reply.statusCode !== 200) return payload;
    const own = reply.hasHeader('cache-control');
    if (!own) reply.header('cache-control', PUBLIC_CACHE_CONTROL);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload; // a stream
    if (!reply.hasHeader('etag')) reply.header('etag', strongEtag(payload));
    const etag = String(reply.getHeader('etag'));
    const found = pending.get(req);
    if (found && !own) {
      const headers: Record<string, string> = {};
      for (const h of KEPT_HEADERS) if (reply.hasHeader(h)) headers[h] = String(reply.getHeader(h));
      const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      cache.set(found.key, { version: found.version, body, etag, headers });
    }
    if (matches(req.headers['if-none-match'], etag)) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
