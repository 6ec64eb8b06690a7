import type { FastifyReply, FastifyRequest } from 'fastify';
import { limitErrors } from './errors.ts';

export interface ConcurrencyLimits {
  /** At most this many at once from one client (its address). */
  perClient: number;
  /** At most this many at once from all clients together. */
  total: number;
  /** The Retry-After (seconds) of a refusal. */
  retryAfterSeconds: number;
}

/**
 * Counts the work in progress per client and in total: `tryAcquire` gives a release function, or
 * null when a limit is reached. A client is its address (the proxy's X-Forwarded-For with TRUST_PROXY).
 */
export class ConcurrencyLimiter {
  readonly limits: ConcurrencyLimits;
  private readonly byClient = new Map<string, number>();
  private running = 0;
  constructor(limits: ConcurrencyLimits) {
    this.limits = limits;
  }
  get active(): number {
    return this.running;
  }
  tryAcquire(client: string): (() => void) | null {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.limits.perClient || this.running >= this.limits.total) return null;
    this.byClient.set(client, mine + 1);
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }
  /**
   * Takes a place for this request until its response has been sent or the client went away;
   * refuses with 429 and Retry-After when the client or the server is at its limit.
   */
  admit(req: FastifyRequest, reply: FastifyReply): void {
    const release = this.tryAcquire(req.ip);
    if (!release) {
      const seconds = this.limits.retryAfterSeconds;
      reply.header('retry-after', String(seconds));
      throw limitErrors.exports_busy({ seconds });
    }
    reply.raw.once('close', release);
  }
}

const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * The limits of the exports of the whole server: 2 at once per client and 4 in total, unless
 * EXPORT_LIMIT_PER_CLIENT and EXPORT_LIMIT_TOTAL say otherwise.
 */
export const exportLimiter = new ConcurrencyLimiter({
  perClient: envInt('EXPORT_LIMIT_PER_CLIENT', 2),
  total: envInt('EXPORT_LIMIT_TOTAL', 4),
  retryAfterSeconds: 10,
});
