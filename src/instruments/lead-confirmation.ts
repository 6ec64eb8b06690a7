/**
 * Confirming an instrument's lead ministry: a coordinator of the instrument (or an administrator)
 * checks the recorded lead and marks it verified, with who and when; audited as a change of the
 * instrument.
 */
import type { Actor } from '../core/actor.ts';
import { nowIso } from '../core/dates.ts';
import type { Db } from '../core/db.ts';
import { getRow, updateRow, type TableSpec } from '../core/write.ts';
import { instrumentErrors } from './errors.ts';
import { assertMayEditInstrument, ownersOfRow } from './policy.ts';
import type { InstrumentRow } from './rows.ts';
import type { Instrument, LeadConfirmation } from './schema.ts';
import { getInstrument } from './service.ts';

interface LeadConfirmationWrite {
  leadVerified: boolean;
  leadVerifiedBy: string | null;
  leadVerifiedAt: string;
  unverifiedFields: string[];
}

const leadTable: TableSpec<InstrumentRow, LeadConfirmationWrite> = {
  table: 'instruments',
  entity: 'instrument',
  writable: ['leadVerified', 'leadVerifiedBy', 'leadVerifiedAt', 'unverifiedFields'],
};

/** Marks the lead ministry of the instrument verified by the actor, now. */
export async function confirmLead(
  db: Db,
  actor: Actor,
  id: string,
  input: LeadConfirmation,
): Promise<Instrument> {
  await db.transaction(async (tx) => {
    const before = await getRow(tx, leadTable, id, true);
    assertMayEditInstrument(actor, ownersOfRow(before));
    if (!before.lead_organisation_id) throw instrumentErrors.lead_missing({ instrument: before.code });
    await updateRow(tx, actor, leadTable, id, {
      version: input.version,
      leadVerified: true,
      leadVerifiedBy: actor.id,
      leadVerifiedAt: nowIso(),
      unverifiedFields: (before.unverified_fields ?? []).filter((f) => f !== 'lead_organisation_id'),
    });
  });
  return getInstrument(db, id, actor);
}
