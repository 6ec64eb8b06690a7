/**
 * The OpenAPI document under Redocly CLI's recommended rules (redocly.yaml): no errors, and no
 * warnings but the explained ones. Runs the CLI from node_modules with this Node, without network.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';
import { SESSION_ONLY_SECURITY, SIGNED_IN_SECURITY, errorStatuses, transform } from './openapi.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');

/** Warnings we keep, with the reason (redocly.yaml says the same). */
const EXPLAINED: { rule: string; pointer: RegExp; reason: string }[] = [
  {
    rule: 'no-ambiguous-paths',
    pointer:
      /^#\/paths\/~1api~1report~1(framework~1(areas|goals|indicators|\{year\})|contributions~1examples)~1/,
    reason:
      'a literal segment (areas, goals, indicators, examples) beside {year} or {id}: the router takes the literal ' +
      'first and {year} is a number, {id} a uuid, so no request is ambiguous; renaming would break clients',
  },
];

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}
type Operation = { operationId?: string; summary?: string; tags?: string[]; security?: unknown };

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>> };
let dir: string;
beforeAll(async () => {
  t = await testApp({ seed: false });
  doc = (await t.call(null, 'GET', '/api/openapi.json')).json();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-openapi-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path: p, op })),
  );

describe('the OpenAPI document', () => {
  it('passes Redocly lint (recommended) with only the explained warnings', () => {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'lint',
        file,
        `--config=${path.join(ROOT, 'redocly.yaml')}`,
        '--format=json',
        '--max-problems=10000',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const out = run.stdout.slice(run.stdout.indexOf('{'));
    const report = JSON.parse(out) as { problems: Problem[] };
    const show = (p: Problem) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`;
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map(show)).toEqual([]);
    const unexplained = report.problems.filter(
      (p) =>
        p.severity !== 'error' &&
        !EXPLAINED.some((e) => e.rule === p.ruleId && e.pointer.test(p.location[0]?.pointer ?? '')),
    );
    expect(unexplained.map(show)).toEqual([]);
    // The document was really linted: every operation counted, and the known warnings found.
    expect(report.problems.filter((p) => p.ruleId === 'no-ambiguous-paths').length).toBeGreaterThan(0);
  });

  it('names every operation once, in lowerCamelCase, with a summary and a tag', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(200);
    const ids = ops.map((o) => o.op.operationId);
    const bad = ops.filter(
      (o) => !/^[a-z][a-zA-Z0-9]+$/.test(o.op.operationId ?? '') || !o.op.summary || !o.op.tags?.length,
    );
    expect(bad.map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('gives each operation the security of its declared access', () => {
    const access = new Map(
      t.app.routeList.map((r) => [`${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]),
    );
    const wrong = operations().filter(({ method, path: p, op }) => {
      const declared = access.get(`${method} ${p}`);
      if (declared === undefined) return true;
      if (declared === 'public') return !Array.isArray(op.security) || op.security.length !== 0;
      // Both ways in, or only the session where the route says so (config.sessionOnly: token management).
      const s = JSON.stringify(op.security);
      return s !== JSON.stringify(SIGNED_IN_SECURITY) && s !== JSON.stringify(SESSION_ONLY_SECURITY);
    });
    expect(wrong.map((o) => `${o.method} ${o.path} ${JSON.stringify(o.op.security)}`)).toEqual([]);
    const withToken = operations().filter(
      (o) => JSON.stringify(o.op.security) === JSON.stringify(SIGNED_IN_SECURITY),
    );
    expect(withToken.length).toBeGreaterThan(150);
    // Both schemes exist, and a non-public operation answers 401 and 403 with a problem document.
    const d = doc as unknown as { components: { securitySchemes: Record<string, { type: string }> } };
    expect(Object.keys(d.components.securitySchemes).sort()).toEqual(['bearerToken', 'session']);
    const patch = doc.paths['/api/organisations/{id}']!.patch as { responses: Record<string, unknown> };
    expect(patch.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(patch.responses['409']).toEqual({ $ref: '#/components/responses/Conflict' });
  });

  it('answers with the Problem document that the server really sends', async () => {
    const res = await t.call(null, 'PATCH', '/api/organisations/00000000-0000-4000-8000-000000000000', {});
    expect(res.statusCode).toBe(401);
    const body = res.json() as Record<string, unknown>;
    const schema = (
      doc as unknown as { components: { schemas: { Problem: { required: string[]; properties: object } } } }
    ).components.schemas.Problem;
    for (const key of schema.required) expect(body).toHaveProperty(key);
    for (const key of Object.keys(body)) expect(schema.properties).toHaveProperty(key);
  });
});

describe('the central rules of openapi.ts', () => {
  const route = (config: object, schema: object = {}) =>
    transform({ schema, url: '/x', route: { config }, openapiObject: {} } as never).schema as {
      security?: unknown;
      operationId?: string;
    };

  it('derives security from config.access, and keeps what a route declares', () => {
    expect(route({ access: 'public' }).security).toEqual([]);
    expect(route({ access: 'signedIn' }).security).toEqual(SIGNED_IN_SECURITY);
    expect(route({ access: 'admin', sessionOnly: true }).security).toEqual(SESSION_ONLY_SECURITY);
    expect(route({ access: 'admin' }, { operationId: 'mine', security: [] })).toMatchObject({
      operationId: 'mine',
      security: [],
    });
  });

  it('derives the error answers from what an operation takes and who may call it', () => {
    expect(errorStatuses('get', '/api/health', { security: [] })).toEqual(['400']);
    const versioned = {
      security: SIGNED_IN_SECURITY,
      requestBody: { content: { 'application/json': { schema: { properties: { version: {} } } } } },
    };
    expect(errorStatuses('patch', '/api/things/{id}', versioned)).toEqual([
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '429',
    ]);
    expect(
      errorStatuses('post', '/api/auth/login', { operationId: 'login', security: [], requestBody: {} }),
    ).toEqual(['400', '403', '413', '415', '429']);
    expect(errorStatuses('get', '/api/tokens', { security: SESSION_ONLY_SECURITY })).toEqual([
      '400',
      '401',
      '403',
    ]);
  });
});
