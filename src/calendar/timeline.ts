import { today } from '../core/dates.ts';
import type { Queryable } from '../core/db.ts';
import { effectivePhases, laterCycleStarted, loadCycles, type LoadedCycle } from '../cycles/load.ts';
import { DEADLINE_KINDS, deadlineStates } from '../cycles/status.ts';
import { instrumentInfo } from './deadlines.ts';
import { calendarErrors } from './errors.ts';
import type { Timeline, TimelineQuery } from './schema.ts';

const MAX_YEARS = 60;

type TimelinePhase = Timeline['items'][number]['cycles'][number]['phases'][number];

/** A cycle's recorded phases and derived deadlines within the years, each with its state. */
function phasesInRange(
  c: LoadedCycle,
  all: LoadedCycle[],
  now: string,
  from: number,
  to: number,
): TimelinePhase[] {
  const inRange = (date: string) => Number(date.slice(0, 4)) >= from && Number(date.slice(0, 4)) <= to;
  const states = deadlineStates(effectivePhases(c), now, laterCycleStarted(all, c, now));
  return effectivePhases(c)
    .filter((p): p is typeof p & { date: string } => p.date !== null && inRange(p.date))
    .map((p) => {
      const st = states.find((s) => s.kind === p.kind && s.date === p.date && s.derived === p.derived);
      return {
        kind: p.kind,
        date: p.date,
        datePrecision: p.datePrecision ?? 'day',
        derived: Boolean(p.derived),
        rule: p.derived ? (c.derivedPhases.find((d) => d.kind === p.kind)?.rule ?? null) : null,
        ruleNl: p.derived ? (c.derivedPhases.find((d) => d.kind === p.kind)?.ruleNl ?? null) : null,
        deadline: DEADLINE_KINDS.has(p.kind),
        overdue: st?.overdue ?? false,
        met: st?.met ?? false,
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** All cycles side by side: per instrument its phases and derived deadlines in the years asked. */
export async function timeline(q: Queryable, f: TimelineQuery, now = today()): Promise<Timeline> {
  const year = Number(now.slice(0, 4));
  const from = f.from ?? year - 6;
  const to = f.to ?? year + 6;
  if (to < from) throw calendarErrors.years_reversed({ from, to });
  if (to - from > MAX_YEARS) throw calendarErrors.too_many_years({ max: MAX_YEARS });
  const insts = await instrumentInfo(q);
  const cycles = await loadCycles(q, {}, now);
  const rows = new Map<string, Timeline['items'][number]>();
  for (const c of cycles) {
    const inst = insts.get(c.instrumentId);
    if (!inst) continue;
    const phases = phasesInRange(c, cycles, now, from, to);
    if (!phases.length) continue;
    const row = rows.get(inst.id) ?? {
      instrumentId: inst.id,
      code: inst.code,
      shortName: inst.shortName,
      nameNl: inst.nameNl,
      nameEn: inst.nameEn,
      lead: inst.lead,
      cycles: [],
    };
    row.cycles.push({ cycleId: c.id, label: c.label, sequence: c.sequence, phases });
    rows.set(inst.id, row);
  }
  const order = [...insts.values()].map((i) => i.id);
  const items = [...rows.values()].sort(
    (a, b) => order.indexOf(a.instrumentId) - order.indexOf(b.instrumentId),
  );
  return { from, to, today: now, items };
}
