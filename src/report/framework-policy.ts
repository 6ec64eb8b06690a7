/**
 * Who may do what with the results framework: as with the financial annex, BZ's and BZK's
 * coordinators and the administrators edit it; everyone signed in reads it.
 */
import type { Actor } from '../core/actor.ts';
import { reportPolicy } from './policy.ts';

export const frameworkPolicy = {
  read: (actor: Actor | null): boolean => reportPolicy.read(actor),
  edit: (actor: Actor | null): boolean => reportPolicy.manage(actor),
};

export const frameworkAbilities = (actor: Actor | null) => ({ edit: frameworkPolicy.edit(actor) });
