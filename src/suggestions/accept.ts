/**
 * Accepting suggestions, one or many recommendations at once, set-based: the decisions, the tags
 * (with the model version, who accepted them and when) and one audit row per recommendation with
 * its tags before and after and the suggestions accepted.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { recordChanges, type Change } from '../core/write.ts';
import type { DecisionRow } from './rows.ts';
import type { SuggestedTerm } from './schema.ts';

export interface Acceptance {
  recommendationId: string;
  terms: SuggestedTerm[];
}

export interface Accepted {
  decisions: DecisionRow[];
  /** Recommendations that got at least one tag. */
  tagged: number;
  tagsAdded: number;
}

/** The tags of recommendations as "scheme:code", sorted. */
async function tagsOf(tx: Queryable, ids: string[]): Promise<Map<string, string[]>> {
  const r = await tx.query<{ id: string; terms: string[] }>(
    `select x.id, coalesce((select array_agg(t.scheme || ':' || t.code order by t.scheme, t.code)
                             from recommendation_terms rt join taxonomy_terms t on t.id = rt.term_id
                            where rt.recommendation_id = x.id), '{}') as terms
       from unnest($1::uuid[]) as x(id)`,
    [ids],
  );
  return new Map(r.rows.map((row) => [row.id, row.terms]));
}

export async function acceptSuggestions(
  tx: Queryable,
  actor: Actor,
  modelVersion: string,
  list: readonly Acceptance[],
): Promise<Accepted> {
  const chosen = list.filter((a) => a.terms.length > 0);
  if (chosen.length === 0) return { decisions: [], tagged: 0, tagsAdded: 0 };
  const ids = chosen.map((a) => a.recommendationId);
  const before = await tagsOf(tx, ids);
  const rows = chosen.flatMap((a) =>
    a.terms.map((t) => ({ r: a.recommendationId, t: t.termId, s: t.score })),
  );
  const decisions = await tx.query<DecisionRow>(
    `insert into suggestion_decisions (recommendation_id, term_id, score, model_version, status, decided_by, decided_by_label)
     select x.r, x.t, x.s, $2, 'accepted', $3, $4 from json_to_recordset($1::json) as x(r uuid, t uuid, s float8)
     returning *`,
    [JSON.stringify(rows), modelVersion, actor.id, actor.label],
  );
  const tags = await tx.query<{ recommendation_id: string }>(
    `insert into recommendation_terms (recommendation_id, term_id, suggested_by_model, accepted_by, accepted_by_label, accepted_at)
     select recommendation_id, term_id, model_version, decided_by, decided_by_label, decided_at
       from suggestion_decisions where id = any($1::uuid[])
     on conflict do nothing
     returning recommendation_id`,
    [decisions.rows.map((d) => d.id)],
  );
  const after = await tagsOf(tx, ids);
  const changes: Change[] = chosen.map((a) => ({
    action: 'update',
    entityType: 'recommendation',
    entityId: a.recommendationId,
    before: { terms: before.get(a.recommendationId) ?? [] },
    after: {
      terms: after.get(a.recommendationId) ?? [],
      acceptedSuggestions: a.terms.map((t) => ({
        term: `${t.scheme}:${t.code}`,
        termId: t.termId,
        score: t.score,
        modelVersion,
      })),
      acceptedBy: actor.label,
    },
  }));
  await recordChanges(tx, actor, changes);
  return {
    decisions: decisions.rows,
    tagged: new Set(tags.rows.map((t) => t.recommendation_id)).size,
    tagsAdded: tags.rowCount,
  };
}
