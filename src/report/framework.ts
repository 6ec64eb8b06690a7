/**
 * The results framework of the annual human rights report, read per year: result areas, the
 * priorities within area 1 (labels from priorities.ts), the goals of each and their indicators.
 */
import type { Actor } from '../core/actor.ts';
import type { Queryable } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { frameworkAbilities, frameworkPolicy } from './framework-policy.ts';
import type {
  FrameworkAreaRow,
  FrameworkGoalRow,
  FrameworkIndicatorRow,
  FrameworkPriorityRow,
} from './framework-rows.ts';
import type { Area, Framework, Goal, Indicator } from './framework-schema.ts';
import { PRIORITY_LABELS } from './priorities.ts';

export const presentIndicator = (r: FrameworkIndicatorRow): Indicator => ({
  id: r.id,
  goalId: r.goal_id,
  text: r.text,
  unit: r.unit,
  baseline: r.baseline,
  target: r.target,
  reached: r.reached,
  position: r.position,
  version: r.version,
});

export const presentGoal = (r: FrameworkGoalRow, indicators: Indicator[]): Goal => ({
  id: r.id,
  year: r.year,
  areaId: r.area_id,
  priorityId: r.priority_id,
  text: r.text,
  position: r.position,
  version: r.version,
  indicators,
});

/** The years that have a framework, newest first. */
export async function frameworkYears(q: Queryable): Promise<number[]> {
  const r = await q.query<{ year: number }>('select distinct year from framework_areas order by year desc');
  return r.rows.map((x) => x.year);
}

export async function loadFramework(db: Queryable, actor: Actor, year: number): Promise<Framework> {
  authorize(frameworkPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
  const [areas, priorities, goals, indicators, years] = [
    await db.query<FrameworkAreaRow>(
      'select * from framework_areas where year = $1 order by position, code',
      [year],
    ),
    await db.query<FrameworkPriorityRow>(
      'select * from framework_priorities where year = $1 order by position, priority',
      [year],
    ),
    await db.query<FrameworkGoalRow>(
      'select * from framework_goals where year = $1 order by position, created_at, id',
      [year],
    ),
    await db.query<FrameworkIndicatorRow>(
      `select i.* from framework_indicators i join framework_goals g on g.id = i.goal_id
        where g.year = $1 order by i.position, i.created_at, i.id`,
      [year],
    ),
    await frameworkYears(db),
  ];
  const byGoal = new Map<string, Indicator[]>();
  for (const i of indicators.rows) {
    const list = byGoal.get(i.goal_id) ?? [];
    list.push(presentIndicator(i));
    byGoal.set(i.goal_id, list);
  }
  const goalsOf = (key: 'area_id' | 'priority_id', id: string) =>
    goals.rows.filter((g) => g[key] === id).map((g) => presentGoal(g, byGoal.get(g.id) ?? []));
  const presentArea = (a: FrameworkAreaRow): Area => ({
    id: a.id,
    year: a.year,
    code: a.code,
    titleNl: a.title_nl,
    titleEn: a.title_en,
    titleNlVerified: a.title_nl_verified,
    titleNlSource: a.title_nl_source,
    position: a.position,
    version: a.version,
    goals: goalsOf('area_id', a.id),
    priorities:
      a.code !== 1
        ? []
        : priorities.rows.map((p) => ({
            id: p.id,
            priority: p.priority,
            labelNl: PRIORITY_LABELS[p.priority].nl,
            labelEn: PRIORITY_LABELS[p.priority].en,
            labelNlVerified: p.label_nl_verified,
            labelNlSource: p.label_nl_source,
            position: p.position,
            version: p.version,
            goals: goalsOf('priority_id', p.id),
          })),
  });
  return { year, years, areas: areas.rows.map(presentArea), abilities: frameworkAbilities(actor) };
}
