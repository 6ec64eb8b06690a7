/**
 * Who may do what with the contributions to a state report: whoever may edit the cycle's instrument
 * (src/instruments/policy.ts: its lead and coordinating organisations' coordinators, administrators)
 * manages the report: asks for contributions, accepts or rejects them, merges them and exports; the
 * contributors and coordinators of an organisation that was asked write that organisation's
 * contribution; observers read.
 */
import type { Actor } from '../core/actor.ts';
import { belongsTo, hasRole } from '../core/policy.ts';
import type { StateReportContributionRow } from './contributions-rows.ts';
import type { StateReportFactsRow } from './rows.ts';
import { stateReportPolicy } from './policy.ts';

export const contributionPolicy = {
  manage: (actor: Actor | null, report: StateReportFactsRow): boolean =>
    stateReportPolicy.manage(actor, report),
  /** Write (and submit) the contribution of the organisation asked. */
  write: (actor: Actor | null, organisationId: string): boolean =>
    hasRole(actor, 'contributor') && belongsTo(actor, organisationId),
  /** Read a request: its organisation's users and those who manage the report; observers read all. */
  read: (actor: Actor | null, report: StateReportFactsRow, organisationId: string): boolean =>
    hasRole(actor, 'observer') &&
    (contributionPolicy.manage(actor, report) ||
      belongsTo(actor, organisationId) ||
      actor?.role === 'observer'),
};

export const contributionAbilities = (
  actor: Actor | null,
  report: StateReportFactsRow,
  organisationId: string,
  c: Pick<StateReportContributionRow, 'state'> | null,
) => {
  const open = report.submitted_on === null;
  const draft = c === null || c.state === 'draft';
  const write = open && draft && contributionPolicy.write(actor, organisationId);
  return {
    write,
    submit: write && c !== null,
    decide: open && c?.state === 'submitted' && contributionPolicy.manage(actor, report),
  };
};
