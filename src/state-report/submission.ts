/**
 * Recording that the report was sent: its submission date and UN symbol on the report, and as the
 * cycle's phase 'report_submitted' (written with src/cycles' phase table, audited, its order checked as
 * the cycles' service does), so that the derived status, the deadlines and the treaty overview move on
 * by themselves (src/cycles/status.ts: the report's due date is met).
 *
 * Under the simplified procedure, too, the phase is 'report_submitted', not 'replies_submitted': the
 * replies to a list of issues prior to reporting ARE the periodic report, the cycles' rules derive its
 * due date as 'report_due' after the list (src/cycles/rules.ts) and the phase order expects
 * 'list_of_issues' before 'report_submitted' (src/cycles/phase-order.ts); 'replies_submitted' would
 * leave that due date open, and overdue.
 */
import type { Actor } from '../core/actor.ts';
import type { Db } from '../core/db.ts';
import { insertRow, updateRow } from '../core/write.ts';
import { checkPhaseOrder } from '../cycles/phase-order.ts';
import type { PhaseRow } from '../cycles/rows.ts';
import { phaseTable } from '../cycles/service.ts';
import { stateReportErrors } from './errors.ts';
import { getStateReport, reportFacts } from './load.ts';
import { assertMayEdit } from './policy.ts';
import { REPORTS } from './rows.ts';
import type { StateReport, StateReportSubmission } from './schema.ts';

export const SUBMISSION_PHASE = 'report_submitted' as const;

export async function recordStateReportSubmission(
  db: Db,
  actor: Actor,
  reportId: string,
  input: StateReportSubmission,
): Promise<StateReport> {
  await db.transaction(async (tx) => {
    const r = await reportFacts(tx, reportId, true);
    assertMayEdit(actor, r);
    const existing = await tx.query<PhaseRow>(
      'select * from cycle_phases where cycle_id = $1 and kind = $2',
      [r.cycle_id, SUBMISSION_PHASE],
    );
    const phase = existing.rows[0];
    if (phase?.date)
      throw stateReportErrors.submission_recorded({ date: phase.date, symbol: phase.symbol ?? '' });
    const source = `State report ${input.symbol}: submission recorded in Rightsdesk by ${actor.label}`.slice(
      0,
      500,
    );
    if (phase)
      // The reference data knows the report's symbol but not its date: the date is added.
      await updateRow(tx, actor, phaseTable, phase.id, {
        date: input.submittedOn,
        datePrecision: 'day',
        symbol: input.symbol,
        source,
        verified: true,
        version: phase.version,
      });
    else
      await insertRow(tx, actor, phaseTable, {
        cycleId: r.cycle_id,
        kind: SUBMISSION_PHASE,
        date: input.submittedOn,
        datePrecision: 'day',
        symbol: input.symbol,
        source,
        verified: true,
      });
    await checkPhaseOrder(tx, r.cycle_id);
    await updateRow(tx, actor, REPORTS, reportId, {
      submittedOn: input.submittedOn,
      symbol: input.symbol,
      version: input.version ?? r.version,
    });
  });
  return getStateReport(db, actor, reportId);
}
