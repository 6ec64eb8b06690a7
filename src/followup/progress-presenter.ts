/** Progress updates as the API shows them: with the names of their author and approver, and the actor's abilities. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { progressAbilities, type Responsible } from './policy.ts';
import type { ProgressRow } from './rows.ts';
import type { ProgressFile, ProgressUpdate } from './schema.ts';

/** A progress row with the names it is shown with. */
export interface ProgressViewRow extends ProgressRow {
  created_by_name: string;
  approved_by_name: string | null;
  org_code: string | null;
  org_name_nl: string | null;
  org_name_en: string | null;
  cluster_title: string | null;
  /** The files attached as evidence (progress_update_files, without their bytes), oldest first. */
  files: ProgressFile[];
}

/** The select list and joins of a ProgressViewRow (alias pu for the update). */
export const PROGRESS_VIEW = `select pu.*, cu.name as created_by_name, au.name as approved_by_name,
       o.code as org_code, o.name_nl as org_name_nl, o.name_en as org_name_en, cl.title as cluster_title,
       coalesce((select json_agg(json_build_object('id', f.id, 'fileName', f.file_name,
                  'mediaType', f.media_type, 'sizeBytes', f.size_bytes) order by f.created_at, f.file_name)
                   from progress_update_files f where f.progress_update_id = pu.id), '[]') as files
  from progress_updates pu
  left join clusters cl on cl.id = pu.cluster_id
  join users cu on cu.id = pu.created_by
  left join users au on au.id = pu.approved_by
  left join organisations o on o.id = pu.organisation_id`;

/**
 * Newest period first: the end of the period it covers (else its start, else the day it was
 * written), then the latest written.
 */
export const PROGRESS_ORDER =
  'coalesce(pu.period_end, pu.period_start, pu.created_at::date) desc, pu.created_at desc, pu.id';

/** One progress update with its names; 404 when it does not exist. */
export async function getProgressView(q: Queryable, id: string): Promise<ProgressViewRow> {
  const r = await q.query<ProgressViewRow>(`${PROGRESS_VIEW} where pu.id = $1`, [id]);
  if (!r.rows[0]) throw notFound('progress_update', id);
  return r.rows[0];
}

/** A progress update as the actor sees it; `r` is who is responsible for its recommendation or cluster (for approve). */
export const presentProgress = (
  row: ProgressViewRow,
  actor: Actor | null,
  r: Responsible,
): ProgressUpdate => ({
  id: row.id,
  recommendationId: row.recommendation_id,
  cluster: row.cluster_id ? { id: row.cluster_id, title: String(row.cluster_title) } : null,
  status: row.status,
  text: row.text,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  evidenceLinks: row.evidence_links,
  files: row.files,
  state: row.state,
  organisation: row.organisation_id
    ? {
        id: row.organisation_id,
        code: String(row.org_code),
        nameNl: String(row.org_name_nl),
        nameEn: String(row.org_name_en),
      }
    : null,
  createdBy: { id: row.created_by, name: row.created_by_name },
  createdAt: row.created_at,
  approvedBy: row.approved_by ? { id: row.approved_by, name: String(row.approved_by_name) } : null,
  approvedAt: row.approved_at,
  version: row.version,
  abilities: progressAbilities(actor, { createdBy: row.created_by, state: row.state }, r),
});
