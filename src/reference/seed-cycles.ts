import type { Queryable } from '../core/db.ts';
import type { Change } from '../core/write.ts';
import { created, idsByCode, insertAbsent, orNull } from './insert.ts';
import type { CycleRecord } from './records.ts';

/**
 * The reporting cycles (new instrument + sequence) and their dated phases (new cycle + kind),
 * also the new phases of cycles that exist.
 */
export async function seedCycles(
  tx: Queryable,
  records: readonly CycleRecord[],
): Promise<{ cycles: number; phases: number; changes: Change[] }> {
  const instrumentIds = await idsByCode(tx, 'instruments');
  const instrumentOf = (c: CycleRecord) => {
    const id = instrumentIds.get(c.instrument_code);
    if (!id) throw new Error(`Reference data: unknown instrument code "${c.instrument_code}"`);
    return id;
  };
  const cycles = await insertAbsent<{ id: string }>(
    tx,
    'cycles',
    '(instrument_id, sequence)',
    records.map((c) => ({
      instrument_id: instrumentOf(c),
      label: c.label,
      sequence: c.sequence,
      procedure: orNull(c.procedure),
      source: c.source,
      verified: c.verified,
    })),
  );
  const all = await tx.query<{ id: string; instrument_id: string; sequence: number }>(
    'select id, instrument_id, sequence from cycles',
  );
  const cycleIds = new Map(all.rows.map((c) => [`${c.instrument_id}/${c.sequence}`, c.id]));
  const phases = await insertAbsent<{ id: string }>(
    tx,
    'cycle_phases',
    '(cycle_id, kind)',
    records.flatMap((c) =>
      c.phases.map((p) => ({
        cycle_id: cycleIds.get(`${instrumentOf(c)}/${c.sequence}`)!,
        kind: p.kind,
        date: p.date,
        date_precision: p.date_precision,
        symbol: orNull(p.symbol),
        session: orNull(p.session),
        note: orNull(p.note),
        source: p.source,
        verified: p.verified,
      })),
    ),
  );
  return {
    cycles: cycles.length,
    phases: phases.length,
    changes: [...created('cycle', cycles), ...created('cycle_phase', phases)],
  };
}
