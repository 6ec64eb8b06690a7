/** The organisations work is assigned to: steps, tasks and the participants of a meeting. */
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { COORDINATING_MINISTRY_CODE } from '../core/policy.ts';
import {
  assertAssignable,
  type AssignableErrors,
  type AssignableOrganisation,
} from '../organisations/assignable.ts';
import { processErrors } from './errors.ts';

const who = (o: AssignableOrganisation) => ({ code: o.code, nameEn: o.name_en, nameNl: o.name_nl });

const processAssignErrors: AssignableErrors = {
  unknown: (id) => processErrors.organisation_unknown({ id }),
  ended: (o) => processErrors.organisation_ended({ ...who(o), validTo: o.valid_to }),
  notYet: (o, date) => processErrors.organisation_not_yet({ ...who(o), validFrom: o.valid_from, date }),
};

/**
 * An organisation that work is assigned to must exist on `onDate` (default: today): one whose
 * validity ended (a ministry that was split or merged) cannot take on tasks, nor one whose
 * validity has not begun.
 */
export async function assertOrganisationExists(
  q: Queryable,
  id: string,
  onDate = today(),
): Promise<AssignableOrganisation> {
  const [o] = await assertAssignable(q, id, processAssignErrors, onDate);
  return o!;
}

/** The id of the coordinating ministry (BZK), which takes the work an instrument assigns to nobody. */
export async function coordinatingMinistryId(q: Queryable): Promise<string | null> {
  const r = await q.query<{ id: string }>('select id from organisations where code = $1', [
    COORDINATING_MINISTRY_CODE,
  ]);
  return r.rows[0]?.id ?? null;
}
