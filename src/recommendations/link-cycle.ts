import type { Queryable } from '../core/db.ts';
import type { Actor } from '../core/audit.ts';
import { insertRow } from '../core/crud.ts';
import { phaseTable } from '../cycles/service.ts';
import { addMonths } from '../cycles/rules.ts';
import type { ParsedDocument } from './parse/index.ts';

/**
 * After a document import: the recommendations of concluding observations whose symbol a cycle
 * records (its concluding_observations phase) belong to that cycle and its instrument; and the
 * follow-up paragraph ("within 24 months") sets the follow-up report's due date on the cycle,
 * unless a due date is already recorded there.
 */
export async function linkToCycle(tx: Queryable, actor: Actor, doc: ParsedDocument): Promise<void> {
  if (!doc.symbol) return;
  const phase = await tx.query<{
    cycle_id: string;
    instrument_id: string;
    date: string | null;
    date_precision: 'day' | 'month' | 'year';
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
    date: addMonths(co.date, co.date_precision, doc.followUpDueMonths),
    datePrecision: co.date_precision,
    note: `Follow-up information due within ${doc.followUpDueMonths} months, on paragraphs ${(doc.followUpParagraphs ?? []).join(', ')}`,
    source: `${doc.symbol} (follow-up paragraph)`,
    verified: co.verified,
  });
}
