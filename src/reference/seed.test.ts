import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../test/db.ts';
import type { Db } from '../core/db.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { extractFromDir } from '../../scripts/extract-uhri-terms.ts';
import { PHASE_KINDS, isSeeded, referenceData, seedReferenceData } from './seed.ts';
import type { SeedReport } from './seed.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const listsDir = path.resolve(here, '../../../shared/data/ohchr-thematic-lists');
const listsPresent = fs.existsSync(listsDir);
const inCi = process.env.CI === 'true';
if (!listsPresent && !inCi) {
  console.warn(
    `Skipping the UHRI spelling test: ${listsDir} is absent (it is the development copy of the ` +
      'OHCHR thematic lists; set CI=true to make its absence a failure).',
  );
}

async function freshDb(): Promise<{ db: Db; dispose: () => Promise<void> }> {
  const db = await testDb();
  return { db, dispose: () => db.close() };
}

describe('reference data seed', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  let first: SeedReport;

  beforeAll(async () => {
    ({ db, dispose } = await freshDb());
    expect(await isSeeded(db)).toBe(false);
    first = await seedReferenceData(db);
  }, 60_000);

  afterAll(async () => {
    await dispose?.();
  });

  it('inserts every record of the JSON files and marks the seed as done', async () => {
    const phases = referenceData.cycles.reduce((n, c) => n + c.phases.length, 0);
    expect(first.organisations).toBe(referenceData.organisations.length);
    expect(first.monitoring_bodies).toBe(referenceData.monitoringBodies.length);
    expect(first.instruments).toBe(referenceData.instruments.length);
    expect(first.cycles).toBe(referenceData.cycles.length);
    expect(first.cycle_phases).toBe(phases);
    expect(first.taxonomy_aliases).toBeGreaterThan(first.taxonomy_terms);
    expect(await isSeeded(db)).toBe(true);
    const s = await db.query<{ value: { at: string; counts: SeedReport } }>(
      `select value from app_settings where key = 'reference_seed'`,
    );
    expect(s.rows[0]!.value.counts.instruments).toBe(first.instruments);
    const audits = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where action = 'create' and actor_label = 'seed'`,
    );
    const total = Object.values(first).reduce((a, b) => a + b, 0);
    expect(audits.rows[0]!.n).toBe(total);
  });

  it('stores the Netherlands instruments with lead ministries and ratification', async () => {
    const r = await db.query<{
      code: string;
      ratification_status: string;
      ratification_year: number | null;
      lead: string | null;
      coord: string | null;
      lead_verified: boolean;
      verified: boolean;
      body: string | null;
    }>(
      `select i.code, i.ratification_status, i.ratification_year, l.code as lead, c.code as coord,
              i.lead_verified, i.verified, b.code as body
         from instruments i
         left join organisations l on l.id = i.lead_organisation_id
         left join organisations c on c.id = i.coordinating_organisation_id
         left join monitoring_bodies b on b.id = i.monitoring_body_id`,
    );
    const by = new Map(r.rows.map((x) => [x.code, x]));
    expect(by.get('ICCPR')).toMatchObject({ lead: 'BZK', lead_verified: false, body: 'CCPR', coord: 'BZK' });
    expect(by.get('ICESCR')).toMatchObject({ lead: 'SZW', ratification_year: 1978 });
    expect(by.get('CED')).toMatchObject({
      ratification_status: 'party',
      ratification_year: 2011,
      lead: 'JenV',
    });
    expect(by.get('CRPD')).toMatchObject({
      ratification_status: 'party',
      ratification_year: 2016,
      verified: true,
    });
    expect(by.get('ICMW')).toMatchObject({ ratification_status: 'not_party', ratification_year: null });
    expect(by.get('ICESCR-OP')).toMatchObject({ ratification_status: 'signatory' });
    expect(by.get('OPIC')).toMatchObject({ ratification_status: 'not_party' });
    expect(by.get('OP-CRPD')).toMatchObject({ ratification_status: 'not_party' });
    expect(by.get('OPCAT')).toMatchObject({ ratification_year: 2010, body: 'SPT' });
    expect(by.get('UPR')).toMatchObject({ ratification_status: 'not_applicable', body: 'HRC-UPR' });
    expect(by.get('ISTANBUL')).toMatchObject({ body: 'GREVIO' });
    for (const code of ['ICERD', 'ICESCR', 'ICCPR', 'CEDAW', 'CAT', 'CRC', 'ICMW', 'CED', 'CRPD']) {
      expect(by.has(code), code).toBe(true);
    }
    const op = await db.query<{ parent: string }>(
      `select p.code as parent from instruments i join instruments p on p.id = i.parent_id where i.code = 'OPSC'`,
    );
    expect(op.rows[0]?.parent).toBe('CRC');
  });

  it('stores cycles with dated phases', async () => {
    const r = await db.query<{ date: string | null; symbol: string | null; verified: boolean }>(
      `select p.date, p.symbol, p.verified from cycle_phases p
         join cycles c on c.id = p.cycle_id join instruments i on i.id = c.instrument_id
        where i.code = 'ICESCR' and c.sequence = 7 and p.kind = 'list_of_issues'`,
    );
    expect(r.rows[0]).toEqual({ date: '2023-11-06', symbol: 'E/C.12/NLD/Q/7', verified: true });
  });

  it('inserts nothing when seeding a second time, and keeps what a user changed', async () => {
    await db.query(`update organisations set name_en = 'Changed by a user' where code = 'BZK'`);
    const second = await seedReferenceData(db);
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    const r = await db.query<{ name_en: string }>(`select name_en from organisations where code = 'BZK'`);
    expect(r.rows[0]!.name_en).toBe('Changed by a user');
  });

  it('has 17 SDG goals and 169 SDG targets, each target under its goal', async () => {
    const r = await db.query<{ scheme: string; n: number }>(
      `select scheme, count(*)::int as n from taxonomy_terms group by scheme`,
    );
    const n = Object.fromEntries(r.rows.map((x) => [x.scheme, x.n]));
    expect(n.sdg_goal).toBe(17);
    expect(n.sdg_target).toBe(169);
    expect(n.nl_priority).toBe(5);
    const orphans = await db.query<{ n: number }>(
      `select count(*)::int as n from taxonomy_terms t
         left join taxonomy_terms g on g.id = t.parent_id
        where t.scheme = 'sdg_target' and (g.id is null or t.code not like g.code || '.%')`,
    );
    expect(orphans.rows[0]!.n).toBe(0);
  });

  it.skipIf(!listsPresent && !inCi)(
    'resolves every theme and affected-person spelling of the OHCHR thematic lists through the aliases (skipped when ../shared/data/ohchr-thematic-lists is absent)',
    async () => {
      if (!listsPresent) throw new Error(`CI=true but the OHCHR thematic lists are missing at ${listsDir}`);
      const spellings = extractFromDir(listsDir);
      expect(spellings.themes.length).toBeGreaterThan(50);
      expect(spellings.groups.length).toBeGreaterThan(20);
      const aliases = async (scheme: string) =>
        new Set(
          (
            await db.query<{ normalized: string }>(
              'select normalized from taxonomy_aliases where scheme = $1',
              [scheme],
            )
          ).rows.map((r) => r.normalized),
        );
      const themes = await aliases('uhri_theme');
      const groups = await aliases('uhri_group');
      const missingThemes = spellings.themes
        .map((t) => t.spelling)
        .filter((s) => !themes.has(normalizeTerm(s)));
      const missingGroups = spellings.groups.filter((s) => !groups.has(normalizeTerm(s)));
      expect(missingThemes).toEqual([]);
      expect(missingGroups).toEqual([]);
      // The cycle-2 code and the cycle-3 name of a theme are one term.
      const r = await db.query<{ code: string }>(
        `select t.code from taxonomy_aliases a join taxonomy_terms t on t.id = a.term_id
          where a.scheme = 'uhri_theme' and a.normalized = $1`,
        [normalizeTerm('Cooperation &amp; Follow up with Treaty Bodies')],
      );
      expect(r.rows[0]?.code).toBe('A22');
    },
  );

  it('refers only to existing organisations from instrument lead and coordinating codes', () => {
    const orgCodes = new Set(referenceData.organisations.map((o) => o.code));
    for (const i of referenceData.instruments) {
      if (i.lead_code) expect(orgCodes.has(i.lead_code), `${i.code} lead ${i.lead_code}`).toBe(true);
      if (i.coordinating_code) expect(orgCodes.has(i.coordinating_code), i.code).toBe(true);
      for (const c of i.applies_to) expect(orgCodes.has(c), `${i.code} applies_to ${c}`).toBe(true);
    }
    for (const o of referenceData.organisations) {
      if (o.parent_code) expect(orgCodes.has(o.parent_code), o.code).toBe(true);
    }
  });

  it('uses only allowed phase kinds, one per kind per cycle, and the database rejects others', async () => {
    const allowed = new Set<string>(PHASE_KINDS);
    for (const c of referenceData.cycles) {
      const kinds = c.phases.map((p) => p.kind);
      expect(new Set(kinds).size, `${c.instrument_code} ${c.sequence}`).toBe(kinds.length);
      for (const p of c.phases) {
        expect(allowed.has(p.kind), `${c.instrument_code} ${c.sequence} ${p.kind}`).toBe(true);
        if (p.date !== null) expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (p.date_precision === 'month' && p.date) expect(p.date.endsWith('-01')).toBe(true);
        if (p.date_precision === 'year' && p.date) expect(p.date.endsWith('-01-01')).toBe(true);
      }
    }
    const cycle = await db.query<{ id: string }>('select id from cycles limit 1');
    await expect(
      db.transaction((tx) =>
        tx.query(`insert into cycle_phases (cycle_id, kind) values ($1, 'lunch_break')`, [cycle.rows[0]!.id]),
      ),
    ).rejects.toThrow();
  });

  it('marks only facts found in a source as verified, and every record names its source', () => {
    const all = [
      ...referenceData.organisations,
      ...referenceData.monitoringBodies,
      ...referenceData.instruments,
      ...referenceData.cycles,
      ...referenceData.cycles.flatMap((c) => c.phases),
      ...Object.values(referenceData.taxonomy).flat(),
    ];
    for (const r of all) {
      expect(typeof r.source).toBe('string');
      expect(r.source.length).toBeGreaterThan(0);
      expect(typeof r.verified).toBe('boolean');
    }
    // Reporting facts the facts file only "believes" ship as unverified.
    for (const r of [...referenceData.cycles, ...referenceData.cycles.flatMap((c) => c.phases)]) {
      if (/believed/.test(r.source)) expect(r.verified, r.source).toBe(false);
    }
    for (const i of referenceData.instruments) {
      if (i.lead_code) expect(i.lead_verified, i.code).toBe(false);
    }
  });
});
