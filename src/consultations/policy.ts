/**
 * Who may do what with a consultation round. A round belongs to a cycle of an instrument: whoever
 * may edit the instrument (src/instruments/policy.ts) edits its rounds and moderates their
 * submissions, which carry contact details and are for them only. The public submits without an
 * account; a submission's attachment is public once the submission is published.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdmin } from '../core/policy.ts';
import { instrumentErrors, instrumentPolicy, type InstrumentOwners } from '../instruments/policy.ts';
import { consultationErrors } from './errors.ts';

export const consultationPolicy = {
  /** Create and edit rounds of the instrument's cycles (dates, texts, the summary of the use). */
  edit: (actor: Actor | null, i: InstrumentOwners): boolean => instrumentPolicy.edit(actor, i),
  /** Read the submissions (with contact details), accept, reject and publish them. */
  moderate: (actor: Actor | null, i: InstrumentOwners): boolean => instrumentPolicy.edit(actor, i),
  /** Erase a submission on its author's request (personal data and files): administrators. */
  erase: (actor: Actor | null): boolean => isAdmin(actor),
  /** Download an attachment: anyone once its submission is published, else the moderators. */
  downloadAttachment: (actor: Actor | null, i: InstrumentOwners, published: boolean): boolean =>
    published || consultationPolicy.moderate(actor, i),
};

export function assertMayEditConsultation(actor: Actor, i: InstrumentOwners): void {
  authorize(consultationPolicy.edit(actor, i), () =>
    instrumentErrors.edit_forbidden({ instrument: i.code ?? '' }),
  );
}

export function assertMayModerate(actor: Actor, i: InstrumentOwners): void {
  authorize(consultationPolicy.moderate(actor, i), () =>
    consultationErrors.moderate_forbidden({ instrument: i.code ?? '' }),
  );
}

/** What the current user may do with one consultation, sent with it to the browser app. */
export const consultationAbilities = (actor: Actor | null, i: InstrumentOwners) => ({
  edit: consultationPolicy.edit(actor, i),
  moderate: consultationPolicy.moderate(actor, i),
  erase: consultationPolicy.erase(actor),
});
