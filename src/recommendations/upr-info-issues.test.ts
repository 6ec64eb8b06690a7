/**
 * UPR Info's 54 issue labels and the taxonomy: every label is an alias of a UN theme, of a group of
 * affected persons, or of both, so that the theme and group facets work right after an import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { seedReferenceData } from '../reference/seed.ts';
import { resolveTerm } from '../taxonomy/service.ts';
import { testDb } from '../test/db.ts';
import { parseCsv } from './csv.ts';
import { readUprInfo } from './import-upr-info.ts';
import { RecommendationQuery } from './schema.ts';
import { searchRecommendations } from './service.ts';
import { storeRecords } from './store.ts';

const FILE = path.resolve('../shared/data/upr-info/upr-recommendations-sessions-01-16.csv');
const present = fs.existsSync(FILE);
const skipReal = !present && process.env.CI !== 'true';
if (skipReal)
  console.warn(`Skipping the UPR Info issue labels: ${FILE} is absent (a clone without ../shared).`);

/** Each label with the theme and the group it stands for (codes of taxonomy.json). */
const MAPPING: Record<string, [theme: string | null, group: string | null]> = {
  'International instruments': ['A12', null],
  "Women's rights": ['F12', 'women'],
  'Rights of the Child': ['F31', 'children'],
  'Torture and other CID treatment': ['D25', null],
  Justice: ['D51', null],
  Detention: ['conditions-of-detention', 'persons-deprived-of-their-liberty-and-detainees'],
  Minorities: ['G1', 'minorities-racial-ethnic-linguistic-religious-or-descent'],
  'Right to education': ['E51', null],
  Labour: ['right-to-work-and-to-just-and-favorable-conditions-of-work', null],
  Migrants: ['G4', 'migrants'],
  'Death penalty': ['death-penalty', null],
  'Human rights education and training': ['A5', null],
  'Special procedures': ['A24', null],
  'Racial discrimination': ['B32', null],
  Trafficking: ['D27', null],
  NHRI: ['A45', null],
  Disabilities: ['F41', 'persons-with-disabilities'],
  'Treaty bodies': ['A22', null],
  'Freedom of opinion and expression': ['D43', null],
  'Technical assistance and cooperation': ['A3', null],
  'ESC rights - general': ['E1', null],
  'Right to health': ['E41', null],
  'Sexual Orientation and Gender Identity': [
    'G2',
    'lesbian-gay-bisexual-transgender-and-intersex-persons-lgbti',
  ],
  Other: [null, 'general'],
  'Freedom of religion and belief': ['D42', null],
  'Freedom of the press': ['D43', 'media'],
  Poverty: ['E25', 'persons-living-in-poverty'],
  'Enforced disappearances': ['D32', 'disappeared-persons'],
  'Civil society': ['cooperation-and-meaningful-consultation-with-civil-society', 'civil-society'],
  'Indigenous peoples': ['indigenous-peoples', null],
  Development: ['right-to-development', null],
  'Asylum-seekers - refugees': ['G5', 'refugees-and-asylum-seekers'],
  General: ['A42', 'general'],
  'Freedom of association and peaceful assembly': ['freedom-of-association', null],
  'CP rights - general': ['civil-and-political-rights-general-measures-of', null],
  'Human rights defenders': ['human-rights-defenders', 'civil-society'],
  'National plan of action': ['national-plans-of-action-on-human-rights-or-specific-areas', null],
  'Human rights violations by state agents': [
    'impunity-and-transparency',
    'law-enforcement-police-and-prison-officials',
  ],
  'UPR process': ['A27', null],
  'International humanitarian law': ['international-criminal-and-humanitarian-law-including-crimes', null],
  Impunity: ['impunity-and-transparency', null],
  'HIV - Aids': ['E41', 'persons-living-with-hiv-aids'],
  'Extrajudicial executions': ['D21', null],
  'Right to food': ['right-to-food', null],
  Elections: ['D7', null],
  'Public security': [null, 'law-enforcement-police-and-prison-officials'],
  Corruption: ['good-governance-and-corruption', null],
  'Right to housing': ['E23', null],
  'Internally displaced persons': ['internally-displaced-persons', null],
  'Right to land': ['E21', null],
  Environment: ['human-rights-and-the-environment', null],
  'Counter-terrorism': ['human-rights-and-counter-terrorism', null],
  'Right to water': ['E26', null],
  'Freedom of movement': ['freedom-of-movement', null],
};

/** The distinct issue labels of the file with the number of rows that carry each. */
function issueCounts(bytes: Uint8Array): Map<string, number> {
  const rows = parseCsv(new TextDecoder().decode(bytes));
  const col = rows[0]!.fields.indexOf('issues');
  const counts = new Map<string, number>();
  for (const row of rows.slice(1)) {
    for (const label of (row.fields[col] ?? '').split(',')) {
      const l = label.trim();
      if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
  }
  return counts;
}

const actor = systemActor('test');
let db: Db;
beforeAll(async () => {
  db = await testDb();
  await seedReferenceData(db);
});
afterAll(() => db?.close());

describe('UPR Info issue labels', () => {
  it('each label of the mapping resolves, through the aliases, to its theme and its group', async () => {
    expect(Object.keys(MAPPING)).toHaveLength(54);
    const codeOf = async (scheme: 'uhri_theme' | 'uhri_group', label: string) =>
      (await resolveTerm(db, scheme, label))?.code ?? null;
    const wrong: string[] = [];
    for (const [label, [theme, group]] of Object.entries(MAPPING)) {
      const got: [string | null, string | null] = [
        await codeOf('uhri_theme', label),
        await codeOf('uhri_group', label),
      ];
      if (got[0] !== theme || got[1] !== group) wrong.push(`${label}: ${got.join(' + ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(skipReal)('the real extract has the 54 labels of the mapping, with their counts', () => {
    const counts = issueCounts(new Uint8Array(fs.readFileSync(FILE)));
    expect([...counts.keys()].sort()).toEqual(Object.keys(MAPPING).sort());
    expect(counts.get("Women's rights")).toBe(5313);
    expect(counts.get('Rights of the Child')).toBe(5038);
    expect(counts.get('Torture and other CID treatment')).toBe(2422);
    expect(counts.get('Detention')).toBe(1958);
  });

  it.skipIf(skipReal)(
    'importing the real extract leaves no label unmapped, and the facets of a theme search are complete',
    async () => {
      const bytes = new Uint8Array(fs.readFileSync(FILE));
      const r = readUprInfo(bytes);
      const summary = await storeRecords(db, actor, {
        kind: 'upr-info',
        fileName: 'upr.csv',
        sha256: 'x',
        records: r.records,
        rowErrors: r.errors,
        totalRows: r.totalRows,
      });
      expect(summary.unmappedTerms).toEqual([]);
      const n = await db.query<{ n: number }>('select count(*)::int as n from recommendation_unmapped_terms');
      expect(n.rows[0]!.n).toBe(0);

      const detention = await resolveTerm(db, 'uhri_theme', 'Detention');
      const page = await searchRecommendations(
        db,
        RecommendationQuery.parse({ termId: detention!.id, state: 'Netherlands' }),
      );
      expect(page.total).toBe(10);
      const facet = (name: string) => new Map(page.facets[name]!.map((f) => [f.label, f.count]));
      const themes = facet('theme');
      expect(themes.get('Conditions of detention')).toBe(10);
      expect(themes.get('Migrants')).toBe(4);
      expect(themes.get('Children: definition; general principles; protection')).toBe(4);
      expect(themes.get('Prohibition of torture & cruel, inhuman or degrading treatment')).toBe(3);
      expect(themes.size).toBeGreaterThanOrEqual(8);
      const groups = facet('group');
      expect(groups.get('Persons deprived of their liberty & detainees')).toBe(10);
      expect(groups.get('Children')).toBe(4);
      expect(groups.get('Migrants')).toBe(4);
      // The Dutch labels come with the facet values.
      expect(page.facets.theme!.find((f) => f.label === 'Conditions of detention')?.labelNl).toBe(
        'Detentieomstandigheden',
      );
    },
    240_000,
  );
});
