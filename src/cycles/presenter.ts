import type { Actor } from '../core/actor.ts';
import type { InstrumentOwners } from '../instruments/policy.ts';
import { cycleAbilities } from './policy.ts';
import type { CycleRow, DeadlineOverrideWithAuthorRow, PhaseRow } from './rows.ts';
import type { Cycle, DeadlineOverride, Phase } from './schema.ts';

/**
 * A cycle as loaded (src/cycles/load.ts): the API shape without the current user's abilities,
 * with the owners of its instrument that decide them.
 */
export type LoadedCycle = Omit<Cycle, 'abilities'> & { owners: InstrumentOwners };

export function presentPhase(r: PhaseRow): Phase {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    kind: r.kind,
    date: r.date,
    datePrecision: r.date_precision,
    symbol: r.symbol,
    session: r.session,
    note: r.note,
    followUpParagraphs: r.follow_up_paragraphs,
    source: r.source,
    verified: r.verified,
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

export function presentOverride(r: DeadlineOverrideWithAuthorRow): DeadlineOverride {
  return {
    id: r.id,
    date: String(r.date),
    reason: r.reason,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: String(r.created_at),
    version: Number(r.version),
  };
}

/** The facts of a cycle row, before its phases, derived deadlines and status are added. */
export function cycleFacts(r: CycleRow): Omit<Cycle, 'phases' | 'derivedPhases' | 'status' | 'abilities'> {
  return {
    id: r.id,
    instrumentId: r.instrument_id,
    label: r.label,
    sequence: Number(r.sequence),
    procedure: r.procedure,
    source: r.source,
    verified: r.verified,
    version: Number(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

/** A cycle in the API's shape, with what the current user may do with it. */
export function presentCycle(c: LoadedCycle, actor: Actor | null): Cycle {
  const { owners, ...cycle } = c;
  return { ...cycle, abilities: cycleAbilities(actor, owners) };
}
