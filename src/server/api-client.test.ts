/**
 * The typed client generated from the OpenAPI document (clients/typescript, @hey-api/openapi-ts)
 * is what the document of this code gives, and works: a script with a personal access token imports
 * the Netherlands' rows of the real UPR Info export, searches them, and records a progress update,
 * each call through a generated function named by its operationId.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIR, generateClient } from '../../scripts/api-client.ts';
import { createClient } from '../../clients/typescript/src/client/index.ts';
import {
  createRecommendationProgressUpdate,
  getFollowUp,
  importRecommendations,
  listOrganisations,
  searchRecommendations,
  updateResponsibility,
} from '../../clients/typescript/src/sdk.gen.ts';
import { parseCsv } from '../recommendations/csv.ts';
import { testApp, type TestApp } from '../test/app.ts';
import { UPR_INFO, uprInfoPresent } from '../test/upr-info.ts';

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await testApp();
  baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t?.close());

const filesIn = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

/** The header and the Netherlands' rows of the UPR Info export, as CSV again. */
function netherlandsCsv(): string {
  const rows = parseCsv(fs.readFileSync(UPR_INFO, 'utf8'));
  const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
  return [rows[0]!, ...rows.slice(1).filter((r) => r.fields[1] === 'Netherlands')]
    .map((r) => r.fields.map(quote).join(','))
    .join('\n');
}

async function tokenFor(role: 'coordinator' | 'contributor', orgCode: string, scope: 'read' | 'write') {
  const session = await t.as(role, orgCode);
  const res = await t.call(session, 'POST', '/api/tokens', {
    name: `script ${role} ${orgCode} ${scope}`,
    expiresOn: `${new Date().getUTCFullYear() + 1}-01-31`,
    scope,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { token: string }).token;
}

describe('the generated client', () => {
  it('is the one the OpenAPI document gives (run `npm run api:client` after changing a route)', async () => {
    const doc = (await t.call(null, 'GET', '/api/openapi.json')).json() as object;
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdesk-client-'));
    await generateClient(doc, fresh);
    expect(filesIn(fresh)).toEqual(filesIn(CLIENT_DIR));
    for (const file of filesIn(fresh)) {
      const committed = fs.readFileSync(path.join(CLIENT_DIR, file), 'utf8');
      expect(committed, `clients/typescript/src/${file} is stale: run npm run api:client`).toBe(
        fs.readFileSync(path.join(fresh, file), 'utf8'),
      );
    }
    fs.rmSync(fresh, { recursive: true, force: true });
  }, 60_000);

  it.runIf(uprInfoPresent('the generated client test'))(
    'imports, searches and records progress with a token, within its owner’s rights',
    async () => {
      const bzk = createClient({
        baseUrl,
        headers: { authorization: `Bearer ${await tokenFor('coordinator', 'BZK', 'write')}` },
      });

      const imported = await importRecommendations({
        client: bzk,
        path: { kind: 'upr-info' },
        query: { fileName: 'upr-netherlands.csv' },
        body: netherlandsCsv() as never, // the raw file is the body
        headers: { 'content-type': 'text/csv' },
        bodySerializer: (body: unknown) => body as string,
      });
      expect(imported.error, JSON.stringify(imported.error)).toBeUndefined();
      expect(imported.data!.committed).toBe(true);
      expect(imported.data!.created).toBeGreaterThan(100);

      const found = await searchRecommendations({ client: bzk, query: { q: 'torture', pageSize: 5 } });
      expect(found.error).toBeUndefined();
      expect(found.data!.total).toBeGreaterThan(0);
      const first = found.data!.items[0]!;
      expect(first.stateUnderReview).toBe('Netherlands');
      expect(`${first.text} ${first.textNl ?? ''}`.toLowerCase()).toMatch(/tortur|foltering/);

      // The coordinating ministry makes OCW the lead; then OCW's contributor reports with its own token.
      const orgs = await listOrganisations({ client: bzk });
      const ocw = orgs.data!.items.find((o) => o.code === 'OCW')!;
      const followUp = await getFollowUp({ client: bzk, path: { id: first.id } });
      const assigned = await updateResponsibility({
        client: bzk,
        path: { id: first.id },
        body: { leadOrganisationId: ocw.id, version: followUp.data!.version },
      });
      expect(assigned.error, JSON.stringify(assigned.error)).toBeUndefined();

      const ocwWriter = createClient({
        baseUrl,
        headers: { authorization: `Bearer ${await tokenFor('contributor', 'OCW', 'write')}` },
      });
      const update = await createRecommendationProgressUpdate({
        client: ocwWriter,
        path: { id: first.id },
        body: { status: 'in_progress', text: 'Training of prison staff started in 2026.' },
      });
      expect(update.response?.status, JSON.stringify(update.error)).toBe(201);
      expect(update.data!).toMatchObject({ recommendationId: first.id, status: 'in_progress' });

      // Nothing beyond the owner's rights: a read token cannot write, and OCW cannot assign leads.
      const ocwReader = createClient({
        baseUrl,
        headers: { authorization: `Bearer ${await tokenFor('contributor', 'OCW', 'read')}` },
      });
      const readOnly = await createRecommendationProgressUpdate({
        client: ocwReader,
        path: { id: first.id },
        body: { status: 'in_progress', text: 'Not saved.' },
      });
      expect(readOnly.response?.status).toBe(403);
      const notAllowed = await updateResponsibility({
        client: ocwWriter,
        path: { id: first.id },
        body: { leadOrganisationId: ocw.id, version: assigned.data!.version },
      });
      expect(notAllowed.response?.status).toBe(403);
      expect(notAllowed.error).toMatchObject({ status: 403 });

      // Every write is on record as the token's user, naming the token.
      const audit = await t.db.query<{ actor_label: string }>(
        `select actor_label from audit_events where entity_type = 'progress_update' order by id desc limit 1`,
      );
      expect(audit.rows[0]?.actor_label).toMatch(/token: script contributor OCW write/);
    },
    120_000,
  );
});
