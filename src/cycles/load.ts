/**
 * Reading cycles: their phases, the deadlines the rules derive (with any override) and the
 * derived status. Other features (the treaty overview, the calendar, meetings, reminders, the
 * process) read cycles through loadCycles.
 */
import type { Actor } from '../core/actor.ts';
import { today } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { Where } from '../core/sql.ts';
import { getRow } from '../core/write.ts';
import { ownersOfRow, type InstrumentOwners } from '../instruments/policy.ts';
import type { InstrumentRow } from '../instruments/rows.ts';
import type { Page } from '../shared/schema.ts';
import { cycleFacts, presentCycle, presentOverride, presentPhase, type LoadedCycle } from './presenter.ts';
import type { CycleContextRow, DeadlineOverrideWithAuthorRow, PhaseRow } from './rows.ts';
import { RULES_SOURCE, deriveDeadlines, type CycleContext } from './rules.ts';
import type { Cycle, CycleQuery, DerivedPhase, Phase, PhaseKind } from './schema.ts';
import { comparePhases, deriveStatus, type PhaseFact } from './status.ts';
import { cycleTable } from './tables.ts';

export type { LoadedCycle };

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

const contextOf = (c: CycleContextRow): CycleContext => ({
  bodyCode: c.b_code,
  bodyKind: c.b_kind,
  periodicityYears: c.i_periodicity === null ? null : Number(c.i_periodicity),
  procedure: c.procedure ?? c.i_procedure ?? null,
});

/** The deadlines the rules derive for a cycle, each with its override if a coordinator set one. */
function derivedPhasesOf(
  c: CycleContextRow,
  phases: Phase[],
  overrides: DeadlineOverrideWithAuthorRow[],
): DerivedPhase[] {
  return deriveDeadlines(phases, contextOf(c)).map((d) => {
    const o = overrides.find((r) => r.cycle_id === c.id && r.kind === d.kind);
    const override = o ? presentOverride(o) : null;
    return {
      kind: d.kind,
      date: override ? override.date : d.date,
      datePrecision: override ? 'day' : d.datePrecision,
      derived: true,
      derivedDate: d.date,
      rule: d.rule,
      ruleNl: d.ruleNl,
      ruleSource: RULES_SOURCE,
      override,
    };
  });
}

/**
 * Cycles with their phases, the deadlines the rules derive (with any override) and the derived
 * status, for one instrument, one cycle or all.
 */
export async function loadCycles(
  q: Queryable,
  filter: { instrumentId?: string | undefined; cycleId?: string | undefined } = {},
  now = today(),
): Promise<LoadedCycle[]> {
  // A cycle's status depends on the later cycles of its instrument: always load the whole instrument.
  const where = new Where()
    .addIf(filter.instrumentId, 'c.instrument_id = ?', filter.instrumentId)
    .addIf(
      filter.cycleId,
      'c.instrument_id = (select instrument_id from cycles where id = ?)',
      filter.cycleId,
    );
  const cycles = await q.query<CycleContextRow>(
    `select c.*, i.periodicity_years as i_periodicity, i.procedure as i_procedure, i.code as i_code,
            i.lead_organisation_id as i_lead_organisation_id,
            i.coordinating_organisation_id as i_coordinating_organisation_id,
            b.code as b_code, b.kind as b_kind
       from cycles c join instruments i on i.id = c.instrument_id
       left join monitoring_bodies b on b.id = i.monitoring_body_id
       ${where.sql()} order by c.instrument_id, c.sequence`,
    where.params,
  );
  if (!cycles.rows.length) return [];
  const ids = cycles.rows.map((c) => c.id);
  const phases = await q.query<PhaseRow>(
    'select * from cycle_phases where cycle_id = any($1::uuid[]) order by date nulls last',
    [ids],
  );
  const overrides = await q.query<DeadlineOverrideWithAuthorRow>(
    `select o.*, u.name as created_by_name from deadline_overrides o
       left join users u on u.id = o.created_by where o.cycle_id = any($1::uuid[])`,
    [ids],
  );
  const byCycle = new Map<string, Phase[]>();
  for (const p of phases.rows) {
    const list = byCycle.get(p.cycle_id) ?? [];
    list.push(presentPhase(p));
    byCycle.set(p.cycle_id, list);
  }
  for (const list of byCycle.values()) list.sort(comparePhases);
  const list = cycles.rows.map((c) => {
    const own = byCycle.get(c.id) ?? [];
    return {
      ...cycleFacts(c),
      phases: own,
      derivedPhases: derivedPhasesOf(c, own, overrides.rows),
      owners: {
        code: c.i_code,
        leadOrganisationId: c.i_lead_organisation_id,
        coordinatingOrganisationId: c.i_coordinating_organisation_id,
      },
    };
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

/** One cycle as loaded (404 when there is none). */
export async function getCycle(q: Queryable, id: string): Promise<LoadedCycle> {
  await getRow(q, cycleTable, id);
  return (await loadCycles(q, { cycleId: id }))[0]!;
}

/** The cycles of the API, with what the current user may do with each. */
export async function listCycles(q: Queryable, f: CycleQuery, actor: Actor | null): Promise<Page<Cycle>> {
  const all = await loadCycles(q, f.instrumentId ? { instrumentId: f.instrumentId } : {});
  const start = (f.page - 1) * f.pageSize;
  return {
    items: all.slice(start, start + f.pageSize).map((c) => presentCycle(c, actor)),
    total: all.length,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function showCycle(q: Queryable, id: string, actor: Actor | null): Promise<Cycle> {
  return presentCycle(await getCycle(q, id), actor);
}

type OwnerColumns = Pick<InstrumentRow, 'code' | 'lead_organisation_id' | 'coordinating_organisation_id'>;

export async function ownersOfInstrument(
  q: Queryable,
  instrumentId: string,
): Promise<InstrumentOwners | null> {
  const r = await q.query<OwnerColumns>(
    'select code, lead_organisation_id, coordinating_organisation_id from instruments where id = $1',
    [instrumentId],
  );
  return r.rows[0] ? ownersOfRow(r.rows[0]) : null;
}

/** The owners of the instrument a cycle belongs to (404 when the cycle does not exist). */
export async function ownersOfCycle(q: Queryable, cycleId: string): Promise<InstrumentOwners> {
  const cycle = await getRow(q, cycleTable, cycleId);
  return (await ownersOfInstrument(q, cycle.instrument_id))!;
}
