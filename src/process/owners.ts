/** The organisations work is assigned to: steps, tasks and the participants of a meeting. */
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { COORDINATING_MINISTRY_CODE } from '../core/policy.ts';
import { processErrors } from './errors.ts';

interface OrganisationValidity {
  code: string;
  name_nl: string;
  name_en: string;
  valid_from: string | null;
  valid_to: string | null;
}

/**
 * An organisation that work is assigned to must exist on `onDate` (default: today): one whose
 * validity ended (a ministry that was split or merged) cannot take on tasks.
 */
export async function assertOrganisationExists(
  q: Queryable,
  id: string,
  onDate = today(),
): Promise<OrganisationValidity> {
  const r = await q.query<OrganisationValidity>(
    'select code, name_nl, name_en, valid_from, valid_to from organisations where id = $1',
    [id],
  );
  const o = r.rows[0];
  if (!o) throw processErrors.organisation_unknown({ id });
  const who = { code: o.code, nameEn: o.name_en, nameNl: o.name_nl };
  if (o.valid_to && o.valid_to < onDate)
    throw processErrors.organisation_ended({ ...who, validTo: o.valid_to });
  if (o.valid_from && o.valid_from > onDate)
    throw processErrors.organisation_not_yet({ ...who, validFrom: o.valid_from, date: onDate });
  return o;
}

/** The id of the coordinating ministry (BZK), which takes the work an instrument assigns to nobody. */
export async function coordinatingMinistryId(q: Queryable): Promise<string | null> {
  const r = await q.query<{ id: string }>('select id from organisations where code = $1', [
    COORDINATING_MINISTRY_CODE,
  ]);
  return r.rows[0]?.id ?? null;
}
