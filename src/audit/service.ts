import type { Queryable } from '../core/db.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { presentAuditEvent } from './presenter.ts';
import type { AuditEventRow } from './rows.ts';
import type { AuditEvent, AuditQuery } from './schema.ts';

/** The audit trail, newest first, filtered by entity, actor, action and date. */
export async function listAudit(q: Queryable, f: AuditQuery): Promise<Page<AuditEvent>> {
  const where = new Where()
    .addIf(f.entityType, 'entity_type = ?', f.entityType)
    .addIf(f.entityId, 'entity_id = ?', f.entityId)
    .addIf(f.actorId, 'actor_id = ?', f.actorId)
    .addIf(f.action, 'action = ?', f.action)
    .addIf(f.from, 'at >= ?::date', f.from)
    .addIf(f.to, "at < ?::date + interval '1 day'", f.to);
  return pageOf(q, {
    select: '*',
    from: 'audit_events',
    where,
    orderBy: 'id desc',
    page: f.page,
    pageSize: f.pageSize,
    map: (r: AuditEventRow) => presentAuditEvent(r),
  });
}
