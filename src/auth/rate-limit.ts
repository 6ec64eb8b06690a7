/** How the login limiter slows down guessing; every duration in milliseconds. */
export interface LoginLimits {
  /** Failures of one account that cost nothing (typing errors). */
  freeFailures: number;
  /** The first delay after the free failures; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest delay: the right password always works again after it. */
  maxDelayMs: number;
  /** Failures from one address within the window before that address is slowed down. */
  maxPerAddress: number;
  /** How long failures are remembered. */
  windowMs: number;
  /** At most this many accounts and addresses are remembered (the oldest are forgotten first). */
  maxEntries: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  freeFailures: 3,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60 * 1000,
  maxPerAddress: 20,
  windowMs: 60 * 60 * 1000,
  maxEntries: 10_000,
};

interface AccountState {
  failures: number;
  last: number;
}

interface AddressState {
  /** Times of the failures in the window. */
  times: number[];
  /** The accounts that failed from this address, with the time of their last failure. */
  accounts: Map<string, number>;
}

/**
 * Slows down password guessing without locking anyone out.
 *
 * Per account: after a few free failures, each failure doubles a delay (1 s, 2 s, 4 s … up to a
 * cap) during which that account cannot be tried (429 with Retry-After); after it, the right
 * password works, and a successful login starts afresh.
 *
 * Per address: only failures count. An address over its limit is slowed down, with the same
 * doubling delay, for the accounts that failed from it; a correct login of any other account from
 * the same address (colleagues behind one proxy) is never held up.
 */
export class LoginLimiter {
  private accounts = new Map<string, AccountState>();
  private addresses = new Map<string, AddressState>();
  readonly limits: LoginLimits;
  /** The clock: replaced in tests. */
  clock: () => number;

  constructor(limits: Partial<LoginLimits> = {}, clock: () => number = Date.now) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...limits };
    this.clock = clock;
  }

  private delayAfter(excess: number): number {
    if (excess <= 0) return 0;
    const { baseDelayMs, maxDelayMs } = this.limits;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(excess - 1, 30));
  }

  private account(email: string, now: number): AccountState | undefined {
    const key = email.trim().toLowerCase();
    const state = this.accounts.get(key);
    if (state && now - state.last >= this.limits.windowMs) {
      this.accounts.delete(key);
      return undefined;
    }
    return state;
  }

  private address(ip: string, now: number): AddressState | undefined {
    const state = this.addresses.get(ip);
    if (!state) return undefined;
    state.times = state.times.filter((t) => now - t < this.limits.windowMs);
    for (const [acct, t] of state.accounts) if (now - t >= this.limits.windowMs) state.accounts.delete(acct);
    if (!state.times.length) {
      this.addresses.delete(ip);
      return undefined;
    }
    return state;
  }

  /** Seconds to wait before this account may be tried from this address, or 0 when it may be tried now. */
  retryAfter(ip: string, email: string): number {
    const now = this.clock();
    const key = email.trim().toLowerCase();
    let until = 0;
    const acct = this.account(key, now);
    if (acct) until = acct.last + this.delayAfter(acct.failures - this.limits.freeFailures);
    const addr = this.address(ip, now);
    const failedHere = addr?.accounts.get(key);
    if (addr && failedHere !== undefined) {
      const last = addr.times[addr.times.length - 1] ?? failedHere;
      until = Math.max(until, last + this.delayAfter(addr.times.length - this.limits.maxPerAddress + 1));
    }
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** A wrong password (or an unknown account) tried from this address. */
  fail(ip: string, email: string): void {
    const now = this.clock();
    const key = email.trim().toLowerCase();
    const acct = this.account(key, now);
    this.accounts.delete(key);
    this.accounts.set(key, { failures: (acct?.failures ?? 0) + 1, last: now });
    const addr = this.address(ip, now) ?? { times: [], accounts: new Map<string, number>() };
    addr.times.push(now);
    addr.accounts.delete(key);
    addr.accounts.set(key, now);
    while (addr.accounts.size > this.limits.maxEntries)
      addr.accounts.delete(addr.accounts.keys().next().value!);
    if (addr.times.length > this.limits.maxEntries) addr.times.shift();
    this.addresses.delete(ip);
    this.addresses.set(ip, addr);
    for (const map of [this.accounts, this.addresses] as Map<string, unknown>[]) {
      while (map.size > this.limits.maxEntries) map.delete(map.keys().next().value!);
    }
  }

  /** A correct login: the account starts afresh, and is no longer held up at this address. */
  succeed(ip: string, email: string): void {
    const key = email.trim().toLowerCase();
    this.accounts.delete(key);
    this.addresses.get(ip)?.accounts.delete(key);
  }
}
