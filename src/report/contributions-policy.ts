/**
 * Who may do what with the contributions to the annual report: as with the rest of the report,
 * BZ's and BZK's coordinators and the administrators make requests, see who contributed and select
 * the examples; everyone signed in reads the requests and the examples; contributors (and higher
 * roles) send a contribution signed in. Anyone with a request's link sends one without an account.
 */
import type { Actor } from '../core/actor.ts';
import { hasRole } from '../core/policy.ts';
import { reportPolicy } from './policy.ts';

export const contributionPolicy = {
  read: (actor: Actor | null): boolean => reportPolicy.read(actor),
  /** Make, edit and close requests; see contact details; select and edit examples. */
  manage: (actor: Actor | null): boolean => reportPolicy.manage(actor),
  /** Send a contribution signed in (to a request that is open). */
  submit: (actor: Actor | null): boolean => hasRole(actor, 'contributor'),
};

export const requestAbilities = (actor: Actor | null, open: boolean) => ({
  manage: contributionPolicy.manage(actor),
  submit: open && contributionPolicy.submit(actor),
});
