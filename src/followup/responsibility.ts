/**
 * Changing who is responsible for one recommendation: the lead organisation, the co-responsible
 * organisations and the Kingdom countries it concerns. The edit carries the recommendation's
 * version (a change in between is refused with 409). The lead is changed only by whoever may
 * change it now (followUpPolicy.changeLead); the rest by whoever may edit the responsibility.
 * One audit row names the responsibility before and after (not the whole recommendation).
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { recordChanges } from '../core/write.ts';
import { assertAssignable, type AssignableErrors } from '../organisations/assignable.ts';
import { followUpErrors } from './errors.ts';
import { getFollowUp } from './followup-view.ts';
import { followUpPolicy } from './policy.ts';
import { loadResponsible } from './responsible.ts';
import type { FollowUp, KingdomCode, ResponsibilityInput } from './schema.ts';

/** The responsibility of a recommendation as the audit trail records it. */
export interface ResponsibilityState {
  leadOrganisationId: string | null;
  coResponsibleIds: string[];
  kingdomCountries: KingdomCode[];
}

const followUpAssignErrors: AssignableErrors = {
  unknown: (id) => followUpErrors.organisation_unknown({ id }),
  ended: (o) => followUpErrors.organisation_ended({ code: o.code, validTo: o.valid_to }),
};

/**
 * Refuses organisations that do not exist (400 organisation_unknown) or no longer exist: their
 * validity ended before today (400 organisation_ended).
 */
export async function assertOrganisationsAssignable(q: Queryable, ids: readonly string[]): Promise<void> {
  await assertAssignable(q, ids, followUpAssignErrors);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Changes the responsibility of one recommendation and returns its follow-up. */
export async function changeResponsibility(
  db: Db,
  actor: Actor,
  id: string,
  input: ResponsibilityInput,
): Promise<FollowUp> {
  return db.transaction(async (tx) => {
    const r = await loadResponsible(tx, id, true);
    if (r.version !== input.version) throw staleEdit('recommendation', r.version, input.version);

    const before: ResponsibilityState = {
      leadOrganisationId: r.leadOrganisationId,
      coResponsibleIds: [...r.coResponsibleIds].sort(),
      kingdomCountries: r.kingdomCountries,
    };
    const after: ResponsibilityState = {
      leadOrganisationId:
        input.leadOrganisationId === undefined ? before.leadOrganisationId : input.leadOrganisationId,
      coResponsibleIds: input.coResponsibleIds
        ? [...new Set(input.coResponsibleIds)].sort()
        : before.coResponsibleIds,
      kingdomCountries: input.kingdomCountries
        ? [...new Set(input.kingdomCountries)]
        : before.kingdomCountries,
    };
    const leadChanged = after.leadOrganisationId !== before.leadOrganisationId;
    const coChanged = !sameList(after.coResponsibleIds, before.coResponsibleIds);
    const kingdomChanged = !sameList(after.kingdomCountries, before.kingdomCountries);

    // Both rules are asked of the responsibility as it is now, before the change.
    if (leadChanged)
      authorize(followUpPolicy.changeLead(actor, r), () => followUpErrors.responsibility_forbidden());
    authorize(followUpPolicy.editResponsibility(actor, r), () => followUpErrors.responsibility_forbidden());

    if (after.leadOrganisationId && after.coResponsibleIds.includes(after.leadOrganisationId))
      throw followUpErrors.lead_also_co();
    // Only organisations newly given a task must still exist; one already responsible stays listed.
    const added = [
      ...(leadChanged && after.leadOrganisationId ? [after.leadOrganisationId] : []),
      ...after.coResponsibleIds.filter((o) => !before.coResponsibleIds.includes(o)),
    ];
    await assertOrganisationsAssignable(tx, added);

    if (!leadChanged && !coChanged && !kingdomChanged) return getFollowUp(tx, actor, id);

    await tx.query(
      `update recommendations
          set lead_organisation_id = $2, kingdom_countries = $3::text[], version = version + 1, updated_at = now()
        where id = $1`,
      [id, after.leadOrganisationId, after.kingdomCountries],
    );
    if (coChanged) {
      await tx.query('delete from recommendation_co_responsible where recommendation_id = $1', [id]);
      await tx.query(
        `insert into recommendation_co_responsible (recommendation_id, organisation_id)
         select $1, o from unnest($2::uuid[]) as o`,
        [id, after.coResponsibleIds],
      );
    }
    await recordChanges(tx, actor, [
      { action: 'update', entityType: 'recommendation', entityId: id, before, after },
    ]);
    return getFollowUp(tx, actor, id);
  });
}
