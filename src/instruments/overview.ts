import { today } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { effectivePhases, laterCycleStarted, loadCycles, type LoadedCycle } from '../cycles/load.ts';
import { deadlineStates } from '../cycles/status.ts';
import { INSTRUMENT_FROM, INSTRUMENT_SELECT, orgRef } from './presenter.ts';
import type { InstrumentDetailRow } from './rows.ts';
import type { OverviewRow } from './schema.ts';

/** The last state report: the submitted report of the latest cycle that has one, dated or not. */
function lastReport(own: LoadedCycle[]): OverviewRow['lastReport'] {
  const cycle = [...own].reverse().find((c) => c.phases.some((p) => p.kind === 'report_submitted'));
  const report = cycle?.phases.find((p) => p.kind === 'report_submitted');
  if (!cycle || !report) return null;
  return {
    date: report.date,
    datePrecision: report.datePrecision,
    symbol: report.symbol,
    cycleLabel: cycle.label,
    verified: report.verified,
  };
}

function currentPhase(own: LoadedCycle[]): OverviewRow['currentPhase'] {
  const latest = [...own].reverse().find((c) => c.status.currentPhase);
  if (!latest) return null;
  return {
    kind: latest.status.currentPhase!,
    date: latest.status.currentPhaseDate,
    datePrecision: latest.status.currentPhasePrecision,
    cycleLabel: latest.label,
  };
}

/**
 * The next due date for the letter to parliament: a recorded deadline that has passed comes
 * first; then the next deadline ahead; a derived deadline that passed without a recorded
 * submission (often just unrecorded) only when nothing lies ahead. Derived ones stay marked.
 */
function nextDue(own: LoadedCycle[], all: LoadedCycle[], now: string): OverviewRow['nextDue'] {
  const deadlines = own.flatMap((c) =>
    deadlineStates(effectivePhases(c), now, laterCycleStarted(all, c, now))
      .filter((d) => !d.met && (d.overdue || d.date >= now))
      .map((d) => ({ ...d, cycleLabel: c.label })),
  );
  const rank = (d: (typeof deadlines)[number]) => (d.overdue ? (d.derived ? 2 : 0) : 1);
  const due = deadlines.sort((a, b) => rank(a) - rank(b) || a.date.localeCompare(b.date))[0];
  if (!due) return null;
  return {
    kind: due.kind,
    date: due.date,
    datePrecision: due.datePrecision ?? 'day',
    overdue: due.overdue,
    derived: Boolean(due.derived),
    cycleLabel: due.cycleLabel,
  };
}

/**
 * The treaty overview of the annual letter to parliament: per instrument the last state report,
 * the lead ministry, the current phase and the next due date. Instruments the state is party to
 * (and the UPR) only; optional protocols report under their parent treaty.
 */
export async function treatyOverview(q: Queryable): Promise<OverviewRow[]> {
  const rows = await q.query<InstrumentDetailRow>(
    `select ${INSTRUMENT_SELECT} from ${INSTRUMENT_FROM}
      where i.kind <> 'optional_protocol' and i.ratification_status in ('party', 'not_applicable')
      order by i.sort_order, i.code`,
  );
  const cycles = await loadCycles(q);
  const now = today();
  return rows.rows.map((r) => {
    const own = cycles.filter((c) => c.instrumentId === r.id);
    return {
      instrumentId: r.id,
      code: r.code,
      shortName: r.short_name,
      nameEn: r.name_en,
      nameNl: r.name_nl,
      system: r.system,
      kind: r.kind,
      ratificationStatus: r.ratification_status,
      monitoringBody: r.monitoring_body_id
        ? { code: String(r.b_code), nameEn: String(r.b_name_en), nameNl: String(r.b_name_nl) }
        : null,
      lead: orgRef(r.lead_organisation_id, r.lo_code, r.lo_name_nl, r.lo_name_en),
      leadVerified: r.lead_verified,
      lastReport: lastReport(own),
      currentPhase: currentPhase(own),
      nextDue: nextDue(own, cycles, now),
    };
  });
}
