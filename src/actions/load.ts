/** Reading actions: one action with its recommendations and indicators, and lists of actions. */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { today } from '../core/dates.ts';
import { notFound } from '../core/errors.ts';
import { Where, pageOf } from '../core/sql.ts';
import type { Page } from '../shared/schema.ts';
import { actionAbilities } from './policy.ts';
import type { ActionRow, IndicatorRow, MeasurementRow } from './rows.ts';
import type { Action, ActionQuery, ActionSummary, Indicator } from './schema.ts';

type ActionListRow = ActionRow & {
  owner_code: string;
  owner_name_nl: string;
  owner_name_en: string;
  recommendation_count: number;
  indicator_count: number;
};

const num = (v: string | null) => (v === null ? null : Number(v));

const SELECT = `a.*, o.code as owner_code, o.name_nl as owner_name_nl, o.name_en as owner_name_en,
  (select count(*)::int from action_recommendations ar where ar.action_id = a.id) as recommendation_count,
  (select count(*)::int from indicators i where i.action_id = a.id) as indicator_count`;
const FROM = 'actions a join organisations o on o.id = a.owner_organisation_id';

function summary(actor: Actor | null, r: ActionListRow): ActionSummary {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    owner: {
      id: r.owner_organisation_id,
      code: r.owner_code,
      nameNl: r.owner_name_nl,
      nameEn: r.owner_name_en,
    },
    startDate: r.start_date,
    endDate: r.end_date,
    budget: num(r.budget),
    outcome: r.outcome,
    overdue: r.end_date !== null && r.end_date < today(),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    recommendationCount: r.recommendation_count,
    indicatorCount: r.indicator_count,
    abilities: actionAbilities(actor, { ownerOrganisationId: r.owner_organisation_id }),
  };
}

export function listActions(q: Queryable, actor: Actor | null, f: ActionQuery): Promise<Page<ActionSummary>> {
  const where = new Where()
    .addIf(f.organisationId, 'a.owner_organisation_id = ?', f.organisationId)
    .addIf(
      f.recommendationId,
      'exists (select 1 from action_recommendations ar where ar.action_id = a.id and ar.recommendation_id = ?)',
      f.recommendationId,
    )
    .addIf(f.q, '(a.title ilike ? or a.description ilike ?)', `%${f.q}%`, `%${f.q}%`);
  if (f.overdue === 'true') where.add('a.end_date < ?', today());
  if (f.overdue === 'false') where.add('(a.end_date is null or a.end_date >= ?)', today());
  return pageOf<ActionSummary, ActionListRow>(q, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: 'a.end_date nulls last, a.title, a.id',
    page: f.page,
    pageSize: f.pageSize,
    map: (r) => summary(actor, r),
  });
}

export async function getAction(q: Queryable, actor: Actor | null, id: string): Promise<Action> {
  const r = await q.query<ActionListRow>(`select ${SELECT} from ${FROM} where a.id = $1`, [id]);
  const row = r.rows[0];
  if (!row) throw notFound('action', id);
  const [recs, clusters, indicators, measurements] = await Promise.all([
    q.query<{
      id: string;
      symbol: string | null;
      paragraph: string | null;
      body_code: string | null;
      text: string;
    }>(
      `select r.id, r.symbol, r.paragraph, r.body_code, r.text from action_recommendations ar
         join recommendations r on r.id = ar.recommendation_id where ar.action_id = $1
        order by r.year desc nulls last, r.symbol, r.paragraph, r.id`,
      [id],
    ),
    q.query<{ id: string; title: string }>(
      `select c.id, c.title from action_clusters ac join clusters c on c.id = ac.cluster_id
        where ac.action_id = $1 order by c.title, c.id`,
      [id],
    ),
    q.query<IndicatorRow>('select * from indicators where action_id = $1 order by created_at, id', [id]),
    q.query<MeasurementRow>(
      `select m.* from indicator_measurements m join indicators i on i.id = m.indicator_id
        where i.action_id = $1 order by m.measured_on, m.created_at`,
      [id],
    ),
  ]);
  const { recommendationCount: _r, indicatorCount: _i, ...base } = summary(actor, row);
  return {
    ...base,
    recommendations: recs.rows.map((x) => ({
      id: x.id,
      symbol: x.symbol,
      paragraph: x.paragraph,
      bodyCode: x.body_code,
      text: x.text,
    })),
    clusters: clusters.rows,
    indicators: indicators.rows.map((i): Indicator => ({
      id: i.id,
      actionId: i.action_id,
      name: i.name,
      valueType: i.value_type,
      unit: i.unit,
      baseline: num(i.baseline),
      baselineDate: i.baseline_date,
      target: num(i.target),
      targetDate: i.target_date,
      source: i.source,
      version: i.version,
      measurements: measurements.rows
        .filter((m) => m.indicator_id === i.id)
        .map((m) => ({
          id: m.id,
          measuredOn: m.measured_on,
          value: Number(m.value),
          unit: m.unit,
          note: m.note,
          createdAt: m.created_at,
        })),
    })),
  };
}
