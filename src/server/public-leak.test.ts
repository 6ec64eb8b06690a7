import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../recommendations/schema.ts';
import { testApp, type TestApp } from '../test/app.ts';
import { PUBLIC_MARKERS, SENTINELS, SECRET, seedLeakData, type Seeded } from './public-leak-seed.ts';

/**
 * Nothing internal ever leaks (issue 13). Every route the app declares public (`config.access ===
 * 'public'`: the API and the portal's pages, every method) is called without signing in, with its
 * path parameters filled from real ids (of what is published and of what is not) and with a few
 * queries; no status line, header or body (JSON, CSV, the text in an .xlsx/.docx, a PDF's text) may
 * hold a sentinel: the unpublished recommendation, the draft progress update, the internal document
 * and letter draft, the unpublished consultation input, or the name or e-mail address of a user or
 * contact. A public route with a path parameter the table below cannot fill fails the test: add it.
 */
let t: TestApp;
let seeded: Seeded & { stylesheet: string };
interface PublicRoute {
  method: string;
  url: string;
}
const routes: PublicRoute[] = [];

/** The routes as the app declares them, caught while it is built (Fastify announces every new instance). */
function collect({ fastify }: { fastify: FastifyInstance }) {
  fastify.addHook('onRoute', (r: RouteOptions) => {
    const config = r.config as { access?: string } | undefined;
    if (config?.access !== 'public') return;
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** Values of each path parameter: real ones, and unknown ones. */
const PARAMS: Record<string, (s: Seeded & { stylesheet: string }) => string[]> = {
  id: (s) => [...new Set(Object.values(s.ids)), ...s.numbers, UNKNOWN_ID],
  format: () => ['csv', 'json', 'xlsx', 'docx', 'pdf'],
  // The iCalendar feeds' secret token (<token>.ics): a visitor without one.
  file: () => ['0123456789abcdef0123456789abcdef.ics'],
  // The contribution forms' link secret: a visitor without one.
  secret: () => ['not-a-real-link-secret'],
  // Instruments in the portal.
  code: () => ['CEDAW', 'UPR', 'NOSUCHCODE'],
  // The portal's stylesheet (its name carries a hash) and anything else.
  name: (s) => [s.stylesheet, 'portal.css'],
  // The rest of a path under the portal's root (its page not found).
  '*': () => ['niet-bestaand', 'a/b/c'],
};
/** Queries tried on every route without path parameters (routes with them: the first two). */
const QUERIES = (s: Seeded) => [
  '',
  '?lang=en',
  '?q=LEAKSENTINEL',
  '?q=Leakname',
  '?q=older%20persons&world=true',
  `?columns=${EXPORT_COLUMNS.join(',')}`,
  `?importId=${s.ids.import}&pageSize=100`,
  '?public=false&status=received&includeDrafts=true',
];

let address = 0;
/** Anonymous calls, each from another address (the per-address limit of anonymous calls is not under test). */
const anonymous = (method: string, url: string, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: `198.18.${(++address >> 8) & 255}.${address & 255}`,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** Everything an answer says: status line, headers and body (the text of .xlsx/.docx parts, a PDF's text). */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  const head = [
    `${res.statusCode} ${res.statusMessage}`,
    ...Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`),
  ];
  const raw = res.rawPayload;
  if (raw.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    const zip = await JSZip.loadAsync(raw);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => {
          const xml = await f.async('string');
          // Word splits text into runs: the text without its markup too.
          return `${f.name}\n${xml}\n${xml.replace(/<[^>]+>/g, '')}`;
        }),
    );
    return [...head, ...parts].join('\n');
  }
  if (raw.subarray(0, 5).toString('latin1') === '%PDF-') {
    const pdf = await getDocumentProxy(new Uint8Array(raw));
    const { text } = await extractText(pdf, { mergePages: true });
    await pdf.destroy();
    return [...head, text, raw.toString('latin1')].join('\n');
  }
  return [...head, raw.toString('utf8')].join('\n');
}

/** The URLs of a route: each combination of its parameters' values; null when a parameter is unknown. */
function urlsOf(url: string, s: Seeded & { stylesheet: string }): string[] | null {
  const names = [...url.matchAll(/:([A-Za-z_]+)|\*/g)].map((m) => m[1] ?? '*');
  let urls = [url];
  for (const name of names) {
    const values = PARAMS[name]?.(s);
    if (!values) return null;
    urls = urls.flatMap((u) =>
      values.map((v) => (name === '*' ? u.replace('*', v) : u.replace(`:${name}`, encodeURIComponent(v)))),
    );
  }
  return urls;
}

interface Leak {
  request: string;
  status: number;
  found: string[];
}
const leaks: Leak[] = [];
const serverErrors: string[] = [];
const seenMarkers = new Set<string>();
let requests = 0;

async function check(method: string, url: string, payload?: unknown, allowed: string[] = []) {
  const res = await anonymous(method, url, payload);
  requests++;
  const text = await textOf(res);
  const found = SENTINELS.filter((s) => !allowed.includes(s) && text.includes(s));
  if (found.length) leaks.push({ request: `${method} ${url}`, status: res.statusCode, found });
  if (res.statusCode >= 500 && res.statusCode !== 503)
    serverErrors.push(`${method} ${url} → ${res.statusCode}`);
  for (const [key, marker] of Object.entries(PUBLIC_MARKERS)) if (text.includes(marker)) seenMarkers.add(key);
  return res;
}

beforeAll(async () => {
  diagnostics.subscribe('fastify.initialization', collect as (m: unknown) => void);
  try {
    t = await testApp();
  } finally {
    diagnostics.unsubscribe('fastify.initialization', collect as (m: unknown) => void);
  }
  const seed = await seedLeakData(t);
  // The stylesheet's name as the portal's home page links it (with its hash).
  const home = await t.app.inject({ method: 'GET', url: '/openbaar' });
  const css = /\/openbaar\/assets\/([^"?]+)/.exec(home.body)?.[1] ?? 'portal.css';
  seeded = { ...seed, stylesheet: css };
}, 300_000);
afterAll(() => t?.close());

describe('what a visitor who is not signed in can reach', () => {
  it('finds the public routes, the API and the portal, and can fill every path parameter', () => {
    const urls = routes.map((r) => `${r.method} ${r.url}`);
    expect(urls).toContain('GET /api/recommendations');
    expect(urls).toContain('GET /api/recommendations/:id');
    expect(urls).toContain('POST /api/auth/login');
    expect(urls).not.toContain('GET /api/recommendations/:id/followup');
    const unfilled = routes.filter((r) => r.method === 'GET' && urlsOf(r.url, seeded) === null);
    expect(
      unfilled.map((r) => r.url),
      'a public route with a parameter the leak test cannot fill: add it to PARAMS',
    ).toEqual([]);
  });

  it('shows the sentinels to a signed-in coordinator (so that their absence below means something)', async () => {
    const coordinator = await t.as('coordinator');
    const seen = async (url: string) => (await t.call(coordinator, 'GET', url)).body;
    expect(await seen(`/api/recommendations/${seeded.ids.unpublished}`)).toContain(SECRET.recommendation);
    expect(await seen(`/api/documents/${seeded.ids['document-internal']}`)).toContain(SECRET.document);
    expect(await seen(`/api/recommendations/${seeded.ids.published}/progress`)).toContain(SECRET.draft);
    expect(await seen(`/api/consultations/${seeded.ids.consultation}/submissions`)).toContain(SECRET.input);
  });

  it('answers no GET of a public route with anything internal, whatever the ids and queries', async () => {
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const urls = urlsOf(route.url, seeded) ?? [];
      const queries =
        urls.length > 1 || urls[0] !== route.url ? QUERIES(seeded).slice(0, 2) : QUERIES(seeded);
      for (const url of urls)
        for (const query of queries) {
          // A query's own word may be said back ("results for …"); the rest must still be absent.
          const asked = new URLSearchParams(query).get('q') ?? '';
          await check('GET', `${url}${query}`, undefined, SENTINELS.includes(asked) ? [asked] : []);
        }
    }
    expect(leaks, JSON.stringify(leaks, null, 1)).toEqual([]);
    expect(serverErrors).toEqual([]);
    // The published data was reached: the test looked where it could have found something.
    expect([...seenMarkers].sort()).toEqual(Object.keys(PUBLIC_MARKERS).sort());
    expect(requests).toBeGreaterThan(500);
  }, 600_000);

  it('names no user and shows nothing internal in the answers to POSTs of public routes', async () => {
    const before = leaks.length;
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      for (const url of urlsOf(route.url, seeded) ?? []) {
        for (const body of [undefined, {}, { text: 'x' }]) await check(route.method, url, body);
      }
    }
    // Signing in with a user's address and a wrong password, or an address nobody has, names no one.
    for (const email of ['leak.sentinel@example.org', 'leak.writer@example.org', 'nobody@example.org']) {
      const res = await check('POST', '/api/auth/login', { email, password: 'wrong password!' }, [
        '@example.org',
        'leak.sentinel',
        'leak.writer',
      ]);
      expect(res.statusCode).toBe(401);
    }
    expect(leaks.slice(before), JSON.stringify(leaks.slice(before), null, 1)).toEqual([]);
    expect(serverErrors).toEqual([]);
  }, 300_000);
});
