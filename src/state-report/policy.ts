/**
 * Who may do what with a state report: whoever may edit the cycle's instrument
 * (src/instruments/policy.ts: the coordinators of its lead and coordinating organisations,
 * administrators) manages the report — makes it, imports the list of issues, edits its sections and
 * records its submission; a submitted report is no longer edited. Every signed-in user reads it
 * (observers included). The contributors and coordinators of an organisation that was asked write that
 * organisation's contribution (src/state-report/contributions-policy.ts).
 */
import type { Actor } from '../core/actor.ts';
import { authorize, hasRole } from '../core/policy.ts';
import { instrumentPolicy, ownersOfRow } from '../instruments/policy.ts';
import { stateReportErrors } from './errors.ts';
import type { StateReportFactsRow } from './rows.ts';
import type { StateReportAbilities } from './schema.ts';

type Facts = Pick<
  StateReportFactsRow,
  'instrument_code' | 'lead_organisation_id' | 'coordinating_organisation_id' | 'submitted_on'
>;

const owners = (r: Omit<Facts, 'submitted_on'>) => ownersOfRow({ ...r, code: r.instrument_code });

export const stateReportPolicy = {
  /** Make a report for a cycle of the instrument. */
  create: (actor: Actor | null, instrument: Omit<Facts, 'submitted_on'>): boolean =>
    instrumentPolicy.edit(actor, owners(instrument)),
  /** Import the list of issues, edit sections, record the submission. */
  manage: (actor: Actor | null, r: Facts): boolean => instrumentPolicy.edit(actor, owners(r)),
  /** Edit the text of the sections: only while the report has not been submitted. */
  edit: (actor: Actor | null, r: Facts): boolean =>
    r.submitted_on === null && stateReportPolicy.manage(actor, r),
  read: (actor: Actor | null): boolean => hasRole(actor, 'observer'),
};

export function assertMayManage(actor: Actor, r: Facts): void {
  authorize(stateReportPolicy.manage(actor, r), () =>
    stateReportErrors.manage_forbidden({ instrument: r.instrument_code }),
  );
}

/** Manage, and the report is still open. */
export function assertMayEdit(actor: Actor, r: Facts): void {
  assertMayManage(actor, r);
  if (r.submitted_on !== null) throw stateReportErrors.submitted({ date: r.submitted_on });
}

/**
 * What the user may do with the report; `asked` says whether the user's organisation was asked for a
 * contribution to it.
 */
export const stateReportAbilities = (
  actor: Actor | null,
  r: Facts,
  asked: boolean,
): StateReportAbilities => ({
  manage: stateReportPolicy.edit(actor, r),
  contribute: r.submitted_on === null && asked && hasRole(actor, 'contributor'),
});
