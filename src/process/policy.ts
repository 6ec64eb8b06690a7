/**
 * Who may do what in the reporting process:
 * - process guides (templates) and their steps are shared by all: an administrator or a coordinator
 *   of the coordinating ministry (BZK) keeps them;
 * - starting the process for a cycle follows the right to edit the cycle's instrument;
 * - a task is changed by an administrator or a coordinator of the organisation that owns it (every
 *   field, every status); a contributor of that organisation does the work and only sets it to
 *   "in progress" or "done" (reopening, cancelling and reassigning stay with their coordinator);
 * - tasks outside a guide (decisions of the network of treaty coordinators) are added by an
 *   administrator or a coordinator of the coordinating ministry.
 * The browser app receives these answers as `abilities` with each object and decides nothing itself.
 */
import type { Actor } from '../core/actor.ts';
import {
  authorize,
  belongsTo,
  isAdmin,
  isAdminOrCoordinatingMinistry,
  isCoordinatorOf,
} from '../core/policy.ts';
import { instrumentPolicy, type InstrumentOwners } from '../instruments/policy.ts';
import { processErrors } from './errors.ts';
import {
  TASK_STATUSES,
  type ProcessAbilities,
  type TaskAbilities,
  type TaskStatus,
  type TaskUpdate,
  type TemplateAbilities,
} from './schema.ts';

/** The facts of a task the rules look at. */
export interface TaskOwner {
  ownerOrganisationId: string;
}

/** The statuses a contributor of the owner organisation may set. */
const WORK_STATUSES: readonly TaskStatus[] = ['in_progress', 'done'];

export const templatePolicy = {
  create: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
  /** Change a guide, its steps and their order. */
  edit: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
};

export const taskPolicy = {
  /** Change every field and every status of the task. */
  edit: (actor: Actor | null, task: TaskOwner): boolean =>
    isAdmin(actor) || isCoordinatorOf(actor, task.ownerOrganisationId),
  /** The statuses the actor may set on the task ([] when none). */
  statuses: (actor: Actor | null, task: TaskOwner): TaskStatus[] => {
    if (taskPolicy.edit(actor, task)) return [...TASK_STATUSES];
    if (actor?.role === 'contributor' && belongsTo(actor, task.ownerOrganisationId))
      return [...WORK_STATUSES];
    return [];
  },
  /** Add a task outside a guide (a decision of the network). */
  create: (actor: Actor | null): boolean => isAdminOrCoordinatingMinistry(actor),
};

export const processPolicy = {
  /** Start the process of a cycle from a guide, or add its missing steps. */
  start: (actor: Actor | null, instrument: InstrumentOwners): boolean =>
    instrumentPolicy.edit(actor, instrument),
  addTask: (actor: Actor | null): boolean => taskPolicy.create(actor),
};

export const templateAbilities = (actor: Actor | null): TemplateAbilities => ({
  edit: templatePolicy.edit(actor),
});

export const taskAbilities = (actor: Actor | null, task: TaskOwner): TaskAbilities => ({
  edit: taskPolicy.edit(actor, task),
  statuses: taskPolicy.statuses(actor, task),
});

export const processAbilities = (actor: Actor | null, instrument: InstrumentOwners): ProcessAbilities => ({
  start: processPolicy.start(actor, instrument),
  addTask: processPolicy.addTask(actor),
});

export function assertMayCreateTemplate(actor: Actor): void {
  authorize(templatePolicy.create(actor), () => processErrors.template_create_forbidden());
}

export function assertMayEditTemplate(actor: Actor): void {
  authorize(templatePolicy.edit(actor), () => processErrors.template_edit_forbidden());
}

/** A change of a task is allowed when the actor may edit it, or it only sets a status the actor may set. */
export function assertMayUpdateTask(actor: Actor, task: TaskOwner, input: TaskUpdate): void {
  if (taskPolicy.edit(actor, task)) return;
  const statuses = taskPolicy.statuses(actor, task);
  authorize(statuses.length > 0, () => processErrors.task_edit_forbidden());
  const { version: _version, status, ...fields } = input;
  authorize(
    Object.values(fields).every((v) => v === undefined),
    () => processErrors.task_status_only(),
  );
  authorize(status !== undefined && statuses.includes(status), () => processErrors.task_status_forbidden());
}
