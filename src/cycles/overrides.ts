/**
 * Overrides of the due dates the rules derive (a committee may set another date): set with a
 * reason, changed or removed with the version the user saw; each change audited.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { deleteRow, insertRow, updateRow } from '../core/write.ts';
import { cycleErrors } from './errors.ts';
import { loadCycles, ownersOfCycle, showCycle } from './load.ts';
import { assertMayEditCycle } from './policy.ts';
import type { DeadlineOverrideRow } from './rows.ts';
import type { Cycle, DerivableKind, OverrideInput } from './schema.ts';
import { overrideTable } from './tables.ts';

const ENTITY = 'due date override';

async function currentOverride(q: Queryable, cycleId: string, kind: DerivableKind) {
  const r = await q.query<DeadlineOverrideRow>(
    'select * from deadline_overrides where cycle_id = $1 and kind = $2 for update',
    [cycleId, kind],
  );
  return r.rows[0];
}

/**
 * Overrides the due date a rule derives for a cycle, with the reason. A second override of the
 * same deadline needs the version the user saw.
 */
export async function setOverride(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: OverrideInput,
): Promise<Cycle> {
  await db.transaction(async (tx) => {
    assertMayEditCycle(actor, await ownersOfCycle(tx, cycleId));
    const cycle = (await loadCycles(tx, { cycleId }))[0]!;
    if (!cycle.derivedPhases.some((d) => d.kind === input.kind))
      throw cycleErrors.nothing_to_override({ kind: input.kind });
    const values = { date: input.date, reason: input.reason, createdBy: actor.id };
    const old = await currentOverride(tx, cycleId, input.kind);
    if (!old) {
      await insertRow(tx, actor, overrideTable, { cycleId, kind: input.kind, ...values });
      return;
    }
    if (input.version === undefined || Number(old.version) !== input.version)
      throw staleEdit(ENTITY, Number(old.version), input.version ?? 0);
    await updateRow(tx, actor, overrideTable, old.id, { ...values, version: input.version });
  });
  return showCycle(db, cycleId, actor);
}

/** Removes an override the user saw at `version`: the derived date applies again. */
export async function removeOverride(
  db: Db,
  actor: Actor,
  cycleId: string,
  kind: DerivableKind,
  version: number,
): Promise<Cycle> {
  await db.transaction(async (tx) => {
    assertMayEditCycle(actor, await ownersOfCycle(tx, cycleId));
    const old = await currentOverride(tx, cycleId, kind);
    if (!old) throw cycleErrors.override_not_found({ kind, cycleId });
    if (Number(old.version) !== version) throw staleEdit(ENTITY, Number(old.version), version);
    await deleteRow(tx, actor, overrideTable, old.id, version);
  });
  return showCycle(db, cycleId, actor);
}
