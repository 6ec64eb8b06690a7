import type { AuditEventRow } from './rows.ts';
import type { AuditEvent } from './schema.ts';

export const presentAuditEvent = (row: AuditEventRow): AuditEvent => ({
  id: row.id,
  at: row.at,
  actorId: row.actor_id,
  actorLabel: row.actor_label,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  before: row.before,
  after: row.after,
});
