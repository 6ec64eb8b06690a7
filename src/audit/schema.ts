import { z } from 'zod';
import { IsoDate, PageQuery, Uuid } from '../shared/schema.ts';

export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: Uuid.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** The actions the audit trail records most: changes of data and the events beside them. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'restore',
  'seed',
  'token_call',
] as const;

export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: Uuid.optional(),
  action: z.string().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
