import type { Queryable } from '../core/db.ts';
import { cycleErrors } from './errors.ts';
import type { PhaseRow } from './rows.ts';
import type { PhaseKind } from './schema.ts';
import { compareDates } from './status.ts';

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

/** Refuses the cycle's dated phases when two of them are out of order (run after each change, in its transaction). */
export async function checkPhaseOrder(q: Queryable, cycleId: string): Promise<void> {
  const proc = await q.query<{ procedure: string | null }>(
    `select coalesce(c.procedure, i.procedure) as procedure
       from cycles c join instruments i on i.id = c.instrument_id where c.id = $1`,
    [cycleId],
  );
  const rules = proc.rows[0]?.procedure === 'simplified' ? MUST_PRECEDE_SIMPLIFIED : MUST_PRECEDE;
  const r = await q.query<Pick<PhaseRow, 'kind' | 'date' | 'date_precision'> & { date: string }>(
    'select kind, date, date_precision from cycle_phases where cycle_id = $1 and date is not null',
    [cycleId],
  );
  const at = new Map(
    r.rows.map((p) => [p.kind, { kind: p.kind, date: p.date, datePrecision: p.date_precision }]),
  );
  for (const [a, b] of rules) {
    const pa = at.get(a);
    const pb = at.get(b);
    if (pa && pb && compareDates(pb, pa) < 0)
      throw cycleErrors.phases_out_of_order({
        earlier: a,
        earlierDate: pa.date,
        later: b,
        laterDate: pb.date,
      });
  }
}
