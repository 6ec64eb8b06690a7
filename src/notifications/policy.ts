/**
 * Who hears of what. A reminder of a deadline goes to the coordinators of the instrument's lead
 * organisation; when it is overdue, or the lead has no coordinator, also to the coordinators of the
 * coordinating organisation and of the coordinating ministry. A reminder of a task goes to the
 * coordinators and contributors of the organisation that owns it. Each user hears only of their
 * own notifications.
 */
import type { Actor } from '../core/actor.ts';
import { belongsTo, isCoordinatingMinistry, isCoordinatorOf } from '../core/policy.ts';
import type { InstrumentOwners } from '../instruments/policy.ts';

export const reminderPolicy = {
  /** First to hear of a deadline of the instrument. */
  hearsOfDeadline: (user: Actor, i: InstrumentOwners): boolean => isCoordinatorOf(user, i.leadOrganisationId),
  /** Hears of a deadline that is overdue or that no one of the lead organisation would hear of. */
  hearsOfEscalation: (user: Actor, i: InstrumentOwners): boolean =>
    isCoordinatorOf(user, i.coordinatingOrganisationId) || isCoordinatingMinistry(user),
  /** Hears of a task of the organisation that owns it. */
  hearsOfTask: (user: Actor, ownerOrganisationId: string | null): boolean =>
    belongsTo(user, ownerOrganisationId) && (user.role === 'coordinator' || user.role === 'contributor'),
};
