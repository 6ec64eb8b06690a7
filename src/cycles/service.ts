/** Writing cycles and their phases: each change checked against the cycle's policy and audited. */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { deleteRow, getRow, insertRow, recordChanges, updateRow, type Change } from '../core/write.ts';
import { cycleErrors } from './errors.ts';
import { ownersOfCycle, ownersOfInstrument, showCycle } from './load.ts';
import { checkPhaseOrder } from './phase-order.ts';
import { assertMayEditCycle } from './policy.ts';
import type { DeadlineOverrideRow, PhaseRow } from './rows.ts';
import type { Cycle, CycleCreate, CycleUpdate, PhaseCreate, PhaseUpdate } from './schema.ts';
import { cycleTable, overrideTable, phaseTable } from './tables.ts';

// Other features read cycles through these.
export { effectivePhases, getCycle, laterCycleStarted, loadCycles, type LoadedCycle } from './load.ts';
export { cycleTable, phaseTable } from './tables.ts';

export async function createCycle(db: Db, actor: Actor, input: CycleCreate): Promise<Cycle> {
  const id = await db.transaction(async (tx) => {
    const owners = await ownersOfInstrument(tx, input.instrumentId);
    if (!owners) throw cycleErrors.instrument_missing({ id: input.instrumentId });
    assertMayEditCycle(actor, owners);
    const dup = await tx.query('select 1 from cycles where instrument_id = $1 and sequence = $2', [
      input.instrumentId,
      input.sequence,
    ]);
    if (dup.rowCount) throw cycleErrors.sequence_taken({ sequence: input.sequence });
    return (await insertRow(tx, actor, cycleTable, input)).id;
  });
  return showCycle(db, id, actor);
}

export async function updateCycle(db: Db, actor: Actor, id: string, input: CycleUpdate): Promise<Cycle> {
  await db.transaction(async (tx) => {
    assertMayEditCycle(actor, await ownersOfCycle(tx, id));
    await updateRow(tx, actor, cycleTable, id, input);
  });
  return showCycle(db, id, actor);
}

/**
 * Deletes a cycle the user saw at `version`, with its phases and overrides (each audited); a cycle
 * that documents still belong to is kept.
 */
export async function deleteCycle(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    assertMayEditCycle(actor, await ownersOfCycle(tx, id));
    const docs = await tx.query('select 1 from documents where cycle_id = $1 limit 1', [id]);
    if (docs.rowCount) throw cycleErrors.has_documents();
    const phases = await tx.query<PhaseRow>('select * from cycle_phases where cycle_id = $1', [id]);
    const overrides = await tx.query<DeadlineOverrideRow>(
      'select * from deadline_overrides where cycle_id = $1',
      [id],
    );
    // Refuses a stale version before anything is deleted; the phases and overrides go with the cycle.
    await deleteRow(tx, actor, cycleTable, id, version);
    const removed = (entityType: string) => (row: { id: string }) =>
      ({ action: 'delete', entityType, entityId: row.id, before: row }) satisfies Change;
    await recordChanges(tx, actor, [
      ...phases.rows.map(removed(phaseTable.entity)),
      ...overrides.rows.map(removed(overrideTable.entity)),
    ]);
  });
}

export async function addPhase(db: Db, actor: Actor, cycleId: string, input: PhaseCreate): Promise<Cycle> {
  await db.transaction(async (tx) => {
    assertMayEditCycle(actor, await ownersOfCycle(tx, cycleId));
    const dup = await tx.query('select 1 from cycle_phases where cycle_id = $1 and kind = $2', [
      cycleId,
      input.kind,
    ]);
    if (dup.rowCount) throw cycleErrors.phase_exists({ kind: input.kind });
    await insertRow(tx, actor, phaseTable, { ...input, cycleId });
    await checkPhaseOrder(tx, cycleId);
  });
  return showCycle(db, cycleId, actor);
}

export async function updatePhase(db: Db, actor: Actor, id: string, input: PhaseUpdate): Promise<Cycle> {
  const cycleId = await db.transaction(async (tx) => {
    const phase = await getRow(tx, phaseTable, id);
    assertMayEditCycle(actor, await ownersOfCycle(tx, phase.cycle_id));
    await updateRow(tx, actor, phaseTable, id, input);
    await checkPhaseOrder(tx, phase.cycle_id);
    return phase.cycle_id;
  });
  return showCycle(db, cycleId, actor);
}

/** Deletes a phase the user saw at `version`. */
export async function deletePhase(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const phase = await getRow(tx, phaseTable, id);
    assertMayEditCycle(actor, await ownersOfCycle(tx, phase.cycle_id));
    await deleteRow(tx, actor, phaseTable, id, version);
  });
}
