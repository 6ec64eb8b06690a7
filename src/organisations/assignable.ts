/**
 * An organisation that something is given to (an action, a cluster, a recommendation, a task, a
 * meeting's participant) must exist and not have ended. One check, with the errors of the feature
 * that asks.
 */
import type { AppError } from '../core/errors.ts';
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { organisationErrors } from './errors.ts';

/** What the check reads of an organisation, as the database returns it. */
export interface AssignableOrganisation {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** The errors a feature answers with when an organisation cannot be given work. */
export interface AssignableErrors {
  unknown: (id: string) => AppError;
  ended: (o: AssignableOrganisation & { valid_to: string }) => AppError;
  /** Only when given: also refuses an organisation whose validity starts after the date. */
  notYet?: (o: AssignableOrganisation & { valid_from: string }, date: string) => AppError;
}

const ownErrors: AssignableErrors = {
  unknown: (id) => organisationErrors.unknown({ id }),
  ended: (o) => organisationErrors.ended({ code: o.code, validTo: o.valid_to }),
};

/**
 * Refuses any of `ids` that is unknown, or whose validity ended before `onDate` (default: today);
 * unknown ones are named first. Returns the organisations in the order of their first mention.
 */
export async function assertAssignable(
  q: Queryable,
  ids: string | readonly string[],
  errors: AssignableErrors = ownErrors,
  onDate: string = today(),
): Promise<AssignableOrganisation[]> {
  const wanted = [...new Set(typeof ids === 'string' ? [ids] : ids)];
  if (wanted.length === 0) return [];
  const r = await q.query<AssignableOrganisation>(
    `select id, code, name_nl, name_en, valid_from, valid_to
       from organisations where id = any($1::uuid[])`,
    [wanted],
  );
  const byId = new Map(r.rows.map((o) => [o.id, o]));
  const missing = wanted.find((id) => !byId.has(id));
  if (missing) throw errors.unknown(missing);
  const found = wanted.map((id) => byId.get(id)!);
  for (const o of found) {
    if (o.valid_to !== null && o.valid_to < onDate) throw errors.ended({ ...o, valid_to: o.valid_to });
    if (errors.notYet && o.valid_from !== null && o.valid_from > onDate)
      throw errors.notYet({ ...o, valid_from: o.valid_from }, onDate);
  }
  return found;
}

/** Refuses an unknown or ended owner; returns its code, for messages. */
export async function assertOwnerExists(q: Queryable, id: string): Promise<string> {
  const [o] = await assertAssignable(q, id);
  return o!.code;
}
