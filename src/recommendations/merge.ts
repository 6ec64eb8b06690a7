/**
 * A coordinator's corrections of what the imports matched: merging two recommendations into one
 * (the sources, states and tags of both on the one kept), and taking a source out of one again.
 * A merge keeps the absorbed recommendation as it was (recommendation_merges), so that taking its
 * sources out again restores it with its own id, status and tags; a source that an import matched
 * becomes a recommendation of its own, from what that source says. Both are audited: the change of
 * the recommendation kept, the one absorbed or split off, and a merge or split event.
 */
import crypto from 'node:crypto';
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { changedFields, recordChanges } from '../core/write.ts';
import { recommendationErrors } from './errors.ts';
import { bareText } from './fingerprint.ts';
import { getRecommendationDetail } from './merge-detail.ts';
import { recommendationPolicy } from './policy.ts';
import type { MergeRequest, MergeResult, SplitRequest } from './schema.ts';
import { stateCodes } from './store-upsert.ts';

type Row = Record<string, unknown> & {
  id: string;
  text: string;
  bare_text: string | null;
  version: number;
  state_under_review: string;
  recommending_states: string[];
  recommending_state_codes: string[];
  position: string | null;
  follow_up: boolean;
};

/** The fields of a recommendation a merge or split changes, as the audit trail records them. */
const AUDITED = [
  'recommending_states',
  'recommending_state_codes',
  'position',
  'follow_up',
  'version',
] as const;
const audited = (r: Row) => Object.fromEntries(AUDITED.map((k) => [k, r[k]]));

async function lockRecommendation(tx: Queryable, id: string): Promise<Row> {
  const r = await tx.query<{ row: Row }>(
    `select to_jsonb(r) - 'search' - 'n' as row from recommendations r where id = $1 for update`,
    [id],
  );
  const row = r.rows[0]?.row;
  if (!row) throw recommendationErrors.not_found({ id });
  return row;
}

/**
 * The columns a recommendation is written back with: its generated search vector and its number
 * (migration 0024: the database numbers each row it stores) left out.
 */
async function writableColumns(tx: Queryable): Promise<string[]> {
  const r = await tx.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_name = 'recommendations' and table_schema = current_schema() and is_generated = 'NEVER'
        and column_name <> 'n'
      order by ordinal_position`,
  );
  return r.rows.map((c) => c.column_name);
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

/** Merges `input.otherId` into `keepId`: one record with the sources, states and tags of both. */
export async function mergeRecommendations(
  db: Db,
  actor: Actor,
  keepId: string,
  input: MergeRequest,
): Promise<MergeResult> {
  authorize(recommendationPolicy.merge(actor), () => recommendationErrors.merge_forbidden());
  if (keepId === input.otherId) throw recommendationErrors.merge_same({ id: keepId });
  await db.transaction(async (tx) => {
    const keep = await lockRecommendation(tx, keepId);
    const other = await lockRecommendation(tx, input.otherId);
    if (keep.version !== input.version) throw staleEdit('recommendation', keep.version, input.version);
    if (other.version !== input.otherVersion)
      throw staleEdit('recommendation', other.version, input.otherVersion);
    if (keep.state_under_review !== other.state_under_review)
      throw recommendationErrors.merge_other_state({
        state: keep.state_under_review,
        other: other.state_under_review,
      });
    const [terms, unmapped] = await Promise.all([
      tx.query<{ term_id: string }>('select term_id from recommendation_terms where recommendation_id = $1', [
        other.id,
      ]),
      tx.query<{ scheme: string; spelling: string }>(
        'select scheme, spelling from recommendation_unmapped_terms where recommendation_id = $1',
        [other.id],
      ),
    ]);
    const moved = await tx.query<{ id: string; kind: string; source_key: string }>(
      'update recommendation_sources set recommendation_id = $1 where recommendation_id = $2 returning id, kind, source_key',
      [keep.id, other.id],
    );
    await tx.query(
      `insert into recommendation_terms (recommendation_id, term_id)
       select $1, term_id from recommendation_terms where recommendation_id = $2 on conflict do nothing`,
      [keep.id, other.id],
    );
    await tx.query(
      `insert into recommendation_unmapped_terms (recommendation_id, scheme, spelling)
       select $1, scheme, spelling from recommendation_unmapped_terms where recommendation_id = $2
       on conflict do nothing`,
      [keep.id, other.id],
    );
    const position =
      keep.position && keep.position !== 'pending' ? keep.position : (other.position ?? keep.position);
    const states = union(keep.recommending_states, other.recommending_states);
    const after = await tx.query<Row>(
      `update recommendations set recommending_states = $2, recommending_state_codes = $3, position = $4,
              follow_up = $5, version = version + 1, updated_at = now()
        where id = $1 returning *`,
      [keep.id, states, stateCodes(states), position, keep.follow_up || other.follow_up],
    );
    const absorbed = {
      row: other,
      terms: terms.rows.map((t) => t.term_id),
      unmappedTerms: unmapped.rows,
    };
    const merge = await tx.query<{ id: string }>(
      `insert into recommendation_merges (recommendation_id, absorbed_id, absorbed, kept_before, source_ids,
              created_by, created_by_label)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [
        keep.id,
        other.id,
        JSON.stringify(absorbed),
        JSON.stringify(audited(keep)),
        moved.rows.map((s) => s.id),
        actor.role === 'system' ? null : actor.id,
        actor.label,
      ],
    );
    await tx.query('delete from recommendations where id = $1', [other.id]);
    const diff = changedFields(audited(keep), audited(after.rows[0]!));
    await recordChanges(tx, actor, [
      { action: 'update', entityType: 'recommendation', entityId: keep.id, ...diff },
      { action: 'delete', entityType: 'recommendation', entityId: other.id, before: other },
      {
        action: 'merge',
        entityType: 'recommendation',
        entityId: keep.id,
        after: {
          mergeId: merge.rows[0]!.id,
          absorbedId: other.id,
          sources: moved.rows.map((s) => `${s.kind}:${s.source_key}`),
        },
      },
    ]);
  });
  return { recommendation: await getRecommendationDetail(db, actor, keepId), otherId: input.otherId };
}

/**
 * Takes a source out of a recommendation. A source that a merge brought restores the recommendation
 * that merge absorbed, with all the sources it brought; any other becomes a recommendation of its
 * own, from what the source says (its wording, states, position and date) and the tags of this one.
 */
export async function splitRecommendation(
  db: Db,
  actor: Actor,
  id: string,
  input: SplitRequest,
): Promise<MergeResult> {
  authorize(recommendationPolicy.split(actor), () => recommendationErrors.merge_forbidden());
  const otherId = await db.transaction(async (tx) => {
    const rec = await lockRecommendation(tx, id);
    if (rec.version !== input.version) throw staleEdit('recommendation', rec.version, input.version);
    const sources = await tx.query<{
      id: string;
      kind: string;
      source_key: string;
      reported_text: string | null;
      reported_states: string[];
      reported_position: string | null;
      reported_date: string | null;
    }>(
      `select id, kind, source_key, reported_text, reported_states, reported_position, reported_date
         from recommendation_sources where recommendation_id = $1`,
      [id],
    );
    const source = sources.rows.find((s) => s.kind === input.sourceKind && s.source_key === input.sourceKey);
    if (!source)
      throw recommendationErrors.split_unknown_source({ source: `${input.sourceKind}:${input.sourceKey}` });
    if (sources.rows.length < 2) throw recommendationErrors.split_last_source();
    const merge = await tx.query<{
      id: string;
      absorbed: { row: Row; terms: string[]; unmappedTerms: { scheme: string; spelling: string }[] };
      kept_before: Row;
      source_ids: string[];
    }>(
      `select id, absorbed, kept_before, source_ids from recommendation_merges
        where recommendation_id = $1 and undone_at is null and $2 = any(source_ids)
        order by created_at desc limit 1`,
      [id, source.id],
    );
    const columns = await writableColumns(tx);
    const restore = merge.rows[0];
    let other: Row;
    let taken: string[];
    if (restore) {
      // The merge undone: the absorbed recommendation back, with its own id and tags.
      other = restore.absorbed.row;
      taken = restore.source_ids.filter((s) => sources.rows.some((x) => x.id === s));
      await tx.query(
        `insert into recommendations (${columns.join(', ')})
         select ${columns.join(', ')} from jsonb_populate_record(null::recommendations, $1::jsonb)`,
        [JSON.stringify(other)],
      );
      await tx.query(
        `insert into recommendation_terms (recommendation_id, term_id)
         select $1, t from unnest($2::uuid[]) t on conflict do nothing`,
        [other.id, restore.absorbed.terms],
      );
      await tx.query(
        `insert into recommendation_unmapped_terms (recommendation_id, scheme, spelling)
         select $1, x.scheme, x.spelling from jsonb_to_recordset($2::jsonb) as x(scheme text, spelling text)
         on conflict do nothing`,
        [other.id, JSON.stringify(restore.absorbed.unmappedTerms)],
      );
      await tx.query('update recommendation_merges set undone_at = now() where id = $1', [restore.id]);
    } else {
      // A source an import matched: a recommendation of its own, from what it says.
      const text = source.reported_text ?? (rec.text as string);
      const states = source.reported_states.length ? source.reported_states : rec.recommending_states;
      const fp = crypto
        .createHash('sha256')
        .update(`split|${source.kind}|${source.source_key}`)
        .digest('hex')
        .slice(0, 40);
      const created = await tx.query<{ row: Row }>(
        `insert into recommendations (${columns.filter((c) => c !== 'id').join(', ')})
         select ${columns.filter((c) => c !== 'id').join(', ')} from jsonb_populate_record(null::recommendations, $1::jsonb)
         returning to_jsonb(recommendations.*) - 'search' - 'n' as row`,
        [
          JSON.stringify({
            ...rec,
            id: undefined,
            fingerprint: fp,
            text,
            bare_text: bareText(text, states),
            recommending_states: states,
            recommending_state_codes: stateCodes(states),
            position: source.reported_position ?? rec.position,
            year: source.reported_date ? Number(source.reported_date.slice(0, 4)) : rec.year,
            status: 'new',
            lead_organisation_id: null,
            version: 1,
            created_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          }),
        ],
      );
      other = created.rows[0]!.row;
      taken = [source.id];
      await tx.query(
        `insert into recommendation_terms (recommendation_id, term_id)
         select $1, term_id from recommendation_terms where recommendation_id = $2`,
        [other.id, id],
      );
    }
    await tx.query('update recommendation_sources set recommendation_id = $1 where id = any($2::uuid[])', [
      other.id,
      taken,
    ]);
    // What the recommendation kept says now: as before the merge, or as its remaining sources say.
    const rest = sources.rows.filter((x) => !taken.includes(x.id));
    const restStates = [...new Set(rest.flatMap((x) => x.reported_states))].sort();
    const decided = rest.find((x) => x.reported_position && x.reported_position !== 'pending');
    const ownWords = !restore && rec.text === source.reported_text && rest.find((x) => x.reported_text);
    const kept = restore
      ? { ...rec, ...restore.kept_before }
      : {
          ...rec,
          text: ownWords ? ownWords.reported_text! : rec.text,
          bare_text: ownWords ? bareText(ownWords.reported_text!, ownWords.reported_states) : rec.bare_text,
          recommending_states: restStates.length ? restStates : rec.recommending_states,
          position:
            rec.position === source.reported_position
              ? ((decided ?? rest.find((x) => x.reported_position))?.reported_position ?? rec.position)
              : rec.position,
        };
    const after = await tx.query<Row>(
      `update recommendations set text = $2, bare_text = $3, recommending_states = $4,
              recommending_state_codes = $5, position = $6, follow_up = $7, version = version + 1, updated_at = now()
        where id = $1 returning *`,
      [
        id,
        kept.text,
        kept.bare_text,
        kept.recommending_states,
        stateCodes(kept.recommending_states),
        kept.position,
        kept.follow_up,
      ],
    );
    const diff = changedFields(audited(rec), audited(after.rows[0]!));
    await recordChanges(tx, actor, [
      { action: 'update', entityType: 'recommendation', entityId: id, ...diff },
      { action: 'create', entityType: 'recommendation', entityId: other.id, after: other },
      {
        action: 'split',
        entityType: 'recommendation',
        entityId: id,
        after: {
          otherId: other.id,
          undoneMergeId: restore?.id ?? null,
          sources: sources.rows.filter((s) => taken.includes(s.id)).map((s) => `${s.kind}:${s.source_key}`),
        },
      },
    ]);
    return other.id;
  });
  return { recommendation: await getRecommendationDetail(db, actor, id), otherId };
}
