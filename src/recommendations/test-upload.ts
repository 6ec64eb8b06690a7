import { expect } from 'vitest';
import type { TestApp } from '../test/app.ts';
import { UPR_INFO_COLUMNS } from './import-upr-info.ts';

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
