/** Reading clusters: one with its members and actions, and lists. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { notFound } from '../core/errors.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { clusterAbilities } from './policy.ts';
import type { ClusterRow } from './rows.ts';
import type { Cluster, ClusterQuery, ClusterSummary } from './schema.ts';

type ClusterListRow = ClusterRow & { code: string; name_nl: string; name_en: string; member_count: number };

const SELECT = `c.*, o.code, o.name_nl, o.name_en,
  (select count(*)::int from cluster_members m where m.cluster_id = c.id) as member_count`;
const FROM = 'clusters c join organisations o on o.id = c.owner_organisation_id';

const summary = (actor: Actor | null, r: ClusterListRow): ClusterSummary => ({
  id: r.id,
  title: r.title,
  description: r.description,
  owner: { id: r.owner_organisation_id, code: r.code, nameNl: r.name_nl, nameEn: r.name_en },
  memberCount: r.member_count,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  abilities: clusterAbilities(actor, { ownerOrganisationId: r.owner_organisation_id }),
});

export function listClusters(
  q: Queryable,
  actor: Actor | null,
  f: ClusterQuery,
): Promise<Page<ClusterSummary>> {
  const where = new Where()
    .addIf(f.organisationId, 'c.owner_organisation_id = ?', f.organisationId)
    .addIf(
      f.recommendationId,
      'exists (select 1 from cluster_members m where m.cluster_id = c.id and m.recommendation_id = ?)',
      f.recommendationId,
    )
    .addIf(f.q, '(c.title ilike ? or c.description ilike ?)', `%${f.q}%`, `%${f.q}%`);
  return pageOf<ClusterSummary, ClusterListRow>(q, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: 'c.title, c.id',
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => summary(actor, r),
  });
}

export async function getCluster(q: Queryable, actor: Actor | null, id: string): Promise<Cluster> {
  const r = await q.query<ClusterListRow>(`select ${SELECT} from ${FROM} where c.id = $1`, [id]);
  const row = r.rows[0];
  if (!row) throw notFound('cluster', id);
  const [members, actions] = await Promise.all([
    q.query<{
      id: string;
      mechanism: string;
      body_code: string | null;
      symbol: string | null;
      paragraph: string | null;
      year: number | null;
      text: string;
    }>(
      `select r.id, r.mechanism, r.body_code, r.symbol, r.paragraph, r.year, r.text
         from cluster_members m join recommendations r on r.id = m.recommendation_id
        where m.cluster_id = $1 order by r.mechanism, r.body_code nulls first, r.year desc nulls last, r.symbol, r.paragraph, r.id`,
      [id],
    ),
    q.query<{ id: string; title: string; end_date: string | null }>(
      `select a.id, a.title, a.end_date from action_clusters ac join actions a on a.id = ac.action_id
        where ac.cluster_id = $1 order by a.end_date nulls last, a.title`,
      [id],
    ),
  ]);
  return {
    ...summary(actor, row),
    members: members.rows.map((m) => ({
      id: m.id,
      mechanism: m.mechanism,
      bodyCode: m.body_code,
      symbol: m.symbol,
      paragraph: m.paragraph,
      year: m.year,
      text: m.text,
    })),
    actions: actions.rows.map((a) => ({ id: a.id, title: a.title, endDate: a.end_date })),
  };
}
