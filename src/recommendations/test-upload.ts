import { expect } from 'vitest';
import type { TestApp } from '../test/app.ts';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { UPR_INFO_COLUMNS } from './import-upr-info.ts';
import type { ImportRecord } from './schema.ts';
import { storeRecords } from './store.ts';

/** Imports UPR Info rows (without the header) through the HTTP API as a coordinator. */
export async function uploadUprInfo(t: TestApp, fileName: string, rows: string[]): Promise<void> {
  const coord = await t.as('coordinator');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/imports/upr-info?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'text/csv', cookie: coord.cookie, 'x-csrf-token': coord.csrf },
    payload: [UPR_INFO_COLUMNS.join(','), ...rows].join('\n'),
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Stores records `from` to `to` of a UPR Info file read before, as an import of `fileName` would. */
export const storeSlice = (db: Db, records: ImportRecord[], from: number, to: number, fileName: string) =>
  storeRecords(db, systemActor('test'), {
    kind: 'upr-info',
    fileName,
    sha256: fileName,
    records: records.slice(from, to),
    rowErrors: [],
    totalRows: to - from,
  });
