/**
 * Counts failed logins in a sliding window, per client address and per account,
 * so that guessing passwords is slowed down without locking out a user for good.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  private readonly maxPerAccount: number;
  private readonly maxPerAddress: number;
  private readonly windowMs: number;
  constructor(maxPerAccount = 5, maxPerAddress = 20, windowMs = 15 * 60 * 1000) {
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.windowMs = windowMs;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when a login may be tried now. */
  retryAfter(ip: string, email: string, now = Date.now()): number {
    const checks: [string, number][] = [
      [`ip:${ip}`, this.maxPerAddress],
      [`acct:${email.toLowerCase()}`, this.maxPerAccount],
    ];
    let wait = 0;
    for (const [key, max] of checks) {
      const list = this.recent(key, now);
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[0]! + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(ip: string, email: string, now = Date.now()) {
    for (const key of [`ip:${ip}`, `acct:${email.toLowerCase()}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  succeed(email: string) {
    this.failures.delete(`acct:${email.toLowerCase()}`);
  }
}
