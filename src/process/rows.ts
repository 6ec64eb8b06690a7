/**
 * The tables of the reporting process as the database returns them (snake_case), and how they are
 * written through the audited write path (src/core/write.ts).
 */
import type { TableSpec } from '../core/write.ts';
import type { PhaseKind } from '../cycles/schema.ts';
import type { OwnerKind, StepCreate, TaskStatus, TemplateCreate, TemplateStep } from './schema.ts';

export interface ProcessTemplateRow {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
  description: string | null;
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProcessTemplateStepRow {
  id: string;
  template_id: string;
  position: number;
  title_nl: string;
  title_en: string;
  description_nl: string | null;
  description_en: string | null;
  owner_kind: OwnerKind;
  owner_organisation_id: string | null;
  category: TemplateStep['category'];
  anchor_phase: PhaseKind;
  offset_amount: number;
  offset_unit: 'days' | 'months';
  source: string | null;
  verified: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  owner_organisation_id: string;
  cycle_id: string | null;
  meeting_id: string | null;
  template_step_id: string | null;
  due_date: string | null;
  /** The rule that derived the date the due date counts from (null: recorded or set by hand). */
  due_date_rule: string | null;
  status: TaskStatus;
  done_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A task with its owner, cycle, instrument, meeting and step, as the task query joins them (tasks.ts). */
export interface TaskViewRow extends TaskRow {
  owner_code: string;
  owner_name_nl: string;
  owner_name_en: string;
  cycle_label: string | null;
  instrument_id: string | null;
  instrument_code: string | null;
  meeting_title: string | null;
  step_position: number | null;
  step_category: TemplateStep['category'] | null;
  anchor_phase: PhaseKind | null;
  /** The date of the cycle's phase the step counts from (null when the cycle has none). */
  anchor_date: string | null;
}

/** A cycle with the owners of its instrument: what starting its process looks at. */
export interface ProcessCycleRow {
  id: string;
  label: string;
  instrument_id: string;
  instrument_code: string;
  lead_organisation_id: string | null;
  coordinating_organisation_id: string | null;
}

export const templateTable: TableSpec<ProcessTemplateRow, TemplateCreate> = {
  table: 'process_templates',
  entity: 'process_template',
  writable: ['code', 'nameNl', 'nameEn', 'description', 'source', 'verified'],
};

/** A step as written: the fields of the API, with its template and position. */
export type StepWrite = StepCreate & { templateId: string; position: number };

export const stepTable: TableSpec<ProcessTemplateStepRow, StepWrite> = {
  table: 'process_template_steps',
  entity: 'process_template_step',
  writable: [
    'templateId',
    'position',
    'titleNl',
    'titleEn',
    'descriptionNl',
    'descriptionEn',
    'ownerKind',
    'ownerOrganisationId',
    'category',
    'anchorPhase',
    'offsetAmount',
    'offsetUnit',
    'source',
    'verified',
  ],
};

/** A task as written. */
export interface TaskWrite {
  title: string;
  description: string | null;
  ownerOrganisationId: string;
  cycleId: string | null;
  meetingId: string | null;
  templateStepId: string | null;
  dueDate: string | null;
  /** The rule that derived the date the due date counts from (null: recorded or set by hand). */
  dueDateRule?: string | null;
  status: TaskStatus;
  doneAt: string | null;
}

export const taskTable: TableSpec<TaskRow, TaskWrite> = {
  table: 'tasks',
  entity: 'task',
  writable: [
    'title',
    'description',
    'ownerOrganisationId',
    'cycleId',
    'meetingId',
    'templateStepId',
    'dueDate',
    'dueDateRule',
    'status',
    'doneAt',
  ],
};
