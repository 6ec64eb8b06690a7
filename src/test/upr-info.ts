import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { readUprInfo } from '../recommendations/import-upr-info.ts';
import type { ImportRecord } from '../recommendations/schema.ts';
import { storeRecords } from '../recommendations/store.ts';

/**
 * The UPR Info export the follow-up tests import (the Netherlands' rows), from the shared data next
 * to the repository; a clone without ../shared skips those tests.
 */
export const UPR_INFO = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');

/** Whether the UPR Info export is there; when not, says which tests are skipped (not under CI). */
export function uprInfoPresent(what: string): boolean {
  if (fs.existsSync(UPR_INFO)) return true;
  if (process.env.CI !== 'true')
    console.warn(`Skipping ${what}: ${UPR_INFO} is absent (a clone without ../shared).`);
  return false;
}

let netherlands: ImportRecord[] | undefined;

/** The Netherlands' records of the export (the first `limit` of them), read once per process. */
export function netherlandsUprInfo(limit?: number): ImportRecord[] {
  netherlands ??= readUprInfo(fs.readFileSync(UPR_INFO)).records.filter(
    (r) => r.stateUnderReview === 'Netherlands',
  );
  // Copies: storing records normalises some of their fields in place.
  return netherlands.slice(0, limit).map((r) => ({ ...r }));
}

/** Stores the Netherlands' records (or the `records` given) as a UPR Info import by the system. */
export function importNetherlandsUprInfo(
  db: Db,
  opts: { limit?: number; fileName?: string; records?: ImportRecord[] } = {},
) {
  const records = opts.records ?? netherlandsUprInfo(opts.limit);
  return storeRecords(db, systemActor('test'), {
    kind: 'upr-info',
    fileName: opts.fileName ?? 'upr-recommendations-sessions-01-16.csv',
    sha256: 'x',
    records,
    rowErrors: [],
    totalRows: records.length,
  });
}
