import type { Problem } from '../../src/shared/schema.ts';

/** An error answer of the API (application/problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;
  /** Seconds from a Retry-After header (rate limiting). */
  retryAfter: number | null = null;
  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'network' : `http_${status}`);
    this.problem = problem;
  }
  /** Per-field messages keyed by the last segment of the path ("body.nameNl" → "nameNl"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      const key =
        e.path
          .split(/[./[\]]+/)
          .filter(Boolean)
          .pop() ?? e.path;
      if (!(key in out)) out[key] = e.message;
    }
    return out;
  }
  get isStale(): boolean {
    return this.status === 409 && this.code === 'stale_edit';
  }
}

let csrfToken: string | null = null;
/** The token the API gave at login (or in /api/auth/me); sent with every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && ('detail' in v || 'title' in v);
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null, 'network error');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, isProblem(data) ? data : null, `${res.status} ${res.statusText}`);
    const retry = Number(res.headers.get('retry-after'));
    if (Number.isFinite(retry) && retry > 0) err.retryAfter = retry;
    throw err;
  }
  return data as T;
}

/** Builds a query string, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
