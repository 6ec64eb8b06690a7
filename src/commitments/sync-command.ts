/**
 * `rightsdesk sync tweedekamer`: reads the motions changed since a date from the Tweede Kamer's live
 * OData API (the server needs internet access), or a saved file with --file, and stores them in
 * the register as an import does (import.ts): re-running it updates, never duplicates.
 */
import fs from 'node:fs';
import { cliActor, withDb } from '../cli/context.ts';
import { addDays, today } from '../core/dates.ts';
import { storeTweedeKamer } from './import.ts';
import { parseTweedeKamer } from './tweedekamer/detect.ts';
import { fetchMotions } from './tweedekamer/live.ts';

export interface SyncOptions {
  since?: string;
  topic: string;
  file?: string;
}

export const syncTweedeKamer = (o: SyncOptions) =>
  withDb(async (db) => {
    const file = o.file
      ? parseTweedeKamer(new Uint8Array(fs.readFileSync(o.file)), o.file)
      : await fetchMotions({ since: o.since ?? addDays(today(), -90), topic: o.topic });
    const r = await storeTweedeKamer(db, cliActor(), file);
    console.log(
      `Tweede Kamer (${r.format}): ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged; ` +
        `${r.openCommitments} open commitment(s), ${r.organisationToConfirm} with the ministry to confirm, ` +
        `${r.skipped.length} skipped.`,
    );
    for (const s of r.skipped) console.log(`  skipped ${s.record}: ${s.reason}`);
  });
