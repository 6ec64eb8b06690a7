/** Who is responsible for a recommendation, as the follow-up policy needs it. */
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { recommendationErrors } from '../recommendations/errors.ts';
import type { Mechanism } from '../recommendations/schema.ts';
import type { Responsible } from './policy.ts';
import type { KingdomCode } from './schema.ts';

export interface RecommendationResponsible extends Responsible {
  id: string;
  mechanism: Mechanism;
  kingdomCountries: KingdomCode[];
  /** The recommendation's version. */
  version: number;
}

/**
 * Who answers for a cluster's progress: its owner organisation, as the lead of a recommendation
 * does; 404 when the cluster does not exist.
 */
export async function loadClusterResponsible(q: Queryable, id: string): Promise<Responsible> {
  const r = await q.query<{ owner_organisation_id: string }>(
    'select owner_organisation_id from clusters where id = $1',
    [id],
  );
  if (!r.rows[0]) throw notFound('cluster', id);
  return { leadOrganisationId: r.rows[0].owner_organisation_id, coResponsibleIds: [] };
}

/** Who answers for an action's progress: its owner organisation; 404 when the action does not exist. */
export async function loadActionResponsible(q: Queryable, id: string): Promise<Responsible> {
  const r = await q.query<{ owner_organisation_id: string }>(
    'select owner_organisation_id from actions where id = $1',
    [id],
  );
  if (!r.rows[0]) throw notFound('action', id);
  return { leadOrganisationId: r.rows[0].owner_organisation_id, coResponsibleIds: [] };
}

/** Who answers for what a progress update reports on: its recommendation, cluster or action. */
export const responsibleFor = (
  q: Queryable,
  u: { recommendation_id: string | null; cluster_id: string | null; action_id?: string | null },
) =>
  u.cluster_id
    ? loadClusterResponsible(q, u.cluster_id)
    : u.action_id
      ? loadActionResponsible(q, u.action_id)
      : loadResponsible(q, u.recommendation_id!);

/** The lead, the co-responsible organisations and the Kingdom countries of a recommendation; 404 when it does not exist. */
export async function loadResponsible(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<RecommendationResponsible> {
  const r = await q.query<{
    id: string;
    mechanism: Mechanism;
    lead_organisation_id: string | null;
    kingdom_countries: KingdomCode[];
    version: number;
    co: string[];
  }>(
    `select r.id, r.mechanism, r.lead_organisation_id, r.kingdom_countries, r.version,
            coalesce((select array_agg(c.organisation_id::text order by c.organisation_id)
                        from recommendation_co_responsible c where c.recommendation_id = r.id), '{}') as co
       from recommendations r where r.id = $1${forUpdate ? ' for update of r' : ''}`,
    [id],
  );
  const row = r.rows[0];
  if (!row) throw recommendationErrors.not_found({ id });
  return {
    id: row.id,
    mechanism: row.mechanism,
    leadOrganisationId: row.lead_organisation_id,
    coResponsibleIds: row.co,
    kingdomCountries: row.kingdom_countries,
    version: row.version,
  };
}
