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

export const AuditQuery = PageQuery.extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: Uuid.optional(),
  action: z.string().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
