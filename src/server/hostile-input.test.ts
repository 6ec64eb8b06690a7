import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import { textProblem } from '../shared/schema.ts';
import { findHostile } from './hostile.ts';

/**
 * Hostile input on every route of the OpenAPI document: each parameter, query field and body field
 * in turn gets each value of a fixed corpus (NUL and other control characters, half surrogate pairs,
 * a right-to-left override, a string of a million characters, huge and negative numbers, impossible
 * dates), the other fields a plausible value, as an anonymous caller and as an administrator. No
 * answer may be a 500, and a refused write leaves the data as it was.
 */

const LONG = 'x'.repeat(1_000_000);
const STRINGS = ['a\u0000b', '\u009b', '\ud800', '\u202eevil', LONG];
const NUMBERS = [2147483648, -2147483649, 1e308, -1];
const DATES = ['0000-00-00', '2026-02-30', '0001-01-01', '9999-12-31'];
/** The values tried on a field: all of its own kind, and a few of the others. */
function corpusFor(s: JsonSchema | undefined): unknown[] {
  const type = s?.type ?? (s?.anyOf ?? s?.oneOf)?.find((a) => a.type !== 'null')?.type;
  if (type === 'integer' || type === 'number') return [...NUMBERS, '\u0000'];
  if (type === 'boolean' || type === 'array' || type === 'object') return ['\u0000', NUMBERS[0]];
  return [...STRINGS, ...DATES, NUMBERS[0]];
}

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  format?: string;
  minLength?: number;
  minimum?: number;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
type Parameter = { in: 'path' | 'query'; name: string; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const ZERO_ID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let admin: Session;
let doc: { paths: Record<string, Partial<Record<Lowercase<Method>, Operation>>> };
/** A real id per collection ("instruments"), so that hostile values reach past the lookup. */
const ids = new Map<string, string>();

beforeAll(async () => {
  // Hundreds of anonymous requests from one address: without the per-address limit of public routes
  // (src/server/public-limit.ts, tested on its own), which would answer 429 once a fast run passes 300
  // a minute, instead of the answers to the hostile values under test.
  process.env.PUBLIC_RATE_LIMIT_PER_MINUTE = '0';
  t = await testApp();
  delete process.env.PUBLIC_RATE_LIMIT_PER_MINUTE;
  admin = await t.as('admin');
  doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
  for (const path of Object.keys(doc.paths)) {
    const m = /^\/api\/([^/{]+)$/.exec(path);
    if (!m || !doc.paths[path]!.get) continue;
    const res = await t.call(admin, 'GET', path);
    if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
    const body = res.json() as { items?: { id?: unknown }[] } | { id?: unknown }[];
    const first = Array.isArray(body) ? body[0] : body.items?.[0];
    if (typeof first?.id === 'string') ids.set(m[1]!, first.id);
  }
}, 300_000);
afterAll(() => t?.close());

/** A plausible value for a field, so that the request gets as far as the hostile one. */
function plausible(s: JsonSchema | undefined): unknown {
  if (!s) return 'Test';
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return plausible(alt.find((a) => a.type !== 'null') ?? alt[0]);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, plausible(s.properties?.[k])]));
    default:
      if (s.format === 'uuid') return ZERO_ID;
      if (s.format === 'date') return '2027-01-15';
      if (s.format === 'date-time') return '2027-01-15T10:00:00.000Z';
      if (s.format === 'email') return 'someone@example.org';
      return 'Test'.padEnd(s.minLength ?? 0, 'x');
  }
}

/** Percent-encodes like a browser would, lone surrogates included (as the bytes a careless client sends). */
const encode = (s: string) =>
  s.replace(/[\s\S]/gu, (ch) =>
    ch.isWellFormed()
      ? encodeURIComponent(ch)
      : [...Buffer.from([0xed, 0xa0 | ((ch.charCodeAt(0) >> 6) & 0x1f), 0x80 | (ch.charCodeAt(0) & 0x3f)])]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join(''),
  );

function pathWith(path: string, params: Parameter[], hostile?: { name: string; value: string }) {
  const collection = /^\/api\/([^/]+)\//.exec(path)?.[1] ?? '';
  let url = path;
  for (const p of params) {
    const value =
      hostile?.name === p.name
        ? hostile.value
        : p.name === 'id'
          ? (ids.get(collection) ?? ZERO_ID)
          : String(plausible(p.schema));
    url = url.replace(`{${p.name}}`, encode(value));
  }
  return url;
}

async function auditCount(): Promise<number> {
  const r = await t.db.query<{ n: number }>('select count(*)::int as n from audit_events');
  return r.rows[0]!.n;
}

interface Attempt {
  what: string;
  url: string;
  body?: unknown;
}

function attemptsFor(path: string, op: Operation): Attempt[] {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path');
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const baseBody = bodySchema ? plausible(bodySchema) : undefined;
  const out: Attempt[] = [];
  for (const p of params)
    for (const value of corpusFor(p.schema))
      out.push({
        what: `path ${p.name}`,
        url: pathWith(path, params, { name: p.name, value: String(value) }),
        body: baseBody,
      });
  for (const q of query)
    for (const value of corpusFor(q.schema))
      out.push({
        what: `query ${q.name}`,
        url: `${pathWith(path, params)}?${q.name}=${encode(String(value))}`,
        body: baseBody,
      });
  for (const [field, schema] of Object.entries(bodySchema?.properties ?? {}))
    for (const value of corpusFor(schema))
      out.push({
        what: `body ${field}`,
        url: pathWith(path, params),
        body: { ...(baseBody as object), [field]: value },
      });
  return out;
}

/** Runs the attempts a few at a time. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe('hostile input on every route of the OpenAPI document', () => {
  it('knows the routes', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });

  it('never answers 500, and a refused write changes nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path === '/api/auth/logout') continue; // would end the session the rest of the test uses
      for (const [m, op] of Object.entries(ops) as [Lowercase<Method>, Operation][]) {
        const method = m.toUpperCase() as Method;
        const writes = method !== 'GET';
        const attempts = attemptsFor(path, op);
        for (const session of [null, admin]) {
          const who = session ? 'admin' : 'anonymous';
          const before = await auditCount();
          const send = (a: Attempt) => t.call(session, method, a.url, writes ? (a.body ?? {}) : undefined);
          // A route closed to anonymous callers answers 401 before it reads anything: tried once.
          const probe = session ? null : await send(attempts[0] ?? { what: '', url: path });
          const todo = probe?.statusCode === 401 ? [] : attempts;
          const results = await inBatches(todo, 8, async (a) => ({ a, res: await send(a) }));
          sent += results.length + (probe ? 1 : 0);
          for (const { a, res } of results)
            if (res.statusCode >= 500)
              failures.push(
                `${who} ${method} ${path} ${a.what} → ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
          const refusedAll = results.every(({ res }) => res.statusCode >= 400);
          if (writes && refusedAll && path !== '/api/auth/login' && (await auditCount()) !== before)
            failures.push(`${who} ${method} ${path}: every attempt was refused, yet something was audited`);
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses control characters with a coded 400 that names the field', async () => {
    const res = await t.call(null, 'GET', `/api/recommendations?q=${encodeURIComponent('a\u0000b')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'input.control_character',
      params: { field: 'querystring.q' },
      errors: [{ path: 'querystring.q' }],
    });
    const login = await t.call(null, 'POST', '/api/auth/login', { email: 'a\u0000@x.org', password: 'x' });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ code: 'input.control_character', params: { field: 'body.email' } });
  });

  it('allows tab and line breaks in a body text, not in a query', async () => {
    expect(textProblem('line one\nline two\ttab\r\n', true)).toBeNull();
    expect(textProblem('line one\nline two', false)).toBe('control_character');
    expect(textProblem('\ud800', true)).toBe('broken_text');
    expect(textProblem('abc\u202edcb', true)).toBe('direction_override');
    // A raw upload is read by its own reader, not refused as text.
    expect(findHostile(Buffer.from([0, 1, 2]), 'body', true)).toBeNull();
    expect(findHostile({ a: [{ b: 'x\u0000' }] }, 'body', true)).toEqual({
      field: 'body.a.0.b',
      problem: 'control_character',
    });
    expect(textProblem('Ministerie van BZK — “ok” ünïcode 😀', false)).toBeNull();
  });

  it('bounds integer parameters: a year beyond int4 is a 400, not a 500', async () => {
    for (const url of [
      '/api/recommendations?year=2147483648',
      '/api/recommendations?year=99999999999999999999',
      '/api/recommendations/export.csv?year=2147483648',
      '/api/recommendations?page=2147483648',
    ]) {
      const res = await t.call(null, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('validation');
    }
  });
});
