import type { PriorityCode } from './priorities.ts';

export interface ExpenditureRow {
  id: string;
  year: number;
  priority: PriorityCode;
  amount: number;
  currency: string;
  amount_eur: number | null;
  activity_identifier: string | null;
  description: string | null;
  source: 'iati' | 'spreadsheet' | 'manual';
  paid_on: string;
  advance_for: number | null;
  note: string | null;
  external_key: string;
  import_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExpenditureImportRow {
  id: string;
  source: 'iati' | 'spreadsheet';
  file_name: string;
  sha256: string;
  imported_by: string | null;
  imported_at: string;
  rows_read: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ActivityPriorityRow {
  id: string;
  activity_identifier: string;
  priority: PriorityCode;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SectorRow {
  id: string;
  code: string;
  label: string;
  version: number;
  created_at: string;
  updated_at: string;
}
