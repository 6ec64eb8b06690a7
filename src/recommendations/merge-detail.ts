/**
 * A recommendation as its detail page shows it to the actor: with what each source says of it (where
 * they disagree, both values with their source) and what the actor may do with it (merge, split).
 * Without an actor (a visitor who is not signed in) only a published one: another is not found.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { isFollowUpPublished } from '../followup/public-followup.ts';
import { recommendationErrors } from './errors.ts';
import { disagreementsOf, presentSource } from './presenters.ts';
import { recommendationAbilities } from './policy.ts';
import type { RecommendationSourceRow } from './rows.ts';
import type { RecommendationDetail } from './schema.ts';
import { getRecommendation } from './service.ts';

export async function getRecommendationDetail(
  q: Queryable,
  actor: Actor | null,
  id: string,
): Promise<RecommendationDetail> {
  const published = await isFollowUpPublished(q, id);
  // A visitor who is not signed in sees published recommendations only: another is as unknown to them.
  if (!actor && !published) throw recommendationErrors.not_found({ id });
  const detail = await getRecommendation(q, id);
  const r = await q.query<RecommendationSourceRow>(
    `select kind, source_key, file_name, paragraph, import_id, imported_at, imported_by, reported_text,
            reported_states, reported_position, reported_date
       from recommendation_sources where recommendation_id = $1 order by imported_at, kind, source_key`,
    [id],
  );
  // Who imported a source is a civil servant: the public sees the source, not the person.
  const sources = r.rows.map(presentSource).map((s) => (actor ? s : { ...s, importedBy: null }));
  return {
    ...detail,
    sources,
    disagreements: disagreementsOf(sources),
    published,
    abilities: recommendationAbilities(actor, sources.length),
  };
}
