import type { Problem } from '../../src/shared/schema.ts';

export type ProblemParams = NonNullable<Problem['params']>;

/** An error answer of the API (application/problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The values the message mentions; with `code` they give the message in the user's language. */
  readonly params: ProblemParams;
  readonly problem: Problem | null;
  /** Seconds from a Retry-After header (rate limiting). */
  retryAfter: number | null = null;
  constructor(status: number, problem: Problem | null, fallback: string) {
    super(problem?.detail || problem?.title || fallback);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'network' : `http_${status}`);
    this.params = problem?.params ?? {};
    this.problem = problem;
  }
  /** Whether the error has this code, scoped by a feature ("consultation.form_token") or not ("form_token"). */
  is(code: string): boolean {
    return this.code === code || this.code.endsWith(`.${code}`);
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
    return this.status === 409 && this.is('stale_edit');
  }
}

let csrfToken: string | null = null;
/** The token the API gave at login (or in /api/auth/me); sent with every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && ('detail' in v || 'title' in v);
}

/** Reads an answer's text as JSON; undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ApiError of a failed answer: its problem+json body and its Retry-After header. */
export function errorOf(
  status: number,
  statusText: string,
  body: unknown,
  retryAfter: string | null,
): ApiError {
  const err = new ApiError(status, isProblem(body) ? body : null, `${status} ${statusText}`);
  const retry = Number(retryAfter);
  if (Number.isFinite(retry) && retry > 0) err.retryAfter = retry;
  return err;
}

/** Sends a request to the API: JSON by default, or a FormData / Blob body as it is. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof FormData || body instanceof Blob;
  if (body !== undefined && !raw) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null, 'network error');
  }
  if (res.status === 204) return undefined as T;
  const data = parseJson(await res.text());
  if (!res.ok) throw errorOf(res.status, res.statusText, data, res.headers.get('retry-after'));
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
