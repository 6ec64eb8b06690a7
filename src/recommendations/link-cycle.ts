import type { Actor } from '../core/actor.ts';
import { addMonths, type DatePrecision } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { insertRow } from '../core/write.ts';
import { phaseTable } from '../cycles/service.ts';
import type { ParsedDocument } from './parse/index.ts';
import { keepStateBefore } from './store-audit.ts';

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

/** How sources name the Kingdom as the state under review. */
export const KINGDOM_NAMES = ['Netherlands', 'Netherlands (Kingdom of the)', 'Kingdom of the Netherlands'];

/**
 * After an import: the Kingdom's UPR recommendations of a known UPR cycle (from their session or
 * report symbol) belong to that cycle of the UPR, so that the UPR's instrument page lists them. The
 * state of each one stored before and now linked is kept for the import's audit trail first
 * (instrumentId, cycleId).
 */
export async function linkUprCycles(tx: Queryable, ids: string[], created: Set<string>): Promise<void> {
  if (!ids.length) return;
  const changing = `select r.id from recommendations r
      join cycles c on c.sequence = r.upr_cycle
      join instruments i on i.id = c.instrument_id and i.code = 'UPR'
     where r.id = any($1::uuid[]) and r.mechanism = 'upr' and r.state_under_review = any($2::text[])
       and (r.cycle_id is distinct from c.id or r.instrument_id is distinct from c.instrument_id)`;
  // Those the import created are audited as created, links included.
  const existing = ids.filter((id) => !created.has(id));
  if (existing.length) await keepStateBefore(tx, changing, [existing, KINGDOM_NAMES]);
  await tx.query(
    `update recommendations r set cycle_id = c.id, instrument_id = c.instrument_id, updated_at = now()
       from cycles c join instruments i on i.id = c.instrument_id and i.code = 'UPR'
      where c.sequence = r.upr_cycle and r.id = any($1::uuid[]) and r.mechanism = 'upr'
        and r.state_under_review = any($2::text[])
        and (r.cycle_id is distinct from c.id or r.instrument_id is distinct from c.instrument_id)`,
    [ids, KINGDOM_NAMES],
  );
}
