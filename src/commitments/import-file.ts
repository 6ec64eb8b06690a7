/** A file of the Tweede Kamer's open data sent to the API: OData JSON (parsed by Fastify) or SyncFeed XML. */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { commitmentErrors } from './errors.ts';
import { storeTweedeKamer } from './import.ts';
import { commitmentPolicy } from './policy.ts';
import type { ImportResult } from './schema.ts';
import { parseOData } from './tweedekamer/parse-odata.ts';

export async function importTweedeKamerFile(db: Db, actor: Actor, body: unknown): Promise<ImportResult> {
  authorize(commitmentPolicy.import(actor), () => commitmentErrors.import_forbidden());
  if (body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0))
    throw commitmentErrors.import_unreadable({ reason: 'the request has no file' });
  // The XML parser of the SyncFeed loads at the first file, not at the server's start.
  const { parseTweedeKamer } = await import('./tweedekamer/detect.ts');
  const file = Buffer.isBuffer(body)
    ? parseTweedeKamer(new Uint8Array(body), 'het bestand')
    : typeof body === 'string'
      ? parseTweedeKamer(body, 'het bestand')
      : parseOData(body, 'het bestand');
  return storeTweedeKamer(db, actor, file);
}
