/** Rows of the follow-up tables, as the database returns them (snake_case). */
import type { TableSpec } from '../core/write.ts';
import type { GovernmentPosition, ProgressCreate, ProgressStatus } from './schema.ts';

export interface PositionRow {
  /** The recommendation's id. */
  id: string;
  position: GovernmentPosition | null;
  appreciation: string | null;
  explanation: string | null;
  recorded_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface PositionWrite {
  id: string;
  position: GovernmentPosition | null;
  appreciation: string | null;
  explanation: string | null;
  recordedBy: string;
}
export const positionTable: TableSpec<PositionRow, PositionWrite> = {
  table: 'recommendation_positions',
  entity: 'recommendation_position',
  writable: ['id', 'position', 'appreciation', 'explanation', 'recordedBy'],
};

export interface PositionHistoryRow {
  id: string;
  recommendation_id: string;
  position: GovernmentPosition | null;
  appreciation: string | null;
  explanation: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface ProgressRow {
  id: string;
  /** The recommendation, the cluster or the action the update reports on: one of the three. */
  recommendation_id: string | null;
  cluster_id: string | null;
  action_id: string | null;
  status: ProgressStatus;
  text: string;
  period_start: string | null;
  period_end: string | null;
  evidence_links: string[];
  state: 'draft' | 'approved';
  organisation_id: string | null;
  created_by: string;
  approved_by: string | null;
  approved_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export type ProgressWrite = ProgressCreate & {
  recommendationId: string | null;
  clusterId: string | null;
  actionId: string | null;
  organisationId: string | null;
  createdBy: string;
  state: 'draft' | 'approved';
  approvedBy: string | null;
  approvedAt: string | null;
};
export const progressTable: TableSpec<ProgressRow, ProgressWrite> = {
  table: 'progress_updates',
  entity: 'progress_update',
  writable: [
    'recommendationId',
    'clusterId',
    'actionId',
    'status',
    'text',
    'periodStart',
    'periodEnd',
    'evidenceLinks',
    'state',
    'organisationId',
    'createdBy',
    'approvedBy',
    'approvedAt',
  ],
};
