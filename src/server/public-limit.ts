/**
 * The request limit per client for anonymous callers of public routes, keyed by the client address
 * (req.ip: the connection's address, or X-Forwarded-For's with TRUST_PROXY=true, Fastify's
 * trustProxy in app.ts). Signed-in callers (session or access token) are not counted here; a token
 * has its own limit (src/tokens/rate-limit.ts). It uses the one registration of @fastify/rate-limit
 * (its store, through app.createRateLimit), so register it after that. PUBLIC_RATE_LIMIT_PER_MINUTE
 * sets the number a minute (default 300; 0 switches it off). Over it, 429 problem+json with Retry-After.
 * The health check is not counted. Counted are the API's public routes and the public portal's pages
 * (src/portal: /openbaar, /public, robots.txt, sitemap.xml), not the browser app's files.
 */
import type { FastifyInstance } from 'fastify';
import { PORTAL_ROOT } from '../portal/layout.ts';
import { limitErrors } from './errors.ts';

export const DEFAULT_PUBLIC_RATE_LIMIT = 300;
/** Not counted: the health check, which load balancers and probes ask every few seconds. */
export const UNLIMITED_PUBLIC_PATHS: ReadonlySet<string> = new Set(['/api/health']);
const WINDOW_MS = 60_000;
const PORTAL_PATHS = [...Object.values(PORTAL_ROOT), '/robots.txt', '/sitemap.xml'];

/** Whether a route's requests count: the API's and the portal's. */
const counted = (url: string): boolean =>
  url.startsWith('/api/') || PORTAL_PATHS.some((p) => url === p || url.startsWith(`${p}/`));

export function publicRateLimit(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.PUBLIC_RATE_LIMIT_PER_MINUTE ?? DEFAULT_PUBLIC_RATE_LIMIT);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_PUBLIC_RATE_LIMIT;
}

/** Adds the limit as an onRequest hook; call after the hook that sets req.actor and after @fastify/rate-limit. */
export function registerPublicRateLimit(app: FastifyInstance, max = publicRateLimit()): void {
  if (max === 0) return;
  const limit = app.createRateLimit({
    max,
    timeWindow: WINDOW_MS,
    keyGenerator: (req) => `public:${req.ip}`,
    allowList: () => false,
  });
  app.addHook('onRequest', async (req, reply) => {
    const url = req.routeOptions.url;
    if (req.actor || !url || !counted(url) || req.routeOptions.config.access !== 'public') return;
    if (UNLIMITED_PUBLIC_PATHS.has(url)) return;
    const r = await limit(req);
    if (r.isAllowed || !r.isExceeded) return;
    const seconds = Math.max(1, Math.ceil(r.ttl / 1000));
    reply.header('retry-after', String(seconds));
    throw limitErrors.public_rate_limited({ max, seconds });
  });
}
