/**
 * The tags an import stores keep the count of recommendations per taxonomy scheme true (migration
 * 0021, set-based since migration 0025): a recommendation counts once per scheme, whether its terms
 * come in one statement or over several imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { readUprInfo, UPR_INFO_COLUMNS } from './import-upr-info.ts';
import { storeRecords } from './store.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
});
afterAll(() => db?.close());

const row = (id: number, text: string, issues: string, state = 'Canada') =>
  `${id},Netherlands,WEOG,EU,"${text}",${state},WEOG,,Accepted,4,"${issues}",1`;
const store = (...rows: string[]) => {
  const read = readUprInfo(new TextEncoder().encode([UPR_INFO_COLUMNS.join(','), ...rows].join('\n')));
  return storeRecords(db, systemActor('test'), {
    kind: 'upr-info',
    fileName: 'upr.csv',
    sha256: 'x',
    records: read.records,
    rowErrors: read.errors,
    totalRows: read.totalRows,
  });
};

/** The kept counts per scheme, and the same counted afresh from the tags. */
async function schemeCounts() {
  const kept = await db.query<{ scheme: string; n: number }>(
    `select value as scheme, sum(n)::int as n from recommendation_facet_counts where facet = 'scheme'
      group by 1 having sum(n) <> 0 order by 1`,
  );
  const fresh = await db.query<{ scheme: string; n: number }>(
    `select t.scheme, count(distinct rt.recommendation_id)::int as n
       from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id group by 1 order by 1`,
  );
  expect(kept.rows).toEqual(fresh.rows);
  return Object.fromEntries(kept.rows.map((r) => [r.scheme, r.n]));
}

describe('the count of tagged recommendations per scheme', () => {
  it('stays true when imports tag new and known recommendations', async () => {
    const A = 'Combat racial discrimination in the labour market.';
    const B = 'Ensure the rights of women in the workplace.';
    // Several terms of one scheme in one statement count the recommendation once.
    await store(row(1, A, 'Racial discrimination,Labour'), row(2, B, "Women's rights"));
    const first = await schemeCounts();
    expect(first.uhri_theme).toBe(2);
    expect(first.uhri_group).toBe(1);
    // A recommendation tagged before gains a term of a scheme it has (no change) and one of a
    // scheme it had not (counted); another state's record of A merges into it.
    await store(
      row(1, A, "Racial discrimination,Labour,Women's rights"),
      row(3, A, 'Racial discrimination', 'Chile'),
      row(2, B, "Women's rights,Labour"),
    );
    const second = await schemeCounts();
    expect(second.uhri_theme).toBe(2);
    expect(second.uhri_group).toBe(2);
  });
});
