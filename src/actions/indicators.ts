/**
 * Indicators of an action and their measurements. A baseline, a target and every measurement must
 * be of the indicator's kind of value (a count is a whole number, a percentage lies between 0 and
 * 100) and a measurement must be in the indicator's unit: a figure in the wrong unit would be
 * counted as if it were right.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { getRow, insertRow, updateRow } from '../core/write.ts';
import { actionErrors } from './errors.ts';
import { getAction } from './load.ts';
import { actionPolicy } from './policy.ts';
import { actionTable, indicatorTable } from './rows.ts';
import {
  valueProblem,
  type Action,
  type IndicatorCreate,
  type IndicatorUpdate,
  type MeasurementCreate,
  type ValueType,
} from './schema.ts';
import { measurementTable } from './rows.ts';

/** The action an indicator belongs to, with its owner's code, locked for the change. */
async function ownerOf(q: Queryable, actionId: string) {
  const action = await getRow(q, actionTable, actionId, true);
  const code =
    (
      await q.query<{ code: string }>('select code from organisations where id = $1', [
        action.owner_organisation_id,
      ])
    ).rows[0]?.code ?? '';
  return { ownerOrganisationId: action.owner_organisation_id, code };
}

function assertFits(type: ValueType, field: string, v: number | null | undefined) {
  const problem = v === null || v === undefined ? null : valueProblem(type, v);
  if (problem) throw actionErrors.value_type({ field, problem });
}

/** Units compare without case and surrounding spaces ("Personen" is "personen"). */
const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function createIndicator(
  db: Db,
  actor: Actor,
  actionId: string,
  input: IndicatorCreate,
): Promise<Action> {
  await db.transaction(async (tx) => {
    const owner = await ownerOf(tx, actionId);
    authorize(actionPolicy.edit(actor, owner), () => actionErrors.edit_forbidden({ code: owner.code }));
    await insertRow(tx, actor, indicatorTable, { ...input, actionId });
  });
  return getAction(db, actor, actionId);
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  input: IndicatorUpdate,
): Promise<Action> {
  const actionId = await db.transaction(async (tx) => {
    const before = await getRow(tx, indicatorTable, id, true);
    const owner = await ownerOf(tx, before.action_id);
    authorize(actionPolicy.edit(actor, owner), () => actionErrors.edit_forbidden({ code: owner.code }));
    assertFits(before.value_type, 'baseline', input.baseline);
    assertFits(before.value_type, 'target', input.target);
    if (input.unit !== undefined && !sameUnit(input.unit, before.unit)) {
      const measured = await tx.query(
        'select 1 from indicator_measurements where indicator_id = $1 limit 1',
        [id],
      );
      // Measurements keep the unit they were taken in: the unit changes only while there are none.
      if (measured.rowCount) throw actionErrors.unit_mismatch({ unit: input.unit, expected: before.unit });
    }
    await updateRow(tx, actor, indicatorTable, id, input);
    return before.action_id;
  });
  return getAction(db, actor, actionId);
}

export async function addMeasurement(
  db: Db,
  actor: Actor,
  indicatorId: string,
  input: MeasurementCreate,
): Promise<Action> {
  const actionId = await db.transaction(async (tx) => {
    const indicator = await getRow(tx, indicatorTable, indicatorId, true);
    const owner = await ownerOf(tx, indicator.action_id);
    authorize(actionPolicy.measure(actor, owner), () => actionErrors.measure_forbidden({ code: owner.code }));
    if (!sameUnit(input.unit, indicator.unit))
      throw actionErrors.unit_mismatch({ unit: input.unit, expected: indicator.unit });
    assertFits(indicator.value_type, 'value', input.value);
    await insertRow(tx, actor, measurementTable, {
      ...input,
      unit: indicator.unit,
      indicatorId,
      createdBy: actor.id,
    });
    return indicator.action_id;
  });
  return getAction(db, actor, actionId);
}
