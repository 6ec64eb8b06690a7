import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { created, insertAbsent, orNull } from './insert.ts';
import type { SdgTargetRecord, TaxonomyData, TaxonomyScheme, TermRecord } from './records.ts';

export interface TaxonomySeedReport {
  terms: number;
  aliases: number;
  /** Terms of an existing installation whose Dutch label (or its source) the seed filled in. */
  dutchLabels: number;
  /** Recommendations tagged with a term whose spelling had been left unmapped by an import. */
  retagged: number;
  changes: Change[];
}

const codesOf = async (tx: Queryable, scheme: TaxonomyScheme) =>
  new Map(
    (
      await tx.query<{ id: string; code: string }>('select id, code from taxonomy_terms where scheme = $1', [
        scheme,
      ])
    ).rows.map((r) => [r.code, r.id]),
  );

/**
 * The terms of one scheme whose code is new (SDG targets under their goal), in the order of the
 * list, and the spellings (English and Dutch label, aliases) that no term of the scheme has yet.
 */
async function seedScheme(tx: Queryable, scheme: TaxonomyScheme, terms: readonly TermRecord[]) {
  const termIds = await codesOf(tx, scheme);
  const goalIds = scheme === 'sdg_target' ? await codesOf(tx, 'sdg_goal') : null;
  const fresh = new Map<string, { term: TermRecord; sort: number }>();
  terms.forEach((term, i) => {
    if (!termIds.has(term.code) && !fresh.has(term.code)) fresh.set(term.code, { term, sort: (i + 1) * 10 });
  });
  const inserted = await insertAbsent<{ id: string; code: string }>(
    tx,
    'taxonomy_terms',
    '(scheme, code)',
    [...fresh.values()].map(({ term, sort }) => {
      const goal = (term as Partial<SdgTargetRecord>).goal;
      return {
        scheme,
        code: term.code,
        label_en: term.label_en,
        label_nl: orNull(term.label_nl),
        label_nl_source: orNull(term.label_nl_source),
        label_nl_verified: term.label_nl_verified ?? false,
        parent_id: goalIds && goal ? (goalIds.get(goal) ?? null) : null,
        sort_order: sort,
        source: term.source,
        verified: term.verified,
      };
    }),
  );
  for (const row of inserted) termIds.set(row.code, row.id);

  const taken = new Set(
    (
      await tx.query<{ normalized: string }>('select normalized from taxonomy_aliases where scheme = $1', [
        scheme,
      ])
    ).rows.map((r) => r.normalized),
  );
  const aliases: { term_id: string; scheme: string; alias: string; normalized: string }[] = [];
  for (const term of terms) {
    const termId = termIds.get(term.code);
    if (!termId) continue;
    for (const alias of [term.label_en, ...(term.label_nl ? [term.label_nl] : []), ...(term.aliases ?? [])]) {
      const normalized = normalizeTerm(alias);
      if (!normalized || taken.has(normalized)) continue;
      taken.add(normalized);
      aliases.push({ term_id: termId, scheme, alias, normalized });
    }
  }
  const aliasRows = await insertAbsent<{ id: string }>(
    tx,
    'taxonomy_aliases',
    '(scheme, normalized)',
    aliases,
  );
  const dutch = await updateDutchLabels(tx, scheme, terms);
  return { inserted, aliasRows, dutch };
}

interface DutchLabelRow {
  id: string;
  label_nl: string | null;
  label_nl_source: string | null;
  label_nl_verified: boolean;
  before_nl: string | null;
  before_source: string | null;
  before_verified: boolean;
}

/**
 * Brings the Dutch labels of terms seeded before into line with the reference data: a term without
 * a Dutch label gets it; a term whose Dutch label is the reference's without a source gets the
 * source; a label that still carries the reference's source, unverified, follows a corrected
 * translation. A Dutch label that a user wrote or verified is left as it is.
 */
async function updateDutchLabels(tx: Queryable, scheme: TaxonomyScheme, terms: readonly TermRecord[]) {
  const labels = terms
    .filter((t) => t.label_nl)
    .map((t) => ({
      code: t.code,
      label_nl: t.label_nl!,
      label_nl_source: t.label_nl_source ?? null,
      label_nl_verified: t.label_nl_verified ?? false,
    }));
  if (!labels.length) return [];
  const r = await tx.query<DutchLabelRow>(
    `update taxonomy_terms t
        set label_nl = d.label_nl, label_nl_source = d.label_nl_source, label_nl_verified = d.label_nl_verified,
            version = t.version + 1, updated_at = now()
       from jsonb_to_recordset($2::jsonb) as d(code text, label_nl text, label_nl_source text, label_nl_verified boolean),
            taxonomy_terms old
      where t.scheme = $1 and t.code = d.code and old.id = t.id
        and (t.label_nl is null
             or (t.label_nl = d.label_nl and t.label_nl_source is null)
             or (t.label_nl_source = d.label_nl_source and not t.label_nl_verified))
        and (t.label_nl, t.label_nl_source, t.label_nl_verified)
            is distinct from (d.label_nl, d.label_nl_source, d.label_nl_verified)
      returning t.id, t.label_nl, t.label_nl_source, t.label_nl_verified,
                old.label_nl as before_nl, old.label_nl_source as before_source, old.label_nl_verified as before_verified`,
    [scheme, JSON.stringify(labels)],
  );
  return r.rows.map((row): Change => ({
    action: 'update',
    entityType: 'taxonomy_term',
    entityId: row.id,
    before: {
      labelNl: row.before_nl,
      labelNlSource: row.before_source,
      labelNlVerified: row.before_verified,
    },
    after: {
      labelNl: row.label_nl,
      labelNlSource: row.label_nl_source,
      labelNlVerified: row.label_nl_verified,
    },
  }));
}

/**
 * Spellings that imports left unmapped and that a term's aliases now cover (an installation that
 * imported before the aliases were in the reference data) become tags, as when a coordinator maps
 * them. A UPR Info issue label may stand for a theme and a group of persons at once ("Women's
 * rights"): on recommendations from UPR Info, a theme spelling also tags the group it names.
 */
async function tagNewlyMapped(tx: Queryable): Promise<{ retagged: number; changes: Change[] }> {
  const spellings = await tx.query<{ scheme: string; spelling: string }>(
    'select distinct scheme, spelling from recommendation_unmapped_terms',
  );
  if (!spellings.rows.length) return { retagged: 0, changes: [] };
  const aliases = new Map(
    (
      await tx.query<{ scheme: string; normalized: string; term_id: string }>(
        'select scheme, normalized, term_id from taxonomy_aliases',
      )
    ).rows.map((a) => [`${a.scheme}|${a.normalized}`, a.term_id]),
  );
  const found: { scheme: string; spelling: string; term: string; uprOnly: boolean }[] = [];
  for (const { scheme, spelling } of spellings.rows) {
    const normalized = normalizeTerm(spelling);
    const term = aliases.get(`${scheme}|${normalized}`);
    if (term) found.push({ scheme, spelling, term, uprOnly: false });
    const group = scheme === 'uhri_theme' ? aliases.get(`uhri_group|${normalized}`) : undefined;
    if (group) found.push({ scheme, spelling, term: group, uprOnly: true });
  }
  if (!found.length) return { retagged: 0, changes: [] };
  const r = await tx.query<{
    id: string;
    unmapped: { scheme: string; spelling: string }[];
    terms: { id: string; scheme: string; code: string }[];
  }>(
    `with m as (
       select * from unnest($1::text[], $2::text[], $3::uuid[], $4::boolean[]) as m(scheme, spelling, term_id, upr_only)
     ), hit as (
       select u.recommendation_id, u.scheme, u.spelling, m.term_id
         from recommendation_unmapped_terms u join m on m.scheme = u.scheme and m.spelling = u.spelling
        where not m.upr_only or exists (select 1 from recommendation_sources s
                                         where s.recommendation_id = u.recommendation_id and s.kind = 'upr-info')
     ), tagged as (
       insert into recommendation_terms (recommendation_id, term_id)
       select distinct recommendation_id, term_id from hit on conflict do nothing
     ), moved as (
       delete from recommendation_unmapped_terms u using hit h
        where u.recommendation_id = h.recommendation_id and u.scheme = h.scheme and u.spelling = h.spelling
     )
     select h.recommendation_id as id,
            jsonb_agg(distinct jsonb_build_object('scheme', h.scheme, 'spelling', h.spelling)) as unmapped,
            jsonb_agg(distinct jsonb_build_object('id', t.id, 'scheme', t.scheme, 'code', t.code)) as terms
       from hit h join taxonomy_terms t on t.id = h.term_id
      group by h.recommendation_id`,
    [
      found.map((f) => f.scheme),
      found.map((f) => f.spelling),
      found.map((f) => f.term),
      found.map((f) => f.uprOnly),
    ],
  );
  return {
    retagged: r.rows.length,
    changes: r.rows.map((row) => ({
      action: 'update',
      entityType: 'recommendation',
      entityId: row.id,
      before: { unmappedTerms: row.unmapped },
      after: { terms: row.terms },
    })),
  };
}

/**
 * SDG goals and targets, UHRI themes and groups, Dutch priorities, with their spellings and their
 * Dutch labels (with the source of each Dutch label).
 */
export async function seedTaxonomy(tx: Queryable, data: TaxonomyData): Promise<TaxonomySeedReport> {
  const lists: [TaxonomyScheme, TermRecord[]][] = [
    ['sdg_goal', data.sdg_goals],
    ['sdg_target', data.sdg_targets],
    ['uhri_theme', data.uhri_themes],
    ['uhri_group', data.uhri_groups],
    ['nl_priority', data.nl_priorities],
  ];
  const report: TaxonomySeedReport = { terms: 0, aliases: 0, dutchLabels: 0, retagged: 0, changes: [] };
  for (const [scheme, terms] of lists) {
    const { inserted, aliasRows, dutch } = await seedScheme(tx, scheme, terms);
    report.terms += inserted.length;
    report.aliases += aliasRows.length;
    report.dutchLabels += dutch.length;
    report.changes.push(
      ...created('taxonomy_term', inserted),
      ...created('taxonomy_alias', aliasRows),
      ...dutch,
    );
  }
  const { retagged, changes } = await tagNewlyMapped(tx);
  report.retagged = retagged;
  report.changes.push(...changes);
  return report;
}
