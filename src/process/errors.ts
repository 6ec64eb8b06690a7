/** The errors of process guides, their steps, starting the process for a cycle, and tasks. */
import { defineErrors } from '../core/errors.ts';
import { COORDINATING_MINISTRY_CODE as BZK } from '../core/policy.ts';

interface Organisation {
  code: string;
  nameEn: string;
  nameNl: string;
}

export const processErrors = defineErrors('process', {
  template_create_forbidden: {
    status: 403,
    en: () =>
      `Only an administrator or a coordinator of the coordinating ministry (${BZK}) may create a process template.`,
    nl: () =>
      `Alleen een beheerder of een coördinator van het coördinerend ministerie (${BZK}) mag een handreiking aanmaken.`,
  },
  template_edit_forbidden: {
    status: 403,
    en: () =>
      `Only an administrator or a coordinator of the coordinating ministry (${BZK}) may change a process template.`,
    nl: () =>
      `Alleen een beheerder of een coördinator van het coördinerend ministerie (${BZK}) mag een handreiking wijzigen.`,
  },
  step_owner_required: {
    status: 400,
    en: () => 'Choose the organisation that owns this step, or choose a role such as "lead ministry".',
    nl: () => 'Kies de organisatie die deze stap uitvoert, of kies een rol zoals "leidend ministerie".',
  },
  order_incomplete: {
    status: 400,
    en: (p: { steps: number }) =>
      `Send every step of this template exactly once (it has ${p.steps} steps): reload the template and try again.`,
    nl: (p: { steps: number }) =>
      `Geef elke stap van deze handreiking precies één keer op (zij heeft ${p.steps} stappen). Herlaad de handreiking en probeer het opnieuw.`,
  },
  template_unknown: {
    status: 400,
    en: (p: { id: string }) => `No process template with id "${p.id}" exists: choose one from the list.`,
    nl: (p: { id: string }) => `Er bestaat geen handreiking met id "${p.id}". Kies er een uit de lijst.`,
  },
  template_empty: {
    status: 400,
    en: (p: { nameEn: string; nameNl: string }) =>
      `The process template "${p.nameEn}" has no steps yet: add steps first.`,
    nl: (p: { nameEn: string; nameNl: string }) =>
      `De handreiking "${p.nameNl}" heeft nog geen stappen. Voeg eerst stappen toe.`,
  },
  already_started: {
    status: 409,
    en: (p: { templateEn: string; templateNl: string; cycle: string; tasks: number }) =>
      `The process "${p.templateEn}" was already started for ${p.cycle} (${p.tasks} tasks exist). ` +
      'Use "add missing steps" to add only the steps that have no task yet.',
    nl: (p: { templateEn: string; templateNl: string; cycle: string; tasks: number }) =>
      `Het proces "${p.templateNl}" is al gestart voor ${p.cycle} (er zijn ${p.tasks} taken). ` +
      'Gebruik "Ontbrekende stappen toevoegen" om alleen de stappen zonder taak toe te voegen.',
  },
  instrument_without_owner: {
    status: 400,
    en: (p: { instrument: string }) =>
      `Instrument ${p.instrument} has no lead or coordinating ministry: record one before starting the process.`,
    nl: (p: { instrument: string }) =>
      `Voor verdrag ${p.instrument} is geen leidend of coördinerend ministerie vastgelegd. Leg dit vast voordat u het proces start.`,
  },
  no_organisation: {
    status: 400,
    en: () => 'Your account belongs to no organisation: choose an organisation to see its tasks.',
    nl: () => 'Uw account hoort bij geen organisatie. Kies een organisatie om de taken ervan te zien.',
  },
  organisation_unknown: {
    status: 400,
    en: (p: { id: string }) => `No organisation with id "${p.id}" exists: choose one from the list.`,
    nl: (p: { id: string }) => `Er bestaat geen organisatie met id "${p.id}". Kies er een uit de lijst.`,
  },
  organisation_ended: {
    status: 400,
    en: (p: Organisation & { validTo: string }) =>
      `${p.nameEn} (${p.code}) no longer exists (valid until ${p.validTo}): assign the work to the organisation that took over its tasks.`,
    nl: (p: Organisation & { validTo: string }) =>
      `${p.nameNl} (${p.code}) bestaat niet meer (geldig tot ${p.validTo}). Wijs het werk toe aan de organisatie die de taken heeft overgenomen.`,
  },
  organisation_not_yet: {
    status: 400,
    en: (p: Organisation & { validFrom: string; date: string }) =>
      `${p.nameEn} (${p.code}) does not exist yet on ${p.date} (valid from ${p.validFrom}): choose another organisation.`,
    nl: (p: Organisation & { validFrom: string; date: string }) =>
      `${p.nameNl} (${p.code}) bestaat nog niet op ${p.date} (geldig vanaf ${p.validFrom}). Kies een andere organisatie.`,
  },
  task_edit_forbidden: {
    status: 403,
    en: () =>
      'Only an administrator or the coordinator of the organisation that owns this task may change it.',
    nl: () =>
      'Alleen een beheerder of de coördinator van de organisatie die eigenaar is van deze taak mag deze wijzigen.',
  },
  task_status_only: {
    status: 403,
    en: () => 'A contributor may only change the status of a task; ask your coordinator for other changes.',
    nl: () =>
      'Als bijdrager mag u alleen de status van een taak wijzigen. Vraag uw coördinator om andere wijzigingen.',
  },
  task_status_forbidden: {
    status: 403,
    en: () =>
      'A contributor may set a task to "in progress" or "done"; reopening or cancelling it is up to your coordinator.',
    nl: () =>
      'Als bijdrager mag u een taak op "bezig" of "afgerond" zetten. Heropenen of laten vervallen is aan uw coördinator.',
  },
});
