/**
 * The request limit per access token (@fastify/rate-limit, keyed by the token's id): only requests
 * made with a token count; session requests are not limited here. TOKEN_RATE_LIMIT_PER_MINUTE sets
 * the number a minute (default 600). Over it, 429 problem+json with Retry-After.
 */
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { tokenErrors } from './errors.ts';

export const DEFAULT_TOKEN_RATE_LIMIT = 600;

export function tokenRateLimit(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.TOKEN_RATE_LIMIT_PER_MINUTE ?? DEFAULT_TOKEN_RATE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_TOKEN_RATE_LIMIT;
}

/** Registers the limit on every route registered after it; the token is known from the onRequest hook. */
export async function registerTokenRateLimit(app: FastifyInstance, max = tokenRateLimit()): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max,
    timeWindow: 60_000,
    hook: 'onRequest',
    keyGenerator: (req) => req.accessToken?.id ?? '',
    allowList: (req) => !req.accessToken,
    errorResponseBuilder: (_req, ctx) =>
      tokenErrors.rate_limited({ max: Number(ctx.max), seconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) }),
  });
}
