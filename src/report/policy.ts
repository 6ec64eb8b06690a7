/**
 * Who may do what with the financial annex: the Ministry of Foreign Affairs (BZ) writes the annual
 * human rights report and BZK coordinates human rights reporting, so their coordinators (and
 * administrators) import expenditures, add human rights sectors and set which priority an activity
 * counts for. Everyone signed in reads the expenditures and the totals.
 */
import type { Actor } from '../core/actor.ts';
import { COORDINATING_MINISTRY_CODE, hasRole, isAdmin } from '../core/policy.ts';

/** The ministry that writes the annual human rights report. */
export const REPORT_MINISTRY_CODE = 'BZ';

const isReportCoordinator = (actor: Actor | null): boolean =>
  actor !== null &&
  actor.role === 'coordinator' &&
  (actor.organisationCode === REPORT_MINISTRY_CODE || actor.organisationCode === COORDINATING_MINISTRY_CODE);

export const reportPolicy = {
  read: (actor: Actor | null): boolean => hasRole(actor, 'observer'),
  /** Import IATI files and spreadsheets, add sectors, set an activity's priority. */
  manage: (actor: Actor | null): boolean => isAdmin(actor) || isReportCoordinator(actor),
};

/** What the current user may do with the annex, sent with its lists. */
export const reportAbilities = (actor: Actor | null) => ({ manage: reportPolicy.manage(actor) });
