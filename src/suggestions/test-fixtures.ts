import fs from 'node:fs';
import type { TestApp } from '../test/app.ts';
import { UPR_INFO } from '../test/upr-info.ts';
import { parseCsv } from '../recommendations/csv.ts';
import type { ImportSummary } from '../recommendations/schema.ts';

const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;

/**
 * Rows `from` to `to` of a state's recommendations in the UPR Info export, as a CSV file of the same
 * columns with the `issues` column emptied: imported, they make recommendations without tags.
 */
export function untaggedUprInfoCsv(state: string, from: number, to: number): string {
  const rows = parseCsv(fs.readFileSync(UPR_INFO, 'utf8'));
  const head = rows[0]!.fields;
  const stateCol = head.indexOf('state_under_review');
  const issuesCol = head.indexOf('issues');
  const picked = rows
    .slice(1)
    .filter((r) => r.fields[stateCol] === state)
    .slice(from, to)
    .map((r) => r.fields.map((f, i) => (i === issuesCol ? '' : f)));
  return [head.join(','), ...picked.map((fields) => fields.map(quote).join(','))].join('\n');
}

/** Imports a UPR Info CSV through the API as the coordinator of the coordinating ministry. */
export async function importCsv(t: TestApp, fileName: string, csv: string): Promise<ImportSummary> {
  const coord = await t.as('coordinator');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/imports/upr-info?fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'text/csv', cookie: coord.cookie, 'x-csrf-token': coord.csrf },
    payload: csv,
  });
  if (res.statusCode !== 200) throw new Error(`import failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
