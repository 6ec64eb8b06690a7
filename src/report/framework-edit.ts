/**
 * Edits of the results framework: an area's titles and order, goals and their indicators added,
 * changed and removed, and a year's framework copied to the next year. Each write is audited and
 * carries the version the user saw.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { staleEdit } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, getRow, insertRow, updateRow, type TableSpec } from '../core/write.ts';
import { presentGoal, presentIndicator } from './framework.ts';
import { frameworkErrors } from './framework-errors.ts';
import { frameworkPolicy } from './framework-policy.ts';
import type {
  FrameworkAreaRow,
  FrameworkGoalRow,
  FrameworkIndicatorRow,
  FrameworkPriorityRow,
} from './framework-rows.ts';
import type {
  AreaUpdate,
  Goal,
  GoalCreate,
  GoalUpdate,
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
} from './framework-schema.ts';

type AreaInput = {
  year: number;
  code: number;
  titleNl: string;
  titleEn: string;
  titleNlVerified: boolean;
  titleNlSource: string | null;
  position: number;
};
const AREAS: TableSpec<FrameworkAreaRow, AreaInput> = {
  table: 'framework_areas',
  entity: 'framework_area',
  writable: ['year', 'code', 'titleNl', 'titleEn', 'titleNlVerified', 'titleNlSource', 'position'],
};
type PriorityInput = {
  year: number;
  priority: string;
  labelNlVerified: boolean;
  labelNlSource: string | null;
  position: number;
};
const PRIORITIES: TableSpec<FrameworkPriorityRow, PriorityInput> = {
  table: 'framework_priorities',
  entity: 'framework_priority',
  writable: ['year', 'priority', 'labelNlVerified', 'labelNlSource', 'position'],
};
type GoalInput = {
  year: number;
  areaId: string | null;
  priorityId: string | null;
  text: string;
  position: number;
};
const GOALS: TableSpec<FrameworkGoalRow, GoalInput> = {
  table: 'framework_goals',
  entity: 'framework_goal',
  writable: ['year', 'areaId', 'priorityId', 'text', 'position'],
};
type IndicatorInput = Omit<IndicatorCreate, 'position'> & { goalId: string; position: number };
const INDICATORS: TableSpec<FrameworkIndicatorRow, IndicatorInput> = {
  table: 'framework_indicators',
  entity: 'framework_indicator',
  writable: ['goalId', 'text', 'unit', 'baseline', 'target', 'reached', 'position'],
};

const mayEdit = (actor: Actor) =>
  authorize(frameworkPolicy.edit(actor), () => frameworkErrors.edit_forbidden());

export async function updateArea(db: Db, actor: Actor, id: string, input: AreaUpdate) {
  mayEdit(actor);
  return db.transaction(async (tx) => {
    const row = await updateRow(tx, actor, AREAS, id, input);
    return { id: row.id, version: row.version, titleNl: row.title_nl, titleEn: row.title_en };
  });
}

async function nextPosition(tx: Queryable, table: string, column: string, value: string): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `select coalesce(max(position), 0)::int + 1 as n from ${table} where ${column} = $1`,
    [value],
  );
  return r.rows[0]!.n;
}

export async function createGoal(db: Db, actor: Actor, year: number, input: GoalCreate): Promise<Goal> {
  mayEdit(actor);
  return db.transaction(async (tx) => {
    const parent = input.areaId
      ? await tx.query('select id from framework_areas where id = $1 and year = $2', [input.areaId, year])
      : await tx.query('select id from framework_priorities where id = $1 and year = $2', [
          input.priorityId,
          year,
        ]);
    if (parent.rows.length === 0) throw frameworkErrors.goal_parent_missing({ year });
    const column = input.areaId ? 'area_id' : 'priority_id';
    const row = await insertRow(tx, actor, GOALS, {
      year,
      areaId: input.areaId ?? null,
      priorityId: input.priorityId ?? null,
      text: input.text,
      position:
        input.position ??
        (await nextPosition(tx, 'framework_goals', column, (input.areaId ?? input.priorityId)!)),
    });
    return presentGoal(row, []);
  });
}

export async function updateGoal(db: Db, actor: Actor, id: string, input: GoalUpdate): Promise<Goal> {
  mayEdit(actor);
  return db.transaction(async (tx) => {
    const row = await updateRow(tx, actor, GOALS, id, input);
    const ind = await tx.query<FrameworkIndicatorRow>(
      'select * from framework_indicators where goal_id = $1 order by position, created_at, id',
      [id],
    );
    return presentGoal(row, ind.rows.map(presentIndicator));
  });
}

/** Removes a goal with its indicators (each removal on record). */
export async function deleteGoal(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  mayEdit(actor);
  await db.transaction(async (tx) => {
    const goal = await getRow(tx, GOALS, id, true);
    if (goal.version !== version) throw staleEdit(GOALS.entity, goal.version, version);
    const ind = await tx.query<FrameworkIndicatorRow>(
      'select * from framework_indicators where goal_id = $1',
      [id],
    );
    for (const i of ind.rows) await deleteRow(tx, actor, INDICATORS, i.id, i.version);
    await deleteRow(tx, actor, GOALS, id, version);
  });
}

export async function createIndicator(
  db: Db,
  actor: Actor,
  goalId: string,
  input: IndicatorCreate,
): Promise<Indicator> {
  mayEdit(actor);
  return db.transaction(async (tx) => {
    await getRow(tx, GOALS, goalId);
    const row = await insertRow(tx, actor, INDICATORS, {
      ...input,
      goalId,
      position: input.position ?? (await nextPosition(tx, 'framework_indicators', 'goal_id', goalId)),
    });
    return presentIndicator(row);
  });
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  id: string,
  input: IndicatorUpdate,
): Promise<Indicator> {
  mayEdit(actor);
  return db.transaction(async (tx) => presentIndicator(await updateRow(tx, actor, INDICATORS, id, input)));
}

export async function deleteIndicator(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  mayEdit(actor);
  await db.transaction(async (tx) => {
    await deleteRow(tx, actor, INDICATORS, id, version);
  });
}

/**
 * Copies the framework of `from` to the year after: areas, priorities, goals and indicators (the
 * values reached are left empty, as the new year has reached nothing yet). Refused when the next
 * year already has a framework.
 */
export async function copyFramework(db: Db, actor: Actor, from: number) {
  mayEdit(actor);
  const to = from + 1;
  return db.transaction(async (tx) => {
    const areas = await tx.query<FrameworkAreaRow>('select * from framework_areas where year = $1', [from]);
    if (areas.rows.length === 0) throw frameworkErrors.year_empty({ year: from });
    const exists = await tx.query('select 1 from framework_areas where year = $1 limit 1', [to]);
    if (exists.rows.length > 0) throw frameworkErrors.year_exists({ year: to });
    const ids = new Map<string, string>();
    const areaIds: string[] = [];
    for (const a of areas.rows) {
      const row = await insertRow(tx, actor, AREAS, {
        year: to,
        code: a.code,
        titleNl: a.title_nl,
        titleEn: a.title_en,
        titleNlVerified: a.title_nl_verified,
        titleNlSource: a.title_nl_source,
        position: a.position,
      });
      ids.set(a.id, row.id);
      areaIds.push(row.id);
    }
    const prios = await tx.query<FrameworkPriorityRow>('select * from framework_priorities where year = $1', [
      from,
    ]);
    for (const p of prios.rows) {
      const row = await insertRow(tx, actor, PRIORITIES, {
        year: to,
        priority: p.priority,
        labelNlVerified: p.label_nl_verified,
        labelNlSource: p.label_nl_source,
        position: p.position,
      });
      ids.set(p.id, row.id);
    }
    const goals = await tx.query<FrameworkGoalRow>(
      'select * from framework_goals where year = $1 order by position, created_at, id',
      [from],
    );
    for (const g of goals.rows) {
      const row = await insertRow(tx, actor, GOALS, {
        year: to,
        areaId: g.area_id ? ids.get(g.area_id)! : null,
        priorityId: g.priority_id ? ids.get(g.priority_id)! : null,
        text: g.text,
        position: g.position,
      });
      const ind = await tx.query<FrameworkIndicatorRow>(
        'select * from framework_indicators where goal_id = $1 order by position, created_at, id',
        [g.id],
      );
      for (const i of ind.rows) {
        await insertRow(tx, actor, INDICATORS, {
          goalId: row.id,
          text: i.text,
          unit: i.unit,
          baseline: i.baseline,
          target: i.target,
          reached: null,
          position: i.position,
        });
      }
    }
    return { from, to, goals: goals.rows.length, areas: areaIds };
  });
}
