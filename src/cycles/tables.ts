/** The cycles tables as the audited write path (src/core/write.ts) edits them. */
import type { TableSpec } from '../core/write.ts';
import type { CycleRow, DeadlineOverrideRow, PhaseRow } from './rows.ts';
import type { CycleCreate, DerivableKind, PhaseCreate } from './schema.ts';

export const cycleTable: TableSpec<CycleRow, CycleCreate> = {
  table: 'cycles',
  entity: 'cycle',
  writable: ['instrumentId', 'label', 'sequence', 'procedure', 'source', 'verified'],
};

export type PhaseInput = PhaseCreate & { cycleId: string };
export const phaseTable: TableSpec<PhaseRow, PhaseInput> = {
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

export interface OverrideValues {
  cycleId: string;
  kind: DerivableKind;
  date: string;
  reason: string;
  createdBy: string | null;
}
export const overrideTable: TableSpec<DeadlineOverrideRow, OverrideValues> = {
  table: 'deadline_overrides',
  entity: 'deadline_override',
  writable: ['cycleId', 'kind', 'date', 'reason', 'createdBy'],
};
