import { addDays, today } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { effectivePhases, laterCycleStarted, loadCycles } from '../cycles/load.ts';
import { deadlineStates } from '../cycles/status.ts';
import { orgRef } from '../instruments/presenter.ts';
import type { OrgRef } from '../instruments/schema.ts';
import type { Page } from '../shared/schema.ts';
import type { InstrumentInfoRow } from './rows.ts';
import type { Deadline, DeadlineQuery } from './schema.ts';

export interface InstrumentInfo {
  id: string;
  code: string;
  shortName: string;
  nameNl: string;
  nameEn: string;
  leadId: string | null;
  coordinatingId: string | null;
  lead: OrgRef | null;
  sortOrder: number;
}

/** Every instrument with its lead organisation, in the order of the overview. */
export async function instrumentInfo(q: Queryable): Promise<Map<string, InstrumentInfo>> {
  const r = await q.query<InstrumentInfoRow>(
    `select i.id, i.code, i.short_name, i.name_nl, i.name_en, i.sort_order,
            i.lead_organisation_id, i.coordinating_organisation_id,
            lo.code as lo_code, lo.name_nl as lo_name_nl, lo.name_en as lo_name_en
       from instruments i left join organisations lo on lo.id = i.lead_organisation_id
      order by i.sort_order, i.code`,
  );
  return new Map(
    r.rows.map((row) => [
      row.id,
      {
        id: row.id,
        code: row.code,
        shortName: row.short_name,
        nameNl: row.name_nl,
        nameEn: row.name_en,
        leadId: row.lead_organisation_id,
        coordinatingId: row.coordinating_organisation_id,
        lead: orgRef(row.lead_organisation_id, row.lo_code, row.lo_name_nl, row.lo_name_en),
        sortOrder: Number(row.sort_order),
      },
    ]),
  );
}

/**
 * Every deadline not yet met, recorded or derived, of all cycles (optionally of the instruments of
 * which the organisation is the lead or the coordinating organisation): overdue first, then by date.
 */
export async function openDeadlines(
  q: Queryable,
  opts: { organisationId?: string | undefined; now?: string } = {},
): Promise<Deadline[]> {
  const now = opts.now ?? today();
  const insts = await instrumentInfo(q);
  const cycles = await loadCycles(q, {}, now);
  const out: Deadline[] = [];
  for (const c of cycles) {
    const inst = insts.get(c.instrumentId);
    if (!inst) continue;
    if (
      opts.organisationId &&
      inst.leadId !== opts.organisationId &&
      inst.coordinatingId !== opts.organisationId
    )
      continue;
    const states = deadlineStates(effectivePhases(c), now, laterCycleStarted(cycles, c, now));
    for (const s of states) {
      if (s.met || s.lapsed) continue;
      const d = s.derived ? c.derivedPhases.find((p) => p.kind === s.kind) : undefined;
      out.push({
        cycleId: c.id,
        cycleLabel: c.label,
        instrumentId: inst.id,
        instrumentCode: inst.code,
        instrumentShortName: inst.shortName,
        instrumentNameNl: inst.nameNl,
        instrumentNameEn: inst.nameEn,
        kind: s.kind,
        date: s.date,
        datePrecision: s.datePrecision ?? 'day',
        overdue: s.overdue,
        derived: Boolean(s.derived),
        rule: d?.rule ?? null,
        ruleNl: d?.ruleNl ?? null,
        overridden: Boolean(d?.override),
        lead: inst.lead,
      });
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.date.localeCompare(b.date) ||
      a.instrumentCode.localeCompare(b.instrumentCode),
  );
}

/** The open deadlines: overdue ones (or not, or only) and those due within `within` days. */
export async function listDeadlines(q: Queryable, f: DeadlineQuery, now = today()): Promise<Page<Deadline>> {
  const until = addDays(now, f.within);
  const all = (await openDeadlines(q, { organisationId: f.organisationId, now })).filter((d) =>
    d.overdue ? f.overdue !== 'exclude' : f.overdue !== 'only' && d.date <= until,
  );
  const start = (f.page - 1) * f.pageSize;
  return {
    items: all.slice(start, start + f.pageSize),
    total: all.length,
    page: f.page,
    pageSize: f.pageSize,
  };
}
