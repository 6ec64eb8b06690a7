import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';
import { normalizeTerm } from '../taxonomy/normalize.ts';
import { created, insertAbsent, orNull } from './insert.ts';
import type { SdgTargetRecord, TaxonomyData, TaxonomyScheme, TermRecord } from './records.ts';

export interface TaxonomySeedReport {
  terms: number;
  aliases: number;
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
  return { inserted, aliasRows };
}

/** SDG goals and targets, UHRI themes and groups, Dutch priorities, with their spellings. */
export async function seedTaxonomy(tx: Queryable, data: TaxonomyData): Promise<TaxonomySeedReport> {
  const lists: [TaxonomyScheme, TermRecord[]][] = [
    ['sdg_goal', data.sdg_goals],
    ['sdg_target', data.sdg_targets],
    ['uhri_theme', data.uhri_themes],
    ['uhri_group', data.uhri_groups],
    ['nl_priority', data.nl_priorities],
  ];
  const report: TaxonomySeedReport = { terms: 0, aliases: 0, changes: [] };
  for (const [scheme, terms] of lists) {
    const { inserted, aliasRows } = await seedScheme(tx, scheme, terms);
    report.terms += inserted.length;
    report.aliases += aliasRows.length;
    report.changes.push(...created('taxonomy_term', inserted), ...created('taxonomy_alias', aliasRows));
  }
  return report;
}
