/** An organisation that something is given to (an action, a cluster) must exist and not have ended. */
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { organisationErrors } from './errors.ts';

/** Refuses an unknown or ended organisation; returns its code, for messages. */
export async function assertOwnerExists(q: Queryable, id: string): Promise<string> {
  const r = await q.query<{ code: string; valid_to: string | null }>(
    'select code, valid_to from organisations where id = $1',
    [id],
  );
  const o = r.rows[0];
  if (!o) throw organisationErrors.unknown({ id });
  if (o.valid_to && o.valid_to < today())
    throw organisationErrors.ended({ code: o.code, validTo: o.valid_to });
  return o.code;
}
