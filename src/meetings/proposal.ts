/**
 * A proposed agenda, generated from the data (nothing is stored): the reports and follow-up reports
 * due within twelve months of the meeting (from the cycles' derived status, overdue ones included),
 * the overdue tasks, and the cycles in preparation (report due within 24 months) that have no
 * completed consultation task yet; framed by the standing items of the network.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { addMonths } from '../core/dates.ts';
import { getRow } from '../core/write.ts';
import type { Cycle, PhaseKind } from '../cycles/schema.ts';
import { loadCycles } from '../cycles/service.ts';
import { listTasks } from '../process/tasks.ts';
import { PROPOSAL_TEXTS, fill, type ProposalTexts } from './proposal-texts.ts';
import { meetingTable } from './rows.ts';
import type { AgendaProposal, ProposalLang, ProposedItem } from './schema.ts';

/** Deadlines of the state that the network plans for. */
const REPORT_STEPS = new Set<PhaseKind>([
  'report_due',
  'next_report_due',
  'replies_due',
  'upr_midterm_report',
]);
const FOLLOW_UP_STEPS = new Set<PhaseKind>(['follow_up_due']);
/** A cycle whose next step is one of these is preparing a report, which needs a consultation round. */
const IN_PREPARATION = new Set<PhaseKind>(['report_due', 'next_report_due']);

interface InstrumentLead {
  id: string;
  code: string;
  name_nl: string | null;
  name_en: string | null;
  /** The code of the lead ministry. */
  lead: string | null;
}

/** What the proposal reads of a cycle (its derived status included). */
type CycleFacts = Pick<Cycle, 'id' | 'instrumentId' | 'label' | 'sequence' | 'status'>;

const standard = (title: string): ProposedItem => ({ title, notes: null, origin: 'standard', cycleId: null });

async function instrumentsById(q: Queryable): Promise<Map<string, InstrumentLead>> {
  const r = await q.query<InstrumentLead>(
    `select i.id, i.code, o.name_nl, o.name_en, o.code as lead
       from instruments i left join organisations o on o.id = i.lead_organisation_id`,
  );
  return new Map(r.rows.map((i) => [i.id, i]));
}

const byNextDueDate = (a: CycleFacts, b: CycleFacts) =>
  a.status.nextDueDate!.localeCompare(b.status.nextDueDate!);

/** The reports and follow-up reports due until `until`, or overdue, soonest first. */
function reportItems(
  cycles: readonly CycleFacts[],
  instruments: Map<string, InstrumentLead>,
  until: string,
  t: ProposalTexts,
  lang: ProposalLang,
): ProposedItem[] {
  return cycles
    .filter(
      (c) => c.status.nextStep && c.status.nextDueDate && (c.status.overdue || c.status.nextDueDate <= until),
    )
    .filter((c) => REPORT_STEPS.has(c.status.nextStep!) || FOLLOW_UP_STEPS.has(c.status.nextStep!))
    .sort(byNextDueDate)
    .map((c) => {
      const i = instruments.get(c.instrumentId);
      const step = c.status.nextStep!;
      const followUp = FOLLOW_UP_STEPS.has(step);
      const vars = {
        code: i?.code ?? '?',
        label: c.label,
        step: t.steps[step] ?? step,
        date: c.status.nextDueDate!,
      };
      const lead = i?.lead
        ? `${t.lead}: ${lang === 'nl' ? i.name_nl : i.name_en} (${i.lead})`
        : `${t.lead}: ${t.none}`;
      return {
        title: fill(followUp ? t.followUp : t.report, vars) + (c.status.overdue ? ` (${t.overdueMark})` : ''),
        notes: lead,
        origin: followUp ? 'follow_up_due' : 'report_due',
        cycleId: c.id,
      };
    });
}

/** One item listing the overdue tasks, or none. */
async function overdueItem(q: Queryable, actor: Actor, t: ProposalTexts): Promise<ProposedItem | null> {
  const overdue = await listTasks(q, actor, { page: 1, pageSize: 500, overdue: 'true' });
  if (overdue.total === 0) return null;
  return {
    title: fill(t.overdue, { n: overdue.total }),
    notes: overdue.items
      .map(
        (x) =>
          `- ${x.title} (${x.ownerCode}${x.instrumentCode ? `, ${x.instrumentCode} ${x.cycleLabel ?? ''}`.trimEnd() : ''}, ${t.due} ${x.dueDate})`,
      )
      .join('\n'),
    origin: 'overdue_tasks',
    cycleId: null,
  };
}

/** One item listing the cycles in preparation until `until` without a completed consultation, or none. */
async function consultationItem(
  q: Queryable,
  cycles: readonly CycleFacts[],
  instruments: Map<string, InstrumentLead>,
  until: string,
  t: ProposalTexts,
): Promise<ProposedItem | null> {
  const consulted = await q.query<{ instrument_id: string; sequence: number }>(
    `select c.instrument_id, c.sequence from tasks t
       join process_template_steps s on s.id = t.template_step_id
       join cycles c on c.id = t.cycle_id
      where s.category = 'consultation' and t.status = 'done'`,
  );
  const toConsult = cycles
    .filter((c) => c.status.nextStep && IN_PREPARATION.has(c.status.nextStep) && c.status.nextDueDate)
    .filter((c) => c.status.overdue || c.status.nextDueDate! <= until)
    .filter(
      (c) => !consulted.rows.some((r) => r.instrument_id === c.instrumentId && r.sequence >= c.sequence),
    )
    .sort(byNextDueDate);
  if (!toConsult.length) return null;
  return {
    title: fill(t.consult, { n: toConsult.length }),
    notes: [
      t.consultNotes,
      ...toConsult.map(
        (c) =>
          `- ${instruments.get(c.instrumentId)?.code ?? '?'} ${c.label} (${t.due} ${c.status.nextDueDate})`,
      ),
    ].join('\n'),
    origin: 'consultation',
    cycleId: null,
  };
}

export async function proposeAgenda(
  q: Queryable,
  actor: Actor,
  meetingId: string,
  lang: ProposalLang,
): Promise<AgendaProposal> {
  const meeting = await getRow(q, meetingTable, meetingId);
  const from = meeting.date;
  const until = addMonths(from, 12);
  const t = PROPOSAL_TEXTS[lang];
  const cycles = await loadCycles(q);
  const instruments = await instrumentsById(q);
  const overdue = await overdueItem(q, actor, t);
  const consult = await consultationItem(q, cycles, instruments, addMonths(from, 24), t);
  const items: ProposedItem[] = [
    standard(t.opening),
    ...reportItems(cycles, instruments, until, t, lang),
    ...(overdue ? [overdue] : []),
    ...(consult ? [consult] : []),
    standard(t.practices),
    standard(t.closing),
  ];
  return { from, until, items };
}
