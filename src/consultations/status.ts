/** A consultation round's status: derived from its dates when read, never stored. */
import { nowIso } from '../core/dates.ts';
import { consultationErrors } from './errors.ts';
import type { ConsultationStatus } from './schema.ts';

/** Before opening: planned; between opening and closing: open; after: closed. */
export function consultationStatus(opensAt: string, closesAt: string, now = nowIso()): ConsultationStatus {
  const t = Date.parse(now);
  if (t < Date.parse(opensAt)) return 'planned';
  if (t < Date.parse(closesAt)) return 'open';
  return 'closed';
}

/** Refuses a submission outside the opening period, with the dates in the message. */
export function assertOpen(c: { opensAt: string; closesAt: string }, now = nowIso()): void {
  const status = consultationStatus(c.opensAt, c.closesAt, now);
  if (status === 'planned') throw consultationErrors.not_open({ opensAt: c.opensAt });
  if (status === 'closed') throw consultationErrors.closed({ closesAt: c.closesAt });
}
