/**
 * Assigning many recommendations at once ("assign these 50 to VWS", up to 10,000): the ids given or
 * every hit of a search get the lead organisation, and the co-responsible organisations and Kingdom
 * countries given are added to what they have. All or nothing: if the actor may not change the
 * lead of even one of them, nothing is saved. Set-based throughout (arrays passed as one parameter,
 * one statement per table, one audit statement with a row per recommendation that changed), so
 * 10,000 recommendations take well under the 3 s the issue asks.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { authorize } from '../core/policy.ts';
import { recordChanges, type Change } from '../core/write.ts';
import { where } from '../recommendations/service.ts';
import { followUpErrors } from './errors.ts';
import { followUpPolicy } from './policy.ts';
import { assertOrganisationsAssignable, type ResponsibilityState } from './responsibility.ts';
import { BULK_LIMIT, type BulkAssign, type BulkAssignResult, type KingdomCode } from './schema.ts';

/** How many unknown ids an error lists. */
const LISTED = 10;

/**
 * The recommendations selected: the ids given (whether they exist is checked when they are locked) or
 * the hits of the search; more than BULK_LIMIT is refused with `tooMany` (publish.ts selects so too).
 */
export async function selection(
  tx: Queryable,
  input: Pick<BulkAssign, 'ids' | 'search'>,
  tooMany = followUpErrors.too_many,
): Promise<string[]> {
  if (input.ids) {
    const ids = [...new Set(input.ids)];
    // Counted before anything is looked up: a selection too large is refused as it is.
    if (ids.length > BULK_LIMIT) throw tooMany({ count: ids.length, limit: BULK_LIMIT });
    return ids;
  }
  const { w } = where(input.search ?? {});
  const hits = await tx.query<{ id: string }>(
    `select r.id from recommendations r ${w.sql()} limit ${BULK_LIMIT + 1}`,
    w.params,
  );
  if (hits.rows.length > BULK_LIMIT) {
    const n = await tx.query<{ n: number }>(
      `select count(*)::int as n from recommendations r ${w.sql()}`,
      w.params,
    );
    throw tooMany({ count: n.rows[0]!.n, limit: BULK_LIMIT });
  }
  return hits.rows.map((h) => h.id);
}

/**
 * Refuses the whole assignment when the actor may not change the lead of some of the selected
 * recommendations. Counted in SQL per current lead (a few groups however many recommendations), and
 * each group asked of followUpPolicy.changeLead, which depends on the lead only.
 */
async function assertMayAssign(tx: Queryable, actor: Actor, ids: readonly string[]): Promise<void> {
  const groups = await tx.query<{ lead: string | null; n: number }>(
    `select r.lead_organisation_id as lead, count(*)::int as n
       from recommendations r where r.id = any($1::uuid[])
      group by r.lead_organisation_id`,
    [ids],
  );
  const count = groups.rows
    .filter((g) => !followUpPolicy.changeLead(actor, { leadOrganisationId: g.lead, coResponsibleIds: [] }))
    .reduce((sum, g) => sum + g.n, 0);
  authorize(count === 0, () => followUpErrors.assign_forbidden({ count }));
}

interface Current {
  id: string;
  lead: string | null;
  kingdom: KingdomCode[];
  co: string[];
}

/** The responsibility of the selected recommendations as it is, locked until the commit. */
async function lockCurrent(tx: Queryable, ids: readonly string[]): Promise<Current[]> {
  const r = await tx.query<Current>(
    `select r.id::text as id, r.lead_organisation_id as lead, r.kingdom_countries as kingdom,
            coalesce(c.co, '{}') as co
       from recommendations r
       left join (select recommendation_id, array_agg(organisation_id::text order by organisation_id) as co
                    from recommendation_co_responsible
                   where recommendation_id = any($1::uuid[])
                   group by recommendation_id) c on c.recommendation_id = r.id
      where r.id = any($1::uuid[])
      for update of r`,
    [ids],
  );
  return r.rows;
}

/** The responsibility after the assignment, computed as the statements below compute it. */
function assigned(before: ResponsibilityState, input: BulkAssign): ResponsibilityState {
  const lead = input.leadOrganisationId;
  const co = new Set(before.coResponsibleIds.filter((o) => o !== lead));
  for (const o of input.addCoResponsibleIds) co.add(o);
  return {
    leadOrganisationId: lead,
    coResponsibleIds: [...co].sort(),
    kingdomCountries: [
      ...before.kingdomCountries,
      ...input.addKingdomCountries.filter((k) => !before.kingdomCountries.includes(k)),
    ],
  };
}

/** Assigns the selected recommendations; counts those changed and those that already had it all. */
export async function bulkAssign(db: Db, actor: Actor, input: BulkAssign): Promise<BulkAssignResult> {
  const addCo = [...new Set(input.addCoResponsibleIds)];
  const addKingdom = [...new Set(input.addKingdomCountries)];
  if (addCo.includes(input.leadOrganisationId)) throw followUpErrors.lead_also_co();
  const request = { ...input, addCoResponsibleIds: addCo, addKingdomCountries: addKingdom };

  return db.transaction(async (tx) => {
    await assertOrganisationsAssignable(tx, [input.leadOrganisationId, ...addCo]);
    const ids = await selection(tx, input);
    if (ids.length === 0) throw followUpErrors.nothing_selected();

    const current = await lockCurrent(tx, ids);
    if (current.length < ids.length) {
      const found = new Set(current.map((r) => r.id));
      const unknown = ids.filter((id) => !found.has(id));
      throw followUpErrors.unknown_recommendations({
        count: unknown.length,
        ids: unknown.slice(0, LISTED).join(', ') + (unknown.length > LISTED ? ', …' : ''),
      });
    }
    await assertMayAssign(tx, actor, ids);

    const changes: Change[] = [];
    for (const row of current) {
      const before: ResponsibilityState = {
        leadOrganisationId: row.lead,
        coResponsibleIds: [...row.co].sort(),
        kingdomCountries: row.kingdom,
      };
      const after = assigned(before, request);
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      changes.push({ action: 'update', entityType: 'recommendation', entityId: row.id, before, after });
    }
    const changed = changes.map((c) => c.entityId!);
    if (changed.length > 0) {
      // Kingdom countries: those already there keep their order, the new ones follow.
      await tx.query(
        `update recommendations r
            set lead_organisation_id = $2,
                kingdom_countries = r.kingdom_countries ||
                  array(select k from unnest($3::text[]) with ordinality as a(k, n)
                         where k <> all(r.kingdom_countries) order by n),
                version = r.version + 1, updated_at = now()
          where r.id = any($1::uuid[])`,
        [changed, input.leadOrganisationId, addKingdom],
      );
      // The lead is never also co-responsible.
      await tx.query(
        `delete from recommendation_co_responsible
          where recommendation_id = any($1::uuid[]) and organisation_id = $2`,
        [changed, input.leadOrganisationId],
      );
      if (addCo.length > 0)
        await tx.query(
          `insert into recommendation_co_responsible (recommendation_id, organisation_id)
           select x.id, o.id from unnest($1::uuid[]) as x(id) cross join unnest($2::uuid[]) as o(id)
           on conflict do nothing`,
          [changed, addCo],
        );
      await recordChanges(tx, actor, changes);
    }
    return { assigned: changed.length, unchanged: ids.length - changed.length };
  });
}
