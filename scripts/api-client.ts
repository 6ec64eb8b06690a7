/**
 * `npm run api:client`: generates the typed TypeScript client in clients/typescript/src from the
 * OpenAPI document of this code (@hey-api/openapi-ts: types of every request and answer, and a
 * function per operation named by its operationId). Run it after changing a route; a test fails
 * while the committed client differs from what the document gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import { loadConfig } from '../src/core/config.ts';
import { buildApp } from '../src/server/app.ts';
import { testDb } from '../src/test/db.ts';

export const CLIENT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../clients/typescript/src',
);

/** The OpenAPI document as /api/openapi.json serves it (an app on an empty database). */
export async function openApiDocument(): Promise<object> {
  const db = await testDb();
  const app = await buildApp({ db, config: loadConfig({ PORT: '0' }) });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    return res.json() as object;
  } finally {
    await app.close();
    await db.close();
  }
}

/** Writes the client generated from `doc` into `outDir` (replacing what was there). */
export async function generateClient(doc: object, outDir: string): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rightsdesk-openapi-'));
  const input = path.join(tmp, 'openapi.json');
  fs.writeFileSync(input, JSON.stringify(doc));
  fs.rmSync(outDir, { recursive: true, force: true });
  await createClient({
    input,
    output: { path: outDir, importFileExtension: '.ts' },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent' },
  });
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generateClient(await openApiDocument(), CLIENT_DIR);
  console.log(`The client is in ${path.relative(process.cwd(), CLIENT_DIR)}.`);
}
