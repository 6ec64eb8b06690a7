/**
 * The examples of the annual report, per year, result area and (in area 1) priority: selected from
 * a contribution (its title and text copied, then edited by the editor) or written by hand, edited
 * with the version the editor saw, moved within their group and removed. Every write is audited.
 */
import type { Actor } from '../core/actor.ts';
import type { Db, Queryable } from '../core/db.ts';
import { errors } from '../core/errors.ts';
import { authorize } from '../core/policy.ts';
import { deleteRow, getRow, insertRow, updateRow } from '../core/write.ts';
import { contributionErrors } from './contributions-errors.ts';
import { contributionPolicy } from './contributions-policy.ts';
import { CONTRIBUTIONS, EXAMPLES, REQUESTS, type ExampleRow } from './contributions-rows.ts';
import { PRIORITY_AREA } from './contributions-schema.ts';
import { mayManage } from './contributions-service.ts';
import { areaTitles } from './contributions-submit.ts';
import type {
  Example,
  ExampleCreate,
  ExampleList,
  ExampleMove,
  ExampleSelect,
  ExampleUpdate,
} from './examples-schema.ts';
import { FRAMEWORK_PRIORITIES } from './framework-schema.ts';
import { PRIORITY_LABELS } from './priorities.ts';

type ExampleListRow = ExampleRow & { organisation: string | null };

const SELECT = `select e.*, c.organisation from report_examples e
  left join report_contributions c on c.id = e.contribution_id`;

export const presentExample = (e: ExampleListRow): Example => ({
  id: e.id,
  year: e.year,
  areaCode: e.area_code,
  priority: e.priority,
  contributionId: e.contribution_id,
  organisation: e.organisation,
  title: e.title,
  body: e.body,
  position: e.position,
  version: e.version,
  createdAt: e.created_at,
  updatedAt: e.updated_at,
});

async function exampleOut(q: Queryable, id: string): Promise<Example> {
  const r = await q.query<ExampleListRow>(`${SELECT} where e.id = $1`, [id]);
  return presentExample(r.rows[0]!);
}

/** The examples of a year, per area: the area's own first, then per priority (area 1). */
export async function listExamples(db: Db, actor: Actor, year: number): Promise<ExampleList> {
  authorize(contributionPolicy.read(actor), () => errors.role_forbidden({ role: actor.role }));
  const rows = await db.query<ExampleListRow>(
    `${SELECT} where e.year = $1 order by e.area_code, e.position, e.created_at, e.id`,
    [year],
  );
  const all = rows.rows.map(presentExample);
  const areas = (await areaTitles(db, year)).map((a) => ({
    code: a.code,
    titleNl: a.labelNl,
    titleEn: a.labelEn,
    groups: [
      {
        priority: null,
        labelNl: null,
        labelEn: null,
        examples: all.filter((e) => e.areaCode === a.code && e.priority === null),
      },
      ...(a.code !== PRIORITY_AREA
        ? []
        : FRAMEWORK_PRIORITIES.map((p) => ({
            priority: p,
            labelNl: PRIORITY_LABELS[p].nl,
            labelEn: PRIORITY_LABELS[p].en,
            examples: all.filter((e) => e.areaCode === a.code && e.priority === p),
          }))),
    ],
  }));
  return { year, areas, abilities: { manage: contributionPolicy.manage(actor) } };
}

/** The next position in the group of an area and priority of a year. */
async function nextPosition(q: Queryable, year: number, area: number, priority: string | null) {
  const r = await q.query<{ n: number }>(
    `select coalesce(max(position), 0)::int + 1 as n from report_examples
      where year = $1 and area_code = $2 and priority is not distinct from $3`,
    [year, area, priority],
  );
  return r.rows[0]!.n;
}

export async function selectExample(db: Db, actor: Actor, input: ExampleSelect): Promise<Example> {
  mayManage(actor);
  return db.transaction(async (tx) => {
    const c = await getRow(tx, CONTRIBUTIONS, input.contributionId);
    if (!c.areas.includes(input.areaCode))
      throw contributionErrors.contribution_area_not_tagged(
        { area: input.areaCode },
        {
          fields: [
            { path: 'body.areaCode', message: `the contribution is not tagged to area ${input.areaCode}` },
          ],
        },
      );
    const taken = await tx.query(
      'select 1 from report_examples where contribution_id = $1 and area_code = $2',
      [c.id, input.areaCode],
    );
    if (taken.rows.length > 0) throw contributionErrors.example_exists({ area: input.areaCode });
    const request = await getRow(tx, REQUESTS, c.request_id);
    const priority = input.areaCode === PRIORITY_AREA ? (input.priority ?? c.priorities[0] ?? null) : null;
    const row = await insertRow(tx, actor, EXAMPLES, {
      year: request.year,
      areaCode: input.areaCode,
      priority,
      contributionId: c.id,
      title: c.title,
      body: c.body,
      position: await nextPosition(tx, request.year, input.areaCode, priority),
    });
    return exampleOut(tx, row.id);
  });
}

export async function createExample(db: Db, actor: Actor, input: ExampleCreate): Promise<Example> {
  mayManage(actor);
  return db.transaction(async (tx) => {
    const priority = input.priority ?? null;
    const row = await insertRow(tx, actor, EXAMPLES, {
      year: input.year,
      areaCode: input.areaCode,
      priority,
      contributionId: null,
      title: input.title,
      body: input.body,
      position: await nextPosition(tx, input.year, input.areaCode, priority),
    });
    return exampleOut(tx, row.id);
  });
}

export async function updateExample(
  db: Db,
  actor: Actor,
  id: string,
  input: ExampleUpdate,
): Promise<Example> {
  mayManage(actor);
  return db.transaction(async (tx) => {
    await updateRow(tx, actor, EXAMPLES, id, input);
    return exampleOut(tx, id);
  });
}

/** Swaps an example with its neighbour above or below in its group (both changes on record). */
export async function moveExample(db: Db, actor: Actor, id: string, input: ExampleMove): Promise<Example> {
  mayManage(actor);
  return db.transaction(async (tx) => {
    const e = await getRow(tx, EXAMPLES, id, true);
    const group = await tx.query<ExampleRow>(
      `select * from report_examples where year = $1 and area_code = $2
          and priority is not distinct from $3
        order by position, created_at, id for update`,
      [e.year, e.area_code, e.priority],
    );
    const list = group.rows;
    const at = list.findIndex((x) => x.id === id);
    const other = list[input.direction === 'up' ? at - 1 : at + 1];
    if (!other) {
      // Already first or last: nothing moves, but a stale version is still refused.
      await updateRow(tx, actor, EXAMPLES, id, { position: e.position, version: input.version });
      return exampleOut(tx, id);
    }
    // Positions may repeat (hand-set or equal): renumber the group's order with the two swapped.
    list[at] = other;
    list[input.direction === 'up' ? at - 1 : at + 1] = e;
    for (const [i, x] of list.entries()) {
      const position = i + 1;
      if (x.id === id) await updateRow(tx, actor, EXAMPLES, id, { position, version: input.version });
      else if (x.position !== position)
        await updateRow(tx, actor, EXAMPLES, x.id, { position, version: x.version });
    }
    return exampleOut(tx, id);
  });
}

export async function deleteExample(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  mayManage(actor);
  await db.transaction(async (tx) => {
    await deleteRow(tx, actor, EXAMPLES, id, version);
  });
}
