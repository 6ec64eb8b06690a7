/**
 * Who may do what with the meetings of the network of treaty coordinators: the coordinating
 * ministry (BZK) chairs the network, so an administrator or a coordinator of BZK plans a meeting,
 * its participants, agenda and minutes, and records its decisions as tasks; every signed-in user
 * reads them.
 */
import type { Actor } from '../core/actor.ts';
import { authorize, isAdminOrCoordinatingMinistry } from '../core/policy.ts';
import { taskPolicy } from '../process/policy.ts';
import { meetingErrors } from './errors.ts';
import type { MeetingAbilities } from './schema.ts';

export const meetingPolicy = {
  create: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
  /** Change the meeting: its fields, participants, agenda and minutes. */
  edit: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
  /** Record a decision: it becomes a task, added by whoever may add tasks. */
  decide: (actor: Actor | null): boolean => meetingPolicy.edit(actor) && taskPolicy.create(actor),
};

export const meetingAbilities = (actor: Actor | null): MeetingAbilities => ({
  edit: meetingPolicy.edit(actor),
});

export function assertMayCreateMeeting(actor: Actor): void {
  authorize(meetingPolicy.create(actor), () => meetingErrors.create_forbidden());
}

export function assertMayEditMeeting(actor: Actor): void {
  authorize(meetingPolicy.edit(actor), () => meetingErrors.edit_forbidden());
}

export function assertMayEditAgenda(actor: Actor): void {
  authorize(meetingPolicy.edit(actor), () => meetingErrors.agenda_forbidden());
}

export function assertMayDecide(actor: Actor): void {
  authorize(meetingPolicy.decide(actor), () => meetingErrors.decision_forbidden());
}
