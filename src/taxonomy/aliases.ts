/**
 * Aliases: the spellings that stand for a term. Adding one also tags the recommendations that an
 * import left with that spelling unmapped. Each change is audited in the same transaction: the
 * term's alias list before and after, and per recommendation the spelling that became a term.
 */
import type { Queryable } from '../core/db.ts';
import type { Actor } from '../core/actor.ts';
import { recordChanges, type Change } from '../core/write.ts';
import { taxonomyErrors } from './errors.ts';
import { normalizeTerm } from './normalize.ts';
import type { TermRow } from './rows.ts';

const aliasesOf = async (tx: Queryable, termId: string) =>
  (
    await tx.query<{ alias: string }>(
      'select alias from taxonomy_aliases where term_id = $1 order by alias',
      [termId],
    )
  ).rows.map((r) => r.alias);

/**
 * Adds spellings to a term; a spelling that already stands for another term of the scheme is
 * refused, one that stands for this term is skipped. Records one change of the term's aliases.
 */
export async function addAliases(
  tx: Queryable,
  actor: Actor,
  term: Pick<TermRow, 'id' | 'scheme' | 'code'>,
  aliases: readonly string[],
): Promise<void> {
  const before = await aliasesOf(tx, term.id);
  let added = 0;
  for (const alias of aliases) {
    const normalized = normalizeTerm(alias);
    const existing = await tx.query<{ term_id: string }>(
      'select term_id from taxonomy_aliases where scheme = $1 and normalized = $2',
      [term.scheme, normalized],
    );
    if (existing.rows[0]) {
      if (existing.rows[0].term_id === term.id) continue;
      throw taxonomyErrors.alias_taken({ alias });
    }
    await tx.query(
      'insert into taxonomy_aliases (term_id, scheme, alias, normalized) values ($1, $2, $3, $4)',
      [term.id, term.scheme, alias, normalized],
    );
    added++;
    await tagUnmapped(tx, actor, term, normalized);
  }
  if (!added) return;
  await recordChanges(tx, actor, [
    {
      action: 'update',
      entityType: 'taxonomy_term',
      entityId: term.id,
      before: { aliases: before },
      after: { aliases: await aliasesOf(tx, term.id) },
    },
  ]);
}

/**
 * Recommendations that an import left with a spelling nobody knew get the term once that spelling
 * becomes one of its aliases: the spelling moves from the unmapped list to the tags.
 */
async function tagUnmapped(
  tx: Queryable,
  actor: Actor,
  term: Pick<TermRow, 'id' | 'scheme' | 'code'>,
  normalized: string,
): Promise<void> {
  const spellings = await tx.query<{ spelling: string }>(
    'select distinct spelling from recommendation_unmapped_terms where scheme = $1',
    [term.scheme],
  );
  const matching = spellings.rows.map((r) => r.spelling).filter((sp) => normalizeTerm(sp) === normalized);
  if (!matching.length) return;
  const moved = await tx.query<{ recommendation_id: string; spelling: string }>(
    `delete from recommendation_unmapped_terms where scheme = $1 and spelling = any($2::text[])
     returning recommendation_id, spelling`,
    [term.scheme, matching],
  );
  await tx.query(
    `insert into recommendation_terms (recommendation_id, term_id)
     select distinct r, $2::uuid from unnest($1::uuid[]) as r on conflict do nothing`,
    [moved.rows.map((m) => m.recommendation_id), term.id],
  );
  const perRecommendation = new Map<string, string[]>();
  for (const m of moved.rows)
    perRecommendation.set(m.recommendation_id, [
      ...(perRecommendation.get(m.recommendation_id) ?? []),
      m.spelling,
    ]);
  const changes: Change[] = [...perRecommendation].map(([id, spellings]) => ({
    action: 'update',
    entityType: 'recommendation',
    entityId: id,
    before: { unmappedTerms: spellings.map((spelling) => ({ scheme: term.scheme, spelling })) },
    after: { terms: [{ id: term.id, scheme: term.scheme, code: term.code }] },
  }));
  await recordChanges(tx, actor, changes);
}
