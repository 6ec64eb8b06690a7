/**
 * Recording the government's position on a recommendation. The position fits the recommendation's
 * mechanism (UPR: supported / supported in part / noted; advisory reports: agrees ...; treaty bodies
 * and others: a free appreciation only). The recorded position is one row per recommendation
 * (recommendation_positions, versioned, audited through write.ts) and every recording is also kept
 * in recommendation_position_history, so earlier positions stay visible. Imports never write here.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { insertRow, updateRow } from '../core/write.ts';
import { followUpErrors } from './errors.ts';
import { getFollowUp } from './followup-view.ts';
import { followUpPolicy } from './policy.ts';
import { loadResponsible } from './responsible.ts';
import { positionTable, type PositionRow } from './rows.ts';
import { POSITIONS_BY_MECHANISM, type FollowUp, type PositionInput } from './schema.ts';

/** Empty text counts as none. */
const orNull = (s: string | null | undefined) => (s && s.trim() ? s : null);

/**
 * Records the position as the actor gives it. `input.version` is the version of the position the
 * actor saw (null: none was recorded yet); one recorded in between is refused with 409.
 */
export async function recordPosition(
  db: Db,
  actor: Actor,
  id: string,
  input: PositionInput,
): Promise<FollowUp> {
  return db.transaction(async (tx) => {
    const r = await loadResponsible(tx, id, true);
    authorize(followUpPolicy.editPosition(actor, r), () => followUpErrors.position_forbidden());

    const appreciation = orNull(input.appreciation);
    const explanation = orNull(input.explanation);
    const options = POSITIONS_BY_MECHANISM[r.mechanism];
    if (input.position !== null && !options.includes(input.position))
      throw followUpErrors.position_not_for_mechanism({
        position: input.position,
        mechanism: r.mechanism,
        allowed: options.join(', '),
      });
    if (input.position === null && appreciation === null) throw followUpErrors.position_empty();

    const existing = (
      await tx.query<PositionRow>('select * from recommendation_positions where id = $1 for update', [id])
    ).rows[0];
    const fields = {
      position: input.position,
      appreciation,
      explanation,
      ...(actor.id ? { recordedBy: actor.id } : {}),
    };
    if (input.version === null) {
      // A first recording; someone else recorded one since the actor opened the page.
      if (existing) throw staleEdit(positionTable.entity, existing.version, 0);
      await insertRow(tx, actor, positionTable, { id, ...fields });
    } else {
      if (!existing) throw staleEdit(positionTable.entity, 0, input.version);
      await updateRow(tx, actor, positionTable, id, { ...fields, version: input.version });
    }
    await tx.query(
      `insert into recommendation_position_history
         (recommendation_id, position, appreciation, explanation, recorded_by)
       values ($1, $2, $3, $4, $5)`,
      [id, input.position, appreciation, explanation, actor.id],
    );
    return getFollowUp(tx, actor, id);
  });
}
