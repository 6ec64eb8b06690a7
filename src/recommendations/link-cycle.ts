import type { Actor } from '../core/actor.ts';
import { addMonths, type DatePrecision } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { insertRow } from '../core/write.ts';
import { phaseTable } from '../cycles/service.ts';
import type { ParsedDocument } from './parse/index.ts';

/**
 * After a document import: the recommendations of concluding observations whose symbol a cycle
 * records (its concluding_observations phase) belong to that cycle and its instrument; and the
 * follow-up paragraph ("within 24 months") sets the follow-up report's due date on the cycle,
 * unless a due date is already recorded there. The import's audit trail records the links
 * (instrumentId, cycleId) of the recommendations it changes; the new phase is audited itself.
 */
export async function linkToCycle(tx: Queryable, actor: Actor, doc: ParsedDocument): Promise<void> {
  if (!doc.symbol) return;
  const phase = await tx.query<{
    cycle_id: string;
    instrument_id: string;
    date: string | null;
    date_precision: DatePrecision;
    verified: boolean;
  }>(
    `select p.cycle_id, c.instrument_id, p.date, p.date_precision, p.verified
       from cycle_phases p join cycles c on c.id = p.cycle_id
      where p.kind in ('concluding_observations', 'upr_wg_report', 'evaluation_report') and upper(p.symbol) = upper($1)
      limit 1`,
    [doc.symbol],
  );
  const co = phase.rows[0];
  if (!co) return;
  await tx.query(
    `update recommendations set cycle_id = $2, instrument_id = $3, updated_at = now()
      where symbol = $1 and (cycle_id is distinct from $2 or instrument_id is distinct from $3)`,
    [doc.symbol, co.cycle_id, co.instrument_id],
  );
  if (!doc.followUpDueMonths || !co.date) return;
  const exists = await tx.query('select 1 from cycle_phases where cycle_id = $1 and kind = $2', [
    co.cycle_id,
    'follow_up_due',
  ]);
  if (exists.rowCount) return;
  await insertRow(tx, actor, phaseTable, {
    cycleId: co.cycle_id,
    kind: 'follow_up_due',
    date: addMonths(co.date, doc.followUpDueMonths, co.date_precision),
    datePrecision: co.date_precision,
    note: `Follow-up information due within ${doc.followUpDueMonths} months, on paragraphs ${(doc.followUpParagraphs ?? []).join(', ')}`,
    source: `${doc.symbol} (follow-up paragraph)`,
    verified: co.verified,
  });
}
