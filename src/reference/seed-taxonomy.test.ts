/**
 * The Dutch labels of the taxonomy terms with their source, on a fresh installation and on one
 * seeded before they existed, and the spellings of old imports that the new aliases map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { UPR_INFO_COLUMNS, readUprInfo } from '../recommendations/import-upr-info.ts';
import { storeRecords } from '../recommendations/store.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { getTerm, updateTerm } from '../taxonomy/service.ts';
import { testDb } from '../test/db.ts';
import { referenceData, seedReferenceData } from './seed.ts';

async function freshDb(): Promise<{ db: Db; dispose: () => Promise<void> }> {
  const db = await testDb();
  return { db, dispose: () => db.close() };
}

describe('Dutch taxonomy labels', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await freshDb());
    await seedReferenceData(db);
  }, 60_000);
  afterAll(async () => {
    await dispose?.();
  });

  const term = async (scheme: string, code: string) =>
    (
      await db.query<{
        label_nl: string | null;
        label_nl_source: string | null;
        label_nl_verified: boolean;
        verified: boolean;
        version: number;
      }>(
        `select label_nl, label_nl_source, label_nl_verified, verified, version from taxonomy_terms
          where scheme = $1 and code = $2`,
        [scheme, code],
      )
    ).rows[0];

  it('gives every term a Dutch label with its source, unverified, and the UN English stays verified', async () => {
    const missing = await db.query<{ scheme: string; code: string }>(
      `select scheme, code from taxonomy_terms
        where label_nl is null or label_nl_source is null or label_nl_verified`,
    );
    expect(missing.rows).toEqual([]);
    const n = await db.query<{ scheme: string; n: number }>(
      'select scheme, count(*)::int as n from taxonomy_terms group by scheme order by scheme',
    );
    expect(Object.fromEntries(n.rows.map((r) => [r.scheme, r.n]))).toMatchObject({
      sdg_target: 169,
      uhri_group: 28,
    });
    expect(await term('uhri_theme', 'D25')).toMatchObject({
      label_nl: 'Verbod op foltering en wrede, onmenselijke of vernederende behandeling',
      label_nl_source: 'Translation for Rightsdesk, not an official UN or government text',
      label_nl_verified: false,
      verified: true,
    });
    expect((await term('uhri_group', 'older-persons'))?.label_nl).toBe('Ouderen');
    expect((await term('sdg_target', '16.2'))?.label_nl).toBe(
      'Kinderen beschermen tegen misbruik, uitbuiting, mensenhandel en geweld',
    );
    expect((await term('sdg_target', '8.7'))?.label_nl).toBe(
      'Moderne slavernij, mensenhandel en kinderarbeid beëindigen',
    );
  });

  it('lets every English and Dutch label stand for its own term, not for another one', async () => {
    const aliases = new Map(
      (
        await db.query<{ scheme: string; normalized: string; code: string }>(
          `select a.scheme, a.normalized, t.code from taxonomy_aliases a join taxonomy_terms t on t.id = a.term_id`,
        )
      ).rows.map((a) => [`${a.scheme}|${a.normalized}`, a.code]),
    );
    const schemes = {
      sdg_goal: referenceData.taxonomy.sdg_goals,
      sdg_target: referenceData.taxonomy.sdg_targets,
      uhri_theme: referenceData.taxonomy.uhri_themes,
      uhri_group: referenceData.taxonomy.uhri_groups,
      nl_priority: referenceData.taxonomy.nl_priorities,
    };
    const wrong: string[] = [];
    for (const [scheme, terms] of Object.entries(schemes)) {
      for (const t of terms) {
        for (const label of [t.label_en, t.label_nl ?? '']) {
          const code = aliases.get(`${scheme}|${normalizeTerm(label)}`);
          if (code !== t.code) wrong.push(`${scheme} ${t.code} "${label}" → ${code}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('brings an installation seeded before up to date, leaves a Dutch label a user wrote, and maps old imports', async () => {
    // An installation from before the Dutch labels and the UPR Info aliases.
    await db.query(
      `update taxonomy_terms set label_nl = null, label_nl_source = null where scheme in ('uhri_theme', 'sdg_target')`,
    );
    await db.query(`update taxonomy_terms set label_nl_source = null where scheme = 'sdg_goal'`);
    await db.query(
      `update taxonomy_terms set label_nl = 'Geweld achter de voordeur', label_nl_source = null where code = 'D29'`,
    );
    await db.query(`delete from taxonomy_aliases where alias in ('Women''s rights', 'Detention')`);
    await db.query(`delete from taxonomy_terms where scheme = 'uhri_theme' and code = 'death-penalty'`);
    const header = UPR_INFO_COLUMNS.join(',');
    const csv = `${header}\n1,Netherlands,WEOG,EU,"Abolish the death penalty in all parts of the Kingdom.",Spain,WEOG,EU,Accepted,4,"Women's rights,Death penalty,Detention,Justice,Sea level",1\n`;
    const r = readUprInfo(new TextEncoder().encode(csv));
    const s = await storeRecords(db, systemActor('test'), {
      kind: 'upr-info',
      fileName: 'old.csv',
      sha256: 'x',
      records: r.records,
      rowErrors: [],
      totalRows: 1,
    });
    expect(s.unmappedTerms.map((u) => u.spelling).sort()).toEqual([
      'Death penalty',
      'Detention',
      'Sea level',
      "Women's rights",
    ]);
    const rec = (
      await db.query<{ id: string }>('select id from recommendations where text like $1', ['Abolish%'])
    ).rows[0]!.id;

    const before = (await term('uhri_theme', 'D25'))!.version;
    await seedReferenceData(db);
    expect(await term('uhri_theme', 'D25')).toMatchObject({
      label_nl: 'Verbod op foltering en wrede, onmenselijke of vernederende behandeling',
      label_nl_verified: false,
      version: before + 1,
    });
    expect((await term('sdg_target', '1.1'))?.label_nl).toBe('Extreme armoede uitbannen');
    expect((await term('sdg_goal', '1'))?.label_nl_source).toMatch(/Dutch goal names/);
    expect(await term('uhri_theme', 'D29')).toMatchObject({
      label_nl: 'Geweld achter de voordeur',
      label_nl_source: null,
    });
    const tags = await db.query<{ scheme: string; code: string }>(
      `select t.scheme, t.code from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
        where rt.recommendation_id = $1 order by 1, 2`,
      [rec],
    );
    expect(tags.rows).toEqual([
      { scheme: 'uhri_group', code: 'persons-deprived-of-their-liberty-and-detainees' },
      { scheme: 'uhri_group', code: 'women' },
      { scheme: 'uhri_theme', code: 'D51' },
      { scheme: 'uhri_theme', code: 'F12' },
      { scheme: 'uhri_theme', code: 'conditions-of-detention' },
      { scheme: 'uhri_theme', code: 'death-penalty' },
    ]);
    const left = await db.query<{ spelling: string }>(
      'select spelling from recommendation_unmapped_terms where recommendation_id = $1',
      [rec],
    );
    expect(left.rows).toEqual([{ spelling: 'Sea level' }]);
    const audit = await db.query<{ before: { unmappedTerms: { spelling: string }[] } }>(
      `select before from audit_events where actor_label = 'seed' and entity_type = 'recommendation' and entity_id = $1`,
      [rec],
    );
    expect(audit.rows.map((a) => a.before.unmappedTerms.map((u) => u.spelling).sort())).toEqual([
      ['Death penalty', 'Detention', "Women's rights"],
    ]);
    const labelAudit = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_events
        where actor_label = 'seed' and action = 'update' and entity_type = 'taxonomy_term'`,
    );
    // Every theme but the one deleted (inserted anew) and the one a user wrote; every target; every goal's source.
    expect(labelAudit.rows[0]!.n).toBe(referenceData.taxonomy.uhri_themes.length - 2 + 169 + 17);

    // Once up to date, a seed changes nothing more.
    const audits = async () =>
      (
        await db.query<{ n: number }>(
          `select count(*)::int as n from audit_events where actor_label = 'seed'`,
        )
      ).rows[0]!.n;
    const n = await audits();
    await seedReferenceData(db);
    expect(await audits()).toBe(n);
  });

  it('a Dutch label a user changes becomes theirs: no source, unverified', async () => {
    const id = (await db.query<{ id: string }>(`select id from taxonomy_terms where code = 'D27'`)).rows[0]!
      .id;
    const t = await getTerm(db, id);
    expect(t).toMatchObject({ labelNl: 'Verbod op slavernij en mensenhandel', labelNlVerified: false });
    expect(t.labelNlSource).toMatch(/Translation for Rightsdesk/);
    const admin = systemActor('admin');
    const same = await updateTerm(db, admin, id, { labelNl: t.labelNl, version: t.version });
    expect(same.labelNlSource).toBe(t.labelNlSource);
    const own = await updateTerm(db, admin, id, {
      labelNl: 'Slavernij en mensenhandel',
      version: same.version,
    });
    expect(own).toMatchObject({
      labelNl: 'Slavernij en mensenhandel',
      labelNlSource: null,
      labelNlVerified: false,
    });
    await seedReferenceData(db);
    expect((await getTerm(db, id)).labelNl).toBe('Slavernij en mensenhandel');
  });
});
