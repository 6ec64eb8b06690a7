import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { testDb } from '../test/db.ts';
import { decodeText, parseCsv } from './csv.ts';
import { FormatError, readUprInfo, UPR_INFO_COLUMNS } from './import-upr-info.ts';
import { storeRecords } from './store.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const present = fs.existsSync(FILE);
const skipReal = !present && process.env.CI !== 'true';
if (skipReal)
  console.warn(`Skipping the real UPR Info import: ${FILE} is absent (a clone without ../shared).`);

const header = UPR_INFO_COLUMNS.join(',');
const row = (
  id: number,
  text: string,
  state = 'Austria',
  response = 'Accepted',
  issues = "Women's rights,Justice",
) => `${id},Netherlands,WEOG,EU,"${text}",${state},WEOG,EU,${response},4,"${issues}",1`;
const csv = (...rows: string[]) => new TextEncoder().encode([header, ...rows].join('\n') + '\n');
const actor = systemActor('test');

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
});
afterAll(() => db?.close());

const store = (bytes: Uint8Array, opts: { importValidRows?: boolean; dryRun?: boolean } = {}) => {
  const r = readUprInfo(bytes);
  return storeRecords(db, actor, {
    kind: 'upr-info',
    fileName: 'test.csv',
    sha256: 'x',
    records: r.records,
    rowErrors: r.errors,
    totalRows: r.totalRows,
    ...opts,
  });
};
const count = async (table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

describe('CSV reading', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const rows = parseCsv('a,b\r\n"x, ""y""","line 1\nline 2"\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line 1\nline 2'],
    ]);
  });

  it('decodes Mac Roman, the encoding of the UPR Info originals', () => {
    // "Côte d’Ivoire" in Mac Roman: ô = 0x99, ’ = 0xD5
    const bytes = Uint8Array.from([
      0x43, 0x99, 0x74, 0x65, 0x20, 0x64, 0xd5, 0x49, 0x76, 0x6f, 0x69, 0x72, 0x65,
    ]);
    expect(decodeText(bytes)).toEqual({ text: 'Côte d’Ivoire', encoding: 'macintosh' });
  });
});

describe('UPR Info import', () => {
  it('refuses a file that is not a UPR Info CSV, saying why', () => {
    expect(() => readUprInfo(new TextEncoder().encode('name,email\nx,y\n'))).toThrow(
      /header is not that of a UPR Info export.*missing: id/,
    );
    expect(() => readUprInfo(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(/zip or Excel file/);
    expect(() => readUprInfo(csv('1,Netherlands,WEOG,EU,"cut off'))).toThrow(FormatError);
    expect(() => readUprInfo(new Uint8Array())).toThrow(/empty/);
  });

  it('is all or nothing: a row without text rejects the import unless only valid rows are asked for', async () => {
    const before = await count('recommendations');
    const bytes = csv(row(901, 'Ensure access to legal aid for all.'), row(902, ''));
    await expect(store(bytes)).rejects.toMatchObject({ code: 'import_invalid', status: 400 });
    await expect(store(bytes)).rejects.toThrow(/row 3: the recommendation text is empty/);
    expect(await count('recommendations')).toBe(before);
    const partial = await store(bytes, { importValidRows: true });
    expect(partial).toMatchObject({ created: 1, skipped: 1, committed: true });
    expect(await count('recommendations')).toBe(before + 1);
  });

  it('a preview gives the exact counts and stores nothing', async () => {
    const before = await count('recommendations');
    const preview = await store(csv(row(911, 'Strengthen the independence of the ombudsman.')), {
      dryRun: true,
    });
    expect(preview).toMatchObject({ created: 1, committed: false });
    expect(await count('recommendations')).toBe(before);
  });

  it('merges the same recommendation from two states into one record with two sources', async () => {
    const s = await store(
      csv(row(921, 'Ratify the ICMW.', 'Algeria'), row(922, 'Ratify the ICMW.', 'Egypt')),
    );
    expect(s).toMatchObject({ created: 1, sources: 2 });
    const r = await db.query<{ recommending_states: string[]; n: number }>(
      `select r.recommending_states, (select count(*)::int from recommendation_sources s where s.recommendation_id = r.id) as n
         from recommendations r where text = 'Ratify the ICMW.'`,
    );
    expect(r.rows).toEqual([{ recommending_states: ['Algeria', 'Egypt'], n: 2 }]);
  });

  it('keeps issue labels that no taxonomy term knows, listed for mapping', async () => {
    const s = await store(
      csv(row(931, 'Combat trafficking in persons.', 'Austria', 'Accepted', 'Justice,Sea level,Tax policy')),
    );
    expect(s.unmappedTerms.map((u) => u.spelling)).toEqual(
      expect.arrayContaining(['Sea level', 'Tax policy']),
    );
    const kept = await db.query<{ spelling: string }>(
      `select spelling from recommendation_unmapped_terms u join recommendation_sources s using (recommendation_id)
        where s.source_key = '931' order by spelling`,
    );
    expect(kept.rows.map((k) => k.spelling)).toEqual(['Sea level', 'Tax policy']);
  });
});

describe('the real UPR Info extract', () => {
  let real: Db;
  beforeAll(async () => {
    real = await testDb();
    await seedReferenceData(real);
  });
  afterAll(() => real?.close());

  it.skipIf(skipReal)(
    'imports with the right counts, and again without duplicates',
    async () => {
      const bytes = new Uint8Array(fs.readFileSync(FILE));
      const r = readUprInfo(bytes);
      expect(r.totalRows).toBe(30261);
      expect(r.errors).toEqual([]);
      const run = () =>
        storeRecords(real, actor, {
          kind: 'upr-info',
          fileName: 'upr.csv',
          sha256: 'x',
          records: readUprInfo(bytes).records,
          rowErrors: [],
          totalRows: r.totalRows,
        });
      const n = async (sql: string) => (await real.query<{ n: number }>(sql)).rows[0]!.n;
      const audit = () => n('select count(*)::int as n from audit_events');
      const audited = await audit();
      const first = await run();
      expect(first.sources).toBe(30261);
      expect(first.created).toBe(await n('select count(*)::int as n from recommendations'));
      expect(await n('select count(*)::int as n from recommendation_sources')).toBe(30261);
      // Identical texts to one state in one session from several states are one recommendation.
      expect(first.created).toBeLessThan(30261);
      expect(
        await n(`select count(*)::int as n from recommendation_sources s join recommendations r on r.id = s.recommendation_id
                where r.state_under_review = 'Netherlands'`),
      ).toBe(182);
      expect(await n('select count(*)::int as n from recommendations where position is null')).toBe(0);
      // One audit row per recommendation created, and the summary.
      expect(await audit()).toBe(audited + first.created + 1);
      const tables = [
        'recommendations',
        'recommendation_sources',
        'recommendation_terms',
        'recommendation_unmapped_terms',
      ];
      // Every row in full (times, versions, provenance), as one digest per table.
      const digests = async () =>
        Promise.all(
          tables.map(
            async (table) =>
              (
                await real.query<{ d: string }>(
                  `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${table} t`,
                )
              ).rows[0]!.d,
          ),
        );
      const stored = await digests();
      const again = await run();
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: first.created });
      // The unchanged file changes no row, and only the summary is audited.
      expect(await digests()).toEqual(stored);
      expect(await audit()).toBe(audited + first.created + 2);
    },
    180_000,
  ); // two imports of 30,000 rows: well within a minute alone, slower on a shared machine
});
