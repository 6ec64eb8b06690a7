/** Rows of the cluster tables, as the database returns them (snake_case). */
import type { TableSpec } from '../core/write.ts';

export interface ClusterRow {
  id: string;
  title: string;
  description: string | null;
  owner_organisation_id: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface ClusterWrite {
  title: string;
  description: string | null;
  ownerOrganisationId: string;
  createdBy: string | null;
}
export const clusterTable: TableSpec<ClusterRow, ClusterWrite> = {
  table: 'clusters',
  entity: 'cluster',
  writable: ['title', 'description', 'ownerOrganisationId', 'createdBy'],
};
