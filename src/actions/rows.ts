/** Rows of the action tables, as the database returns them (snake_case). */
import type { TableSpec } from '../core/write.ts';
import type { ActionCreate, IndicatorCreate, MeasurementCreate, ValueType } from './schema.ts';

export interface ActionRow {
  id: string;
  title: string;
  description: string | null;
  owner_organisation_id: string;
  start_date: string | null;
  end_date: string | null;
  budget: string | null;
  outcome: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export type ActionWrite = Omit<ActionCreate, 'recommendationIds' | 'clusterIds'> & {
  createdBy: string | null;
};
export const actionTable: TableSpec<ActionRow, ActionWrite> = {
  table: 'actions',
  entity: 'action',
  writable: [
    'title',
    'description',
    'ownerOrganisationId',
    'startDate',
    'endDate',
    'budget',
    'outcome',
    'createdBy',
  ],
};

export interface IndicatorRow {
  id: string;
  action_id: string;
  name: string;
  value_type: ValueType;
  unit: string;
  baseline: string | null;
  baseline_date: string | null;
  target: string | null;
  target_date: string | null;
  source: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export type IndicatorWrite = IndicatorCreate & { actionId: string };
export const indicatorTable: TableSpec<IndicatorRow, IndicatorWrite> = {
  table: 'indicators',
  entity: 'indicator',
  writable: [
    'actionId',
    'name',
    'valueType',
    'unit',
    'baseline',
    'baselineDate',
    'target',
    'targetDate',
    'source',
  ],
};

export interface MeasurementRow {
  id: string;
  indicator_id: string;
  measured_on: string;
  value: string;
  unit: string;
  note: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export type MeasurementWrite = MeasurementCreate & { indicatorId: string; createdBy: string | null };
export const measurementTable: TableSpec<MeasurementRow, MeasurementWrite> = {
  table: 'indicator_measurements',
  entity: 'indicator_measurement',
  writable: ['indicatorId', 'measuredOn', 'value', 'unit', 'note', 'createdBy'],
};
