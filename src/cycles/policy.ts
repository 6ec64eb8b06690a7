/**
 * Who may do what with a reporting cycle: its instrument's edit right (src/instruments/policy.ts)
 * covers the cycle, its phases and the overrides of its derived due dates.
 */
import type { Actor } from '../core/actor.ts';
import { assertMayEditInstrument, instrumentPolicy, type InstrumentOwners } from '../instruments/policy.ts';
import type { CycleAbilities } from './schema.ts';

export const cyclePolicy = {
  /** Edit the cycle, record its phases, override its derived due dates, delete it. */
  edit: (actor: Actor | null, owners: InstrumentOwners): boolean => instrumentPolicy.edit(actor, owners),
};

export function assertMayEditCycle(actor: Actor, owners: InstrumentOwners): void {
  assertMayEditInstrument(actor, owners);
}

/** What the current user may do with one cycle, sent with it to the browser app. */
export const cycleAbilities = (actor: Actor | null, owners: InstrumentOwners): CycleAbilities => ({
  edit: cyclePolicy.edit(actor, owners),
});
