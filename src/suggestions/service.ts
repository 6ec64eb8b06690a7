/**
 * The suggested tags of one recommendation: asked of the model when read (nothing of them is
 * stored until someone decides), the terms it is tagged with and those decided on before left
 * out. A coordinator accepts one (it becomes a tag that names the model version and who accepted
 * it) or rejects it (it is not suggested again for that recommendation).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { insertRow, type TableSpec } from '../core/write.ts';
import { recommendationErrors } from '../recommendations/errors.ts';
import { acceptSuggestions } from './accept.ts';
import { assertCurrentVersion, currentModel } from './current-model.ts';
import { suggestionErrors } from './errors.ts';
import { assertMayDecide, suggestionAbilities } from './policy.ts';
import type { DecisionRow, SuggestionSubjectRow } from './rows.ts';
import type { RecommendationSuggestions, SuggestionDecision, SuggestionDecisionInput } from './schema.ts';
import { loadTermIndex, pending, toTerms } from './terms.ts';

export const decisionTable: TableSpec<
  DecisionRow,
  {
    recommendationId: string;
    termId: string;
    score: number;
    modelVersion: string;
    status: DecisionRow['status'];
    decidedBy: string | null;
    decidedByLabel: string;
  }
> = {
  table: 'suggestion_decisions',
  entity: 'suggestion_decision',
  writable: ['recommendationId', 'termId', 'score', 'modelVersion', 'status', 'decidedBy', 'decidedByLabel'],
};

export const SUBJECT_COLUMNS =
  'r.id, r.mechanism, r.symbol, r.paragraph, r.upr_session, r.state_under_review, r.text';

async function loadSubject(q: Queryable, id: string, forUpdate = false): Promise<SuggestionSubjectRow> {
  const r = await q.query<SuggestionSubjectRow>(
    `select ${SUBJECT_COLUMNS} from recommendations r where r.id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  if (!r.rows[0]) throw recommendationErrors.not_found({ id });
  return r.rows[0];
}

/** Per recommendation: the terms it is tagged with, and those decided on. */
export interface SubjectState {
  tagged: Set<string>;
  decided: Set<string>;
}

export async function subjectStates(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, SubjectState>> {
  const out = new Map<string, SubjectState>(ids.map((id) => [id, { tagged: new Set(), decided: new Set() }]));
  const r = await q.query<{ recommendation_id: string; term_id: string; kind: 'tag' | 'decision' }>(
    `select recommendation_id, term_id, 'tag' as kind from recommendation_terms where recommendation_id = any($1::uuid[])
     union all
     select recommendation_id, term_id, 'decision' from suggestion_decisions where recommendation_id = any($1::uuid[])`,
    [ids],
  );
  for (const row of r.rows) {
    const s = out.get(row.recommendation_id);
    if (s) (row.kind === 'tag' ? s.tagged : s.decided).add(row.term_id);
  }
  return out;
}

export function presentDecision(d: DecisionRow): SuggestionDecision {
  return {
    id: d.id,
    recommendationId: d.recommendation_id,
    termId: d.term_id,
    score: d.score,
    modelVersion: d.model_version,
    status: d.status,
    decidedBy: d.decided_by_label,
    decidedAt: d.decided_at,
  };
}

/** The pending suggestions of a recommendation, with whether the user may decide on them. */
export async function getSuggestions(db: Db, actor: Actor, id: string): Promise<RecommendationSuggestions> {
  const subject = await loadSubject(db, id);
  const current = currentModel();
  const [index, states] = await Promise.all([loadTermIndex(db), subjectStates(db, [id])]);
  const state = states.get(id)!;
  const terms = toTerms(index, current.model.suggest(subject.text), current.likely);
  return {
    recommendationId: id,
    tagCount: state.tagged.size,
    items: pending(terms, state.tagged, state.decided),
    abilities: suggestionAbilities(actor),
    modelVersion: current.version,
  };
}

/**
 * Accepts or rejects one suggestion, made by the model version the user saw. A term decided on
 * before, one the recommendation is tagged with, or one the model does not suggest is refused.
 */
export async function decideSuggestion(
  db: Db,
  actor: Actor,
  id: string,
  input: SuggestionDecisionInput,
): Promise<SuggestionDecision> {
  assertMayDecide(actor);
  const current = currentModel();
  assertCurrentVersion(current, input.modelVersion);
  return db.transaction(async (tx) => {
    const subject = await loadSubject(tx, id, true);
    const term = await tx.query<{ scheme: string; code: string }>(
      'select scheme, code from taxonomy_terms where id = $1',
      [input.termId],
    );
    if (!term.rows[0]) throw notFound('taxonomy_term', input.termId);
    const name = `${term.rows[0].scheme}:${term.rows[0].code}`;
    const prior = await tx.query<{ status: string }>(
      'select status from suggestion_decisions where recommendation_id = $1 and term_id = $2',
      [id, input.termId],
    );
    if (prior.rows[0]) throw suggestionErrors.already_decided({ term: name, status: prior.rows[0].status });
    const tag = await tx.query(
      'select 1 from recommendation_terms where recommendation_id = $1 and term_id = $2',
      [id, input.termId],
    );
    if (tag.rowCount > 0) throw suggestionErrors.already_tagged({ term: name });
    const index = await loadTermIndex(tx);
    const suggested = toTerms(index, current.model.suggest(subject.text), current.likely).find(
      (t) => t.termId === input.termId,
    );
    if (!suggested) throw suggestionErrors.not_suggested({ term: name });
    if (input.status === 'accepted') {
      const accepted = await acceptSuggestions(tx, actor, current.version, [
        { recommendationId: id, terms: [suggested] },
      ]);
      return presentDecision(accepted.decisions[0]!);
    }
    const row = await insertRow(tx, actor, decisionTable, {
      recommendationId: id,
      termId: input.termId,
      score: suggested.score,
      modelVersion: current.version,
      status: 'rejected',
      decidedBy: actor.id,
      decidedByLabel: actor.label,
    });
    return presentDecision(row);
  });
}
