import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { deleteRow, getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { badRequest, conflict } from '../core/errors.ts';
import { Where, camelize } from '../core/sql.ts';
import { assertMayEditInstrument } from '../server/access.ts';
import type { Page } from '../shared/schema.ts';
import type { Cycle, Phase, PhaseKind } from './schema.ts';
import { compareDates, comparePhases, deriveStatus, today } from './status.ts';

export const cycleTable: TableSpec = {
  table: 'cycles',
  entity: 'cycle',
  writable: ['instrumentId', 'label', 'sequence', 'procedure', 'source', 'verified'],
};
export const phaseTable: TableSpec = {
  table: 'cycle_phases',
  entity: 'cycle_phase',
  writable: ['cycleId', 'kind', 'date', 'datePrecision', 'symbol', 'session', 'note', 'source', 'verified'],
};

/** Cycles with their phases and derived status, for one instrument or for all. */
export async function loadCycles(
  q: Queryable,
  filter: { instrumentId?: string; cycleId?: string } = {},
): Promise<Cycle[]> {
  const where = new Where()
    .addIf(filter.instrumentId, 'c.instrument_id = ?', filter.instrumentId)
    .addIf(filter.cycleId, 'c.id = ?', filter.cycleId);
  const cycles = await q.query<Record<string, unknown>>(
    `select c.* from cycles c ${where.sql()} order by c.instrument_id, c.sequence`,
    where.params,
  );
  if (!cycles.rows.length) return [];
  const ids = cycles.rows.map((c) => c.id);
  const phases = await q.query<Record<string, unknown>>(
    'select * from cycle_phases where cycle_id = any($1::uuid[]) order by date nulls last',
    [ids],
  );
  const byCycle = new Map<string, Phase[]>();
  for (const p of phases.rows) {
    const list = byCycle.get(String(p.cycle_id)) ?? [];
    list.push(camelize<Phase>(p));
    byCycle.set(String(p.cycle_id), list);
  }
  for (const list of byCycle.values()) list.sort(comparePhases);
  const now = today();
  const list = cycles.rows.map((c) => ({
    ...camelize<Omit<Cycle, 'phases' | 'status'>>(c),
    phases: byCycle.get(String(c.id)) ?? [],
  }));
  return list.map((c) => {
    const laterReportSubmitted = list.some(
      (o) =>
        o.instrumentId === c.instrumentId &&
        o.sequence > c.sequence &&
        o.phases.some((p) => p.kind === 'report_submitted' && p.date !== null && p.date <= now),
    );
    return { ...c, status: deriveStatus(c.phases, now, laterReportSubmitted) };
  });
}

export async function listCycles(
  q: Queryable,
  f: { page: number; pageSize: number; instrumentId?: string | undefined },
): Promise<Page<Cycle>> {
  const all = await loadCycles(q, f.instrumentId ? { instrumentId: f.instrumentId } : {});
  const start = (f.page - 1) * f.pageSize;
  return {
    items: all.slice(start, start + f.pageSize),
    total: all.length,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function getCycle(q: Queryable, id: string): Promise<Cycle> {
  await getRow(q, cycleTable, id);
  return (await loadCycles(q, { cycleId: id }))[0]!;
}

async function instrumentOfCycle(q: Queryable, cycleId: string) {
  const cycle = await getRow(q, cycleTable, cycleId);
  const r = await q.query<Record<string, unknown>>('select * from instruments where id = $1', [
    cycle.instrument_id,
  ]);
  return r.rows[0]!;
}

/** Phases must follow each other in time: a dialogue cannot precede the report it discusses. */
const MUST_PRECEDE: [PhaseKind, PhaseKind][] = [
  ['report_submitted', 'list_of_issues'],
  ['report_submitted', 'dialogue'],
  ['list_of_issues', 'replies_submitted'],
  ['dialogue', 'concluding_observations'],
  ['concluding_observations', 'follow_up_submitted'],
  ['upr_review', 'upr_wg_report'],
  ['upr_review', 'upr_adoption'],
];

async function checkPhaseOrder(q: Queryable, cycleId: string) {
  const r = await q.query<{ kind: PhaseKind; date: string; date_precision: 'day' | 'month' | 'year' }>(
    'select kind, date, date_precision from cycle_phases where cycle_id = $1 and date is not null',
    [cycleId],
  );
  const at = new Map(
    r.rows.map((p) => [p.kind, { kind: p.kind, date: p.date, datePrecision: p.date_precision }]),
  );
  for (const [a, b] of MUST_PRECEDE) {
    const pa = at.get(a);
    const pb = at.get(b);
    if (pa && pb && compareDates(pb, pa) < 0) {
      const [da, db] = [pa.date, pb.date];
      throw badRequest(
        `The dates are out of order: "${b}" (${db}) cannot come before "${a}" (${da}). Correct one of the two dates.`,
      );
    }
  }
}

export async function createCycle(
  db: Db,
  actor: Actor,
  input: Record<string, unknown> & { instrumentId: string },
) {
  const id = await db.transaction(async (tx) => {
    const inst = await tx.query<Record<string, unknown>>('select * from instruments where id = $1', [
      input.instrumentId,
    ]);
    if (!inst.rows[0]) throw badRequest(`No instrument with id "${input.instrumentId}" exists.`);
    assertMayEditInstrument(actor, inst.rows[0]);
    const dup = await tx.query('select 1 from cycles where instrument_id = $1 and sequence = $2', [
      input.instrumentId,
      input.sequence,
    ]);
    if (dup.rowCount)
      throw conflict(`This instrument already has a cycle with sequence number ${String(input.sequence)}.`);
    return String((await insertRow(tx, actor, cycleTable, input)).id);
  });
  return getCycle(db, id);
}

export async function updateCycle(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, await instrumentOfCycle(tx, id));
    await updateRow(tx, actor, cycleTable, id, input);
  });
  return getCycle(db, id);
}

export async function deleteCycle(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, await instrumentOfCycle(tx, id));
    const docs = await tx.query('select 1 from documents where cycle_id = $1 limit 1', [id]);
    if (docs.rowCount) throw conflict('Documents still belong to this cycle: move or delete them first.');
    const phases = await tx.query<Record<string, unknown>>(
      'select id from cycle_phases where cycle_id = $1',
      [id],
    );
    for (const p of phases.rows) await deleteRow(tx, actor, phaseTable, String(p.id));
    await deleteRow(tx, actor, cycleTable, id);
  });
}

export async function addPhase(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: Record<string, unknown> & { kind: string },
) {
  await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, await instrumentOfCycle(tx, cycleId));
    const dup = await tx.query('select 1 from cycle_phases where cycle_id = $1 and kind = $2', [
      cycleId,
      input.kind,
    ]);
    if (dup.rowCount)
      throw conflict(`This cycle already has a "${input.kind}" phase: edit that one instead.`);
    await insertRow(tx, actor, phaseTable, { ...input, cycleId });
    await checkPhaseOrder(tx, cycleId);
  });
  return getCycle(db, cycleId);
}

export async function updatePhase(
  db: Db,
  actor: Actor,
  id: string,
  input: Record<string, unknown> & { version: number },
) {
  const cycleId = await db.transaction(async (tx) => {
    const phase = await getRow(tx, phaseTable, id);
    assertMayEditInstrument(actor, await instrumentOfCycle(tx, String(phase.cycle_id)));
    await updateRow(tx, actor, phaseTable, id, input);
    await checkPhaseOrder(tx, String(phase.cycle_id));
    return String(phase.cycle_id);
  });
  return getCycle(db, cycleId);
}

export async function deletePhase(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const phase = await getRow(tx, phaseTable, id);
    assertMayEditInstrument(actor, await instrumentOfCycle(tx, String(phase.cycle_id)));
    await deleteRow(tx, actor, phaseTable, id);
  });
}
