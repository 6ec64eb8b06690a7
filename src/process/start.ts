/** Starting the reporting process of a cycle from a guide: one task per step. */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { assertMayEditInstrument } from '../instruments/policy.ts';
import { cycleOfProcess, getCycleProcess, ownersOfCycle } from './cycle-process.ts';
import { loadCycles, type LoadedCycle } from '../cycles/load.ts';
import { dueDateFor, type AnchorFact } from './due-dates.ts';
import { processErrors } from './errors.ts';
import { coordinatingMinistryId } from './owners.ts';
import type { ProcessCycleRow } from './rows.ts';
import type { Instantiate, ProcessStarted, TemplateStep } from './schema.ts';
import { insertTask } from './tasks.ts';
import { getTemplate } from './templates.ts';

/** The organisation that does a step for the cycle's instrument (null when the instrument names none). */
function ownerOfStep(step: TemplateStep, cycle: ProcessCycleRow, bzk: string | null): string | null {
  const coordinating = cycle.coordinating_organisation_id ?? bzk;
  const lead = cycle.lead_organisation_id ?? coordinating;
  if (step.ownerKind === 'organisation') return step.ownerOrganisationId;
  return step.ownerKind === 'lead_ministry' ? lead : coordinating;
}

/** The recorded phases and the derived deadlines of a cycle (an overridden date says so). */
const anchorFacts = (c: LoadedCycle | undefined): AnchorFact[] =>
  c
    ? [
        ...c.phases.map((p) => ({ kind: p.kind, date: p.date })),
        ...c.derivedPhases.map((d) => ({
          kind: d.kind,
          date: d.date,
          derived: true,
          ruleNl: d.override ? `handmatig aangepaste datum (${d.override.reason})` : d.ruleNl,
        })),
      ]
    : [];

/** The facts of a cycle and of the cycle before it (the one of the highest lower sequence). */
async function anchorsOf(q: Queryable, cycle: ProcessCycleRow) {
  const all = await loadCycles(q, { instrumentId: cycle.instrument_id });
  const own = all.find((c) => c.id === cycle.id);
  const previous = own
    ? all.filter((c) => c.sequence < own.sequence).sort((a, b) => b.sequence - a.sequence)[0]
    : undefined;
  return { own: anchorFacts(own), previous: anchorFacts(previous) };
}

/**
 * Creates the tasks of a process template for a cycle: one per step, owned by the step's
 * organisation or by the role resolved for the cycle's instrument, due at the step's offset from
 * the cycle's phase date, recorded or derived (the task keeps the rule of a derived one). A second run for the same cycle is refused (409) unless mode is
 * 'addMissing', which adds only the steps that have no task yet.
 */
export async function startProcess(
  db: Db,
  actor: Actor,
  cycleId: string,
  input: Instantiate,
): Promise<ProcessStarted> {
  const created = await db.transaction(async (tx) => {
    const cycle = await cycleOfProcess(tx, cycleId);
    assertMayEditInstrument(actor, ownersOfCycle(cycle));
    const known = await tx.query('select 1 from process_templates where id = $1', [input.templateId]);
    if (!known.rowCount) throw processErrors.template_unknown({ id: input.templateId });
    const tpl = await getTemplate(tx, actor, input.templateId);
    if (!tpl.steps.length) throw processErrors.template_empty({ nameEn: tpl.nameEn, nameNl: tpl.nameNl });
    const existing = await tx.query<{ template_step_id: string }>(
      'select template_step_id from tasks where cycle_id = $1 and template_step_id = any($2::uuid[])',
      [cycleId, tpl.steps.map((s) => s.id)],
    );
    const have = new Set(existing.rows.map((r) => r.template_step_id));
    if (have.size && input.mode !== 'addMissing')
      throw processErrors.already_started({
        templateEn: tpl.nameEn,
        templateNl: tpl.nameNl,
        cycle: cycle.label,
        tasks: have.size,
      });
    const bzk = await coordinatingMinistryId(tx);
    const anchors = await anchorsOf(tx, cycle);
    let n = 0;
    for (const step of tpl.steps) {
      if (have.has(step.id)) continue;
      const owner = ownerOfStep(step, cycle, bzk);
      if (!owner) throw processErrors.instrument_without_owner({ instrument: cycle.instrument_code });
      const noLead = step.ownerKind === 'lead_ministry' && !cycle.lead_organisation_id;
      const description = [
        step.descriptionNl,
        noLead ? '(Geen leidend ministerie vastgelegd: toegewezen aan het coördinerend ministerie.)' : null,
      ]
        .filter(Boolean)
        .join('\n\n');
      const due = dueDateFor(step, anchors.own, anchors.previous);
      await insertTask(tx, actor, {
        title: step.titleNl,
        description: description || null,
        ownerOrganisationId: owner,
        cycleId,
        meetingId: null,
        templateStepId: step.id,
        dueDate: due?.date ?? null,
        dueDateRule: due?.rule ?? null,
        status: 'open',
        doneAt: null,
      });
      n++;
    }
    return n;
  });
  return { created, process: await getCycleProcess(db, actor, cycleId) };
}
