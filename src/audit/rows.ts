/** A row of audit_events, as the database returns it. */
export interface AuditEventRow {
  id: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}
