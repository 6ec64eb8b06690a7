import type { Db, Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { deleteRow, getRow, insertRow, updateRow, type TableSpec } from '../core/crud.ts';
import { recordAudit } from '../core/audit.ts';
import { badRequest, conflict, notFound, staleEdit } from '../core/errors.ts';
import { Where, camelize } from '../core/sql.ts';
import { assertMayEditInstrument, ownersOfRow } from '../instruments/policy.ts';
import type { Page } from '../shared/schema.ts';
import type { Cycle, DeadlineOverride, DerivableKind, DerivedPhase, Phase, PhaseKind } from './schema.ts';
import { RULES_SOURCE, deriveDeadlines, type CycleContext } from './rules.ts';
import { compareDates, comparePhases, deriveStatus, today, type PhaseFact } from './status.ts';

export const cycleTable: TableSpec = {
  table: 'cycles',
  entity: 'cycle',
  writable: ['instrumentId', 'label', 'sequence', 'procedure', 'source', 'verified'],
};
export const phaseTable: TableSpec = {
  table: 'cycle_phases',
  entity: 'cycle_phase',
  writable: [
    'cycleId',
    'kind',
    'date',
    'datePrecision',
    'symbol',
    'session',
    'note',
    'followUpParagraphs',
    'source',
    'verified',
  ],
};

/** Events of a later cycle that show it has started (and the earlier cycle's next report was given). */
const STARTS_CYCLE = new Set<PhaseKind>([
  'report_submitted',
  'list_of_issues',
  'replies_submitted',
  'dialogue',
  'concluding_observations',
  'upr_review',
  'upr_wg_report',
  'evaluation_report',
  'government_response',
]);

/**
 * Cycles with their phases, the deadlines the rules derive (with any override) and the derived
 * status, for one instrument, one cycle or all.
 */
export async function loadCycles(
  q: Queryable,
  filter: { instrumentId?: string; cycleId?: string } = {},
  now = today(),
): Promise<Cycle[]> {
  // A cycle's status depends on the later cycles of its instrument: always load the whole instrument.
  const where = new Where()
    .addIf(filter.instrumentId, 'c.instrument_id = ?', filter.instrumentId)
    .addIf(
      filter.cycleId,
      'c.instrument_id = (select instrument_id from cycles where id = ?)',
      filter.cycleId,
    );
  const cycles = await q.query<Record<string, unknown>>(
    `select c.*, i.periodicity_years as i_periodicity, i.procedure as i_procedure,
            b.code as b_code, b.kind as b_kind
       from cycles c join instruments i on i.id = c.instrument_id
       left join monitoring_bodies b on b.id = i.monitoring_body_id
       ${where.sql()} order by c.instrument_id, c.sequence`,
    where.params,
  );
  if (!cycles.rows.length) return [];
  const ids = cycles.rows.map((c) => c.id);
  const phases = await q.query<Record<string, unknown>>(
    'select * from cycle_phases where cycle_id = any($1::uuid[]) order by date nulls last',
    [ids],
  );
  const overrides = await q.query<Record<string, unknown>>(
    `select o.*, u.name as created_by_name from deadline_overrides o
       left join users u on u.id = o.created_by where o.cycle_id = any($1::uuid[])`,
    [ids],
  );
  const byCycle = new Map<string, Phase[]>();
  for (const p of phases.rows) {
    const list = byCycle.get(String(p.cycle_id)) ?? [];
    list.push(camelize<Phase>(p));
    byCycle.set(String(p.cycle_id), list);
  }
  for (const list of byCycle.values()) list.sort(comparePhases);
  const list = cycles.rows.map((c) => {
    const { iPeriodicity, iProcedure, bCode, bKind, ...rest } = camelize<Record<string, unknown>>(c);
    const ctx: CycleContext = {
      bodyCode: (bCode as string | null) ?? null,
      bodyKind: (bKind as string | null) ?? null,
      periodicityYears: iPeriodicity === null || iPeriodicity === undefined ? null : Number(iPeriodicity),
      procedure: ((rest.procedure ?? iProcedure) as CycleContext['procedure']) ?? null,
    };
    const own = byCycle.get(String(c.id)) ?? [];
    const derivedPhases: DerivedPhase[] = deriveDeadlines(own, ctx).map((d) => {
      const o = overrides.rows.find((r) => r.cycle_id === c.id && r.kind === d.kind);
      const override: DeadlineOverride | null = o
        ? {
            id: String(o.id),
            date: String(o.date),
            reason: String(o.reason),
            createdBy: (o.created_by as string | null) ?? null,
            createdByName: (o.created_by_name as string | null) ?? null,
            createdAt: String(o.created_at),
            version: Number(o.version),
          }
        : null;
      return {
        kind: d.kind,
        date: override ? override.date : d.date,
        datePrecision: override ? 'day' : d.datePrecision,
        derived: true,
        derivedDate: d.date,
        rule: d.rule,
        ruleSource: RULES_SOURCE,
        override,
      };
    });
    return { ...(rest as Omit<Cycle, 'phases' | 'status' | 'derivedPhases'>), phases: own, derivedPhases };
  });
  return list
    .filter((c) => !filter.cycleId || c.id === filter.cycleId)
    .map((c) => ({ ...c, status: deriveStatus(effectivePhases(c), now, laterCycleStarted(list, c, now)) }));
}

/** The recorded phases together with the derived deadlines (overridden dates where overridden). */
export function effectivePhases(c: Pick<Cycle, 'phases' | 'derivedPhases'>): PhaseFact[] {
  return [
    ...c.phases.map((p) => ({ kind: p.kind, date: p.date, datePrecision: p.datePrecision })),
    ...c.derivedPhases.map((d) => ({
      kind: d.kind,
      date: d.date,
      datePrecision: d.datePrecision,
      derived: true,
    })),
  ];
}

/** Whether a later cycle of the same instrument has started (for deadlineStates). */
type CycleFacts = Pick<Cycle, 'instrumentId' | 'sequence' | 'phases'>;
export function laterCycleStarted(all: CycleFacts[], c: CycleFacts, now = today()): boolean {
  return all.some(
    (o) =>
      o.instrumentId === c.instrumentId &&
      o.sequence > c.sequence &&
      o.phases.some(
        (p) => STARTS_CYCLE.has(p.kind) && (p.date === null ? p.kind === 'report_submitted' : p.date <= now),
      ),
  );
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

/** Simplified procedure (LOIPR): the list of issues prior to reporting precedes the report. */
const MUST_PRECEDE_SIMPLIFIED: [PhaseKind, PhaseKind][] = [
  ['list_of_issues', 'report_submitted'],
  ['report_submitted', 'dialogue'],
  ['dialogue', 'concluding_observations'],
  ['concluding_observations', 'follow_up_submitted'],
];

async function checkPhaseOrder(q: Queryable, cycleId: string) {
  const proc = await q.query<{ procedure: string | null }>(
    `select coalesce(c.procedure, i.procedure) as procedure
       from cycles c join instruments i on i.id = c.instrument_id where c.id = $1`,
    [cycleId],
  );
  const rules = proc.rows[0]?.procedure === 'simplified' ? MUST_PRECEDE_SIMPLIFIED : MUST_PRECEDE;
  const r = await q.query<{ kind: PhaseKind; date: string; date_precision: 'day' | 'month' | 'year' }>(
    'select kind, date, date_precision from cycle_phases where cycle_id = $1 and date is not null',
    [cycleId],
  );
  const at = new Map(
    r.rows.map((p) => [p.kind, { kind: p.kind, date: p.date, datePrecision: p.date_precision }]),
  );
  for (const [a, b] of rules) {
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
    assertMayEditInstrument(actor, ownersOfRow(inst.rows[0]));
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
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, id)));
    await updateRow(tx, actor, cycleTable, id, input);
  });
  return getCycle(db, id);
}

export async function deleteCycle(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, id)));
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
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, cycleId)));
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
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, String(phase.cycle_id))));
    await updateRow(tx, actor, phaseTable, id, input);
    await checkPhaseOrder(tx, String(phase.cycle_id));
    return String(phase.cycle_id);
  });
  return getCycle(db, cycleId);
}

export async function deletePhase(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const phase = await getRow(tx, phaseTable, id);
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, String(phase.cycle_id))));
    await deleteRow(tx, actor, phaseTable, id);
  });
}

/**
 * Overrides the due date a rule derives for a cycle (a committee may set another date), with the
 * reason; audited. A second override of the same deadline needs the version the user saw.
 */
export async function setOverride(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: { kind: DerivableKind; date: string; reason: string; version?: number | undefined },
) {
  await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, cycleId)));
    const cycle = (await loadCycles(tx, { cycleId }))[0]!;
    if (!cycle.derivedPhases.some((d) => d.kind === input.kind))
      throw badRequest(
        `No rule derives a "${input.kind}" date for this cycle, so there is nothing to override. ` +
          'Record the date as a phase of the cycle instead.',
      );
    const before = await tx.query<Record<string, unknown>>(
      'select * from deadline_overrides where cycle_id = $1 and kind = $2 for update',
      [cycleId, input.kind],
    );
    const old = before.rows[0];
    let after: Record<string, unknown>;
    if (old) {
      if (input.version === undefined || Number(old.version) !== input.version)
        throw staleEdit('due date override', Number(old.version), input.version ?? 0);
      after = (
        await tx.query<Record<string, unknown>>(
          `update deadline_overrides set date = $2, reason = $3, created_by = $4, updated_at = now(),
             version = version + 1 where id = $1 returning *`,
          [old.id, input.date, input.reason, actor.id],
        )
      ).rows[0]!;
    } else {
      after = (
        await tx.query<Record<string, unknown>>(
          `insert into deadline_overrides (cycle_id, kind, date, reason, created_by)
           values ($1, $2, $3, $4, $5) returning *`,
          [cycleId, input.kind, input.date, input.reason, actor.id],
        )
      ).rows[0]!;
    }
    await recordAudit(tx, actor, {
      action: old ? 'update' : 'create',
      entityType: 'deadline_override',
      entityId: String(after.id),
      ...(old ? { before: old } : {}),
      after,
    });
  });
  return getCycle(db, cycleId);
}

/** Removes an override: the derived date applies again. Audited. */
export async function removeOverride(db: Db, actor: Actor, cycleId: string, kind: DerivableKind) {
  await db.transaction(async (tx) => {
    assertMayEditInstrument(actor, ownersOfRow(await instrumentOfCycle(tx, cycleId)));
    const r = await tx.query<Record<string, unknown>>(
      'delete from deadline_overrides where cycle_id = $1 and kind = $2 returning *',
      [cycleId, kind],
    );
    const old = r.rows[0];
    if (!old) throw notFound(`override of "${kind}" for cycle`, cycleId);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'deadline_override',
      entityId: String(old.id),
      before: old,
    });
  });
  return getCycle(db, cycleId);
}
