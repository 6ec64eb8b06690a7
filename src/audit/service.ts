import type { Queryable } from '../core/db.ts';
import { Where, camelize, pageOf } from '../core/sql.ts';
import type { AuditEvent } from './schema.ts';

export async function listAudit(
  q: Queryable,
  f: {
    page: number;
    pageSize: number;
    entityType?: string | undefined;
    entityId?: string | undefined;
    actorId?: string | undefined;
    action?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
) {
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
    map: (r) => camelize<AuditEvent>(r),
  });
}
