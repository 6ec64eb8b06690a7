/**
 * Suggestions in bulk for the recommendations an import created. Which those are is on record in
 * the audit trail: the import wrote one "create" row per recommendation it created, in its own
 * transaction, so at the moment of the import's row (both take the transaction's time) and by the
 * same actor. (A source's import_id moves to the last import that changed it; the audit does not.)
 * Recommendations merged into another one since are gone and left out.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { acceptSuggestions, type Acceptance } from './accept.ts';
import { assertCurrentVersion, currentModel } from './current-model.ts';
import { suggestionErrors } from './errors.ts';
import { assertMayDecide, suggestionAbilities } from './policy.ts';
import type { SuggestionSubjectRow } from './rows.ts';
import type { ImportSuggestions, ImportSuggestionsQuery, ImportTagInput, ImportTagResult } from './schema.ts';
import { SUBJECT_COLUMNS, subjectStates } from './service.ts';
import { loadTermIndex, pending, suggestTexts, toTerms } from './terms.ts';

interface ImportRow {
  id: string;
  file_name: string;
  status: string;
  created_at: string;
}

/** The recommendations the import $1 created, as `r` (a FROM clause). */
const CREATED = `imports i
  join audit_events a on a.at = i.created_at and a.actor_label = i.created_by_label
   and a.entity_type = 'recommendation' and a.action = 'create'
  join recommendations r on r.id = a.entity_id::uuid`;

const UNTAGGED = 'not exists (select 1 from recommendation_terms rt where rt.recommendation_id = r.id)';

async function loadImport(q: Queryable, id: string): Promise<ImportRow> {
  const r = await q.query<ImportRow>('select id, file_name, status, created_at from imports where id = $1', [
    id,
  ]);
  const row = r.rows[0];
  if (!row) throw notFound('import', id);
  if (row.status !== 'committed') throw suggestionErrors.import_not_committed({ id });
  return row;
}

/** A page of the recommendations the import created, each with its pending suggestions. */
export async function listImportSuggestions(
  db: Db,
  actor: Actor,
  importId: string,
  query: ImportSuggestionsQuery,
): Promise<ImportSuggestions> {
  const imp = await loadImport(db, importId);
  const current = currentModel();
  const counts = await db.query<{ total: number; untagged: number }>(
    `select count(*)::int as total, count(*) filter (where ${UNTAGGED})::int as untagged
       from ${CREATED} where i.id = $1`,
    [importId],
  );
  const page = await db.query<SuggestionSubjectRow>(
    `select ${SUBJECT_COLUMNS} from ${CREATED} where i.id = $1 order by r.n limit $2 offset $3`,
    [importId, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const ids = page.rows.map((r) => r.id);
  const [index, states] = await Promise.all([loadTermIndex(db), subjectStates(db, ids)]);
  const suggestions = suggestTexts(
    current.model,
    page.rows.map((r) => r.text),
  );
  return {
    importId,
    fileName: imp.file_name,
    importedAt: imp.created_at,
    untagged: counts.rows[0]!.untagged,
    total: counts.rows[0]!.total,
    page: query.page,
    pageSize: query.pageSize,
    items: page.rows.map((r, i) => {
      const state = states.get(r.id)!;
      return {
        id: r.id,
        mechanism: r.mechanism,
        symbol: r.symbol,
        paragraph: r.paragraph,
        uprSession: r.upr_session,
        stateUnderReview: r.state_under_review,
        text: r.text,
        tagCount: state.tagged.size,
        suggestions: pending(
          toTerms(index, suggestions[i] ?? [], current.likely),
          state.tagged,
          state.decided,
        ),
      };
    }),
    abilities: suggestionAbilities(actor),
    modelVersion: current.version,
  };
}

/**
 * Tags the recommendations the import created that have no tag yet with their pending suggestions
 * that reach the model's threshold, in one transaction; one audit row per recommendation tagged.
 * The model is asked first; in the transaction, recommendations tagged or decided on meanwhile
 * are taken as they are then.
 */
export async function tagImport(
  db: Db,
  actor: Actor,
  importId: string,
  input: ImportTagInput,
): Promise<ImportTagResult> {
  assertMayDecide(actor);
  const current = currentModel();
  assertCurrentVersion(current, input.modelVersion);
  await loadImport(db, importId);
  const created = await db.query<{ id: string; text: string; tagged: boolean }>(
    `select r.id, r.text, not ${UNTAGGED} as tagged from ${CREATED} where i.id = $1 order by r.n`,
    [importId],
  );
  const untagged = created.rows.filter((r) => !r.tagged);
  const suggested = suggestTexts(
    current.model,
    untagged.map((r) => r.text),
  );
  return db.transaction(async (tx) => {
    const ids = untagged.map((r) => r.id);
    // Locked, so that nobody tags them between the check and the tagging.
    await tx.query('select id from recommendations where id = any($1::uuid[]) order by id for update', [ids]);
    const index = await loadTermIndex(tx);
    const states = await subjectStates(tx, ids);
    const list: Acceptance[] = [];
    let stillUntagged = 0;
    untagged.forEach((r, i) => {
      const state = states.get(r.id)!;
      if (state.tagged.size > 0) return;
      stillUntagged++;
      const terms = pending(
        toTerms(index, suggested[i] ?? [], current.likely),
        state.tagged,
        state.decided,
        Infinity,
      ).filter((t) => t.aboveThreshold);
      if (terms.length) list.push({ recommendationId: r.id, terms });
    });
    const accepted = await acceptSuggestions(tx, actor, current.version, list);
    return {
      recommendations: created.rows.length,
      untagged: stillUntagged,
      tagged: accepted.tagged,
      tagsAdded: accepted.tagsAdded,
      withoutSuggestions: stillUntagged - list.length,
      modelVersion: current.version,
    };
  });
}
