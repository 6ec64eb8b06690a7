/**
 * Who may change the taxonomies (SDG goals and targets, UHRI themes and groups, Dutch priorities),
 * their aliases, and with them the mapping of spellings that imports did not know. They are shared
 * by every ministry, so only administrators and the coordinating ministry (BZK) change them.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdminOrCoordinatingMinistry } from '../core/policy.ts';
import { taxonomyErrors } from './errors.ts';

export const taxonomyPolicy = {
  /** Add or change terms and aliases. */
  edit: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
};

export function assertMayEditTaxonomy(actor: Actor): void {
  authorize(taxonomyPolicy.edit(actor), () => taxonomyErrors.edit_forbidden());
}
