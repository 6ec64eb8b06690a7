/**
 * The public read of a recommendation's follow-up: nothing unless a coordinator published it
 * (recommendation_publications), and then only the recorded position (value, explanation, date), the
 * lead organisation's name and the approved progress (status, text, dates) of the recommendation and
 * of its clusters, as recommendation_progress_summary counts them. Never drafts, files, evidence
 * links or the names of the civil servants who wrote, approved or recorded anything.
 */
import type { Queryable } from '../core/db.ts';
import type { GovernmentPosition, ProgressStatus } from './schema.ts';
import { followUpErrors } from './errors.ts';
import type { PublicFollowUp } from './publish-schema.ts';

/** Whether the follow-up of a recommendation is public. */
export async function isFollowUpPublished(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query<{ published: boolean }>(
    'select exists (select 1 from recommendation_publications where recommendation_id = $1) as published',
    [id],
  );
  return r.rows[0]?.published === true;
}

interface HeadRow {
  published_at: string;
  lead_code: string | null;
  lead_name_nl: string | null;
  lead_name_en: string | null;
  position: GovernmentPosition | null;
  appreciation: string | null;
  explanation: string | null;
  position_date: string | null;
}

interface ProgressRow {
  status: ProgressStatus;
  text: string;
  period_start: string | null;
  period_end: string | null;
  approved_on: string;
  via_cluster: boolean;
}

/** The published follow-up of a recommendation; 404 (followup.not_published) when it is not public. */
export async function getPublicFollowUp(q: Queryable, id: string): Promise<PublicFollowUp> {
  const head = await q.query<HeadRow>(
    `select p.published_at, o.code as lead_code, o.name_nl as lead_name_nl, o.name_en as lead_name_en,
            pos.position, pos.appreciation, pos.explanation, pos.updated_at::date as position_date
       from recommendation_publications p
       join recommendations r on r.id = p.recommendation_id
       left join organisations o on o.id = r.lead_organisation_id
       left join recommendation_positions pos on pos.id = r.id
      where p.recommendation_id = $1`,
    [id],
  );
  const h = head.rows[0];
  if (!h) throw followUpErrors.not_published({ id });
  // The view recommendation_progress is what the summary counts: own updates and the clusters'.
  const progress = await q.query<ProgressRow>(
    `select pu.status, pu.text, pu.period_start, pu.period_end, pu.approved_at::date as approved_on,
            pu.cluster_id is not null as via_cluster
       from recommendation_progress pu
      where pu.for_recommendation = $1 and pu.state = 'approved'
      order by coalesce(pu.period_end, pu.period_start, pu.approved_at::date) desc, pu.approved_at desc, pu.id`,
    [id],
  );
  return {
    recommendationId: id,
    publishedAt: h.published_at,
    lead:
      h.lead_code && h.lead_name_nl && h.lead_name_en
        ? { code: h.lead_code, nameNl: h.lead_name_nl, nameEn: h.lead_name_en }
        : null,
    position: h.position_date
      ? {
          position: h.position,
          appreciation: h.appreciation,
          explanation: h.explanation,
          date: h.position_date,
        }
      : null,
    progress: progress.rows.map((p) => ({
      status: p.status,
      text: p.text,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      approvedOn: p.approved_on,
      viaCluster: p.via_cluster,
    })),
  };
}
