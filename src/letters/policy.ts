/**
 * Who may do what with a document of the workspace. It belongs to the organisation that drafts it
 * (its owner): the owner's coordinators, the coordinating ministry (BZK) and administrators change
 * it and move it through its states; the owner's contributors edit, add and remove its sections
 * while it is a draft; a coordinator of a ministry it is "afgestemd met" confirms for that ministry;
 * everyone else signed in reads it. The annual human rights report, its nota and its Kamerbrief are
 * made only by those who manage the report (src/report/policy.ts: administrators, BZ's and BZK's
 * coordinators).
 */
import type { Actor } from '../core/actor.ts';
import { belongsTo, hasRole, isAdmin, isCoordinatingMinistry, isCoordinatorOf } from '../core/policy.ts';
import type { AppError } from '../core/errors.ts';
import { reportPolicy } from '../report/policy.ts';
import { workspaceErrors } from './errors.ts';
import { OUTGOING_KINDS, isReportKind, type OutgoingKind } from './kinds.ts';
import type { OutgoingState } from './rows.ts';

/** The facts of a document the rules look at. */
export interface LetterFacts {
  ownerOrganisationId: string;
  state: OutgoingState;
}

/** The state a document's content may change in (a consulted one becomes a draft again). */
export const contentEditable = (state: OutgoingState): boolean => state === 'draft' || state === 'consulted';

const owns = (actor: Actor | null, d: LetterFacts) =>
  isAdmin(actor) || isCoordinatingMinistry(actor) || isCoordinatorOf(actor, d.ownerOrganisationId);

export const letterPolicy = {
  /** Create a document drafted by the organisation: its coordinators, BZK's and administrators. */
  create: (actor: Actor | null, ownerOrganisationId: string): boolean =>
    owns(actor, { ownerOrganisationId, state: 'draft' }),
  /** Create a document of a kind: the report's kinds also need one who manages the report. */
  createKind: (actor: Actor | null, ownerOrganisationId: string, kind: OutgoingKind): boolean =>
    owns(actor, { ownerOrganisationId, state: 'draft' }) &&
    (!isReportKind(kind) || reportPolicy.manage(actor)),
  /** Change the frame, regenerate, ask ministries to confirm (and withdraw the request). */
  edit: (actor: Actor | null, d: LetterFacts): boolean => owns(actor, d),
  /** Edit, add and remove sections: those who edit the document, and the owner's contributors in a draft. */
  editSections: (actor: Actor | null, d: LetterFacts): boolean =>
    owns(actor, d) ||
    (d.state === 'draft' && hasRole(actor, 'contributor') && belongsTo(actor, d.ownerOrganisationId)),
  /** Move the document to another state; set its Kamerstuk number. */
  transition: (actor: Actor | null, d: LetterFacts): boolean => owns(actor, d),
  /** Set the sender printed on the installation's letters: administrators. */
  setSender: (actor: Actor | null): boolean => isAdmin(actor),
  /** Confirm on behalf of a consulted organisation: a coordinator of that organisation only. */
  confirm: (actor: Actor | null, organisationId: string): boolean => isCoordinatorOf(actor, organisationId),
};

/**
 * The kinds the actor may create (the new-document panel offers them): those of their own
 * organisation, and the report's when they manage it (its owner is then BZ by default).
 */
export const creatableKinds = (actor: Actor | null): OutgoingKind[] =>
  OUTGOING_KINDS.filter((kind) =>
    isReportKind(kind) ? reportPolicy.manage(actor) : letterPolicy.create(actor, actor?.organisationId ?? ''),
  );

/** The states a document may move to from each state, by the rules of the workflow. */
const NEXT: Record<OutgoingState, readonly OutgoingState[]> = {
  draft: ['consulted', 'ready'],
  consulted: ['ready', 'draft'],
  ready: ['sent', 'draft'],
  sent: [],
};

/** What a state change looks at of the consultations: who was asked and whether they confirmed. */
export interface ConsultationFacts {
  organisationCode: string;
  confirmed: boolean;
}

/**
 * Why the document cannot move from one state to another, or null when it can: a draft becomes
 * consulted once every ministry asked has confirmed (and at least one was asked); it goes directly
 * to ready only when none was asked; a sent document stays sent.
 */
export function transitionRefusal(
  from: OutgoingState,
  to: OutgoingState,
  consultations: readonly ConsultationFacts[],
): AppError | null {
  if (!NEXT[from].includes(to)) return workspaceErrors.wrong_state_transition({ from, to });
  const open = consultations.filter((c) => !c.confirmed).map((c) => c.organisationCode);
  if (from === 'draft' && to === 'consulted') {
    if (consultations.length === 0) return workspaceErrors.no_consultation();
    if (open.length > 0) return workspaceErrors.consultation_unconfirmed({ organisations: open.join(', ') });
  }
  if (from === 'draft' && to === 'ready' && consultations.length > 0)
    return open.length > 0
      ? workspaceErrors.consultation_unconfirmed({ organisations: open.join(', ') })
      : workspaceErrors.consult_first();
  return null;
}

/** The states the actor may move the document to now. */
export const movesAllowed = (
  actor: Actor | null,
  d: LetterFacts,
  consultations: readonly ConsultationFacts[],
): OutgoingState[] =>
  letterPolicy.transition(actor, d)
    ? NEXT[d.state].filter((to) => !transitionRefusal(d.state, to, consultations))
    : [];
