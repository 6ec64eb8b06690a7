/**
 * What the portal reads beyond the recommendation search and the public follow-up: for a published
 * recommendation its cycle and instrument, the actions linked to it (title, status of the latest
 * approved progress, period: nothing else of an action is public) and the list of published
 * recommendations for the sitemap. Everything here is of published recommendations only.
 */
import type { Queryable } from '../core/db.ts';
import { getPublicFollowUp, isFollowUpPublished } from '../followup/public-followup.ts';
import type { ProgressStatus } from '../followup/schema.ts';
import type { PublicFollowUp } from '../followup/publish-schema.ts';
import type { GovernmentPosition } from '../followup/schema.ts';
import { getRecommendation } from '../recommendations/service.ts';
import type { RecommendationDetail } from '../recommendations/schema.ts';

export interface PlaceRow {
  id: string;
  cycle_label: string | null;
  instrument_code: string | null;
  instrument_name_nl: string | null;
  instrument_name_en: string | null;
  gov_position: GovernmentPosition | null;
}

/** The cycle, instrument and recorded position of each of the (published) recommendations. */
export async function placesOf(q: Queryable, ids: string[]): Promise<Map<string, PlaceRow>> {
  if (ids.length === 0) return new Map();
  const r = await q.query<PlaceRow>(
    `select r.id, c.label as cycle_label, i.code as instrument_code, i.name_nl as instrument_name_nl,
            i.name_en as instrument_name_en, pos.position as gov_position
       from recommendations r
       join recommendation_publications p on p.recommendation_id = r.id
       left join cycles c on c.id = r.cycle_id
       left join instruments i on i.id = coalesce(r.instrument_id, c.instrument_id)
       left join recommendation_positions pos on pos.id = r.id
      where r.id = any($1::uuid[])`,
    [ids],
  );
  return new Map(r.rows.map((row) => [row.id, row]));
}

export interface PublicAction {
  title: string;
  startDate: string | null;
  endDate: string | null;
  status: ProgressStatus | null;
}

/** The actions linked to a recommendation, directly or through a cluster it belongs to. */
export async function actionsOf(q: Queryable, id: string): Promise<PublicAction[]> {
  const r = await q.query<{
    title: string;
    start_date: string | null;
    end_date: string | null;
    status: ProgressStatus | null;
  }>(
    `select a.title, a.start_date, a.end_date,
            (select pu.status from progress_updates pu
              where pu.action_id = a.id and pu.state = 'approved'
              order by coalesce(pu.period_end, pu.period_start, pu.approved_at::date) desc, pu.approved_at desc
              limit 1) as status
       from actions a
      where a.id in (select action_id from action_recommendations where recommendation_id = $1
                     union
                     select ac.action_id from action_clusters ac
                       join cluster_members cm on cm.cluster_id = ac.cluster_id
                      where cm.recommendation_id = $1)
      order by a.start_date nulls last, a.title`,
    [id],
  );
  return r.rows.map((a) => ({
    title: a.title,
    startDate: a.start_date,
    endDate: a.end_date,
    status: a.status,
  }));
}

export interface PublicRecommendation {
  recommendation: RecommendationDetail;
  followUp: PublicFollowUp;
  place: PlaceRow | undefined;
  actions: PublicAction[];
}

/** A published recommendation with all the portal shows of it; null when it does not exist or is not published. */
export async function publicRecommendation(q: Queryable, id: string): Promise<PublicRecommendation | null> {
  if (!(await isFollowUpPublished(q, id))) return null;
  const [recommendation, followUp, places, actions] = await Promise.all([
    getRecommendation(q, id),
    getPublicFollowUp(q, id),
    placesOf(q, [id]),
    actionsOf(q, id),
  ]);
  return { recommendation, followUp, place: places.get(id), actions };
}

/** The published recommendations for the sitemap, a page at a time (newest publication first). */
export async function publishedIds(
  q: Queryable,
  after: { publishedAt: string; id: string } | null,
  limit: number,
): Promise<{ id: string; publishedAt: string }[]> {
  const r = await q.query<{ id: string; published_at: string }>(
    `select recommendation_id as id, published_at from recommendation_publications
      where $1::timestamptz is null or (published_at, recommendation_id) < ($1::timestamptz, $2::uuid)
      order by published_at desc, recommendation_id desc
      limit $3`,
    [after?.publishedAt ?? null, after?.id ?? null, limit],
  );
  return r.rows.map((row) => ({ id: row.id, publishedAt: row.published_at }));
}
