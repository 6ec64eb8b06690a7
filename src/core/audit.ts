import type { Queryable } from './db.ts';

import type { Actor } from './actor.ts';
export { systemActor, type Actor } from './actor.ts';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'login' | 'logout' | 'restore' | 'seed' | string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records an audit event. Call it with the same transaction handle as the change it describes. */
export async function recordAudit(tx: Queryable, actor: Actor, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_events (actor_id, actor_label, action, entity_type, entity_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      actor.id,
      actor.label,
      e.action,
      e.entityType,
      e.entityId ?? null,
      e.before === undefined ? null : JSON.stringify(redact(e.before)),
      e.after === undefined ? null : JSON.stringify(redact(e.after)),
    ],
  );
}

/**
 * Before and after are recorded in the API's shape (camelCase fields, as a user sees them),
 * whether a service passes a database row or an API object. Secrets never enter the audit trail.
 */
function redact(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (Array.isArray(v)) return v.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const key = k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    out[key] = /password|token|secret|csrf/i.test(k) ? '[redacted]' : redact(val);
  }
  return out;
}
