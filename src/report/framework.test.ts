import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../test/app.ts';
import type { Framework, Goal, Indicator } from './framework-schema.ts';

let t: TestApp;
let bz: Session;
let bzk: Session;
let vws: Session;
let observer: Session;
beforeAll(async () => {
  t = await testApp();
  bz = await t.as('coordinator', 'BZ');
  bzk = await t.as('coordinator', 'BZK');
  vws = await t.as('coordinator', 'VWS');
  observer = await t.as('observer');
});
afterAll(() => t?.close());

const count = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;
const snapshot = async () => ({
  goals: await count('select count(*)::int as n from framework_goals'),
  indicators: await count('select count(*)::int as n from framework_indicators'),
  areas: await count('select count(*)::int as n from framework_areas'),
  audit: await count('select count(*)::int as n from audit_events'),
});
const read = async (s: Session, year: number) => {
  const res = await t.call(s, 'GET', `/api/report/framework/${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Framework;
};

describe('the seeded framework of 2025', () => {
  it('has the four result areas and the five priorities within area 1, Dutch labels marked', async () => {
    const fw = await read(observer, 2025);
    expect(fw.areas.map((a) => [a.code, a.titleEn])).toEqual([
      [1, 'Human rights priorities'],
      [2, 'Democracy'],
      [3, 'Multilateral'],
      [4, 'Accountability'],
    ]);
    expect(fw.areas.every((a) => a.titleNlVerified === false && a.titleNlSource)).toBe(true);
    const prios = fw.areas[0]!.priorities;
    expect(prios.map((p) => p.priority)).toEqual([
      'expression',
      'women_girls',
      'lgbtiq',
      'religion_belief',
      'defenders_civic_space',
    ]);
    expect(prios.find((p) => p.priority === 'lgbtiq')).toMatchObject({
      labelEn: 'Equal rights for LGBTIQ+ persons',
      labelNlVerified: false,
    });
    expect(prios.find((p) => p.priority === 'religion_belief')?.labelNlVerified).toBe(true);
    expect(fw.areas.slice(1).every((a) => a.priorities.length === 0)).toBe(true);
    expect(fw.abilities.edit).toBe(false);
    expect(fw.years).toContain(2025);
    expect((await read(bz, 2025)).abilities.edit).toBe(true);
  });

  it('a year without a framework reads as empty', async () => {
    expect((await read(observer, 2019)).areas).toEqual([]);
  });

  it('is not read without signing in', async () => {
    expect((await t.call(null, 'GET', '/api/report/framework/2025')).statusCode).toBe(401);
  });
});

describe('editing goals and indicators', () => {
  let goal: Goal;
  let indicator: Indicator;

  it('BZ adds a goal to a priority and an indicator to it, both on record', async () => {
    const fw = await read(bz, 2025);
    const prio = fw.areas[0]!.priorities.find((p) => p.priority === 'defenders_civic_space')!;
    const before = await snapshot();
    const res = await t.call(bz, 'POST', '/api/report/framework/2025/goals', {
      priorityId: prio.id,
      text: 'Mensenrechtenverdedigers zijn beter beschermd',
    });
    expect(res.statusCode, res.body).toBe(201);
    goal = res.json();
    const ind = await t.call(bz, 'POST', `/api/report/framework/goals/${goal.id}/indicators`, {
      text: 'Aantal ondersteunde verdedigers',
      unit: 'personen',
      baseline: '100',
      target: '250',
    });
    expect(ind.statusCode, ind.body).toBe(201);
    indicator = ind.json();
    expect(indicator).toMatchObject({ unit: 'personen', reached: null, version: 1 });
    const after = await snapshot();
    expect(after).toMatchObject({ goals: before.goals + 1, indicators: before.indicators + 1 });
    expect(after.audit).toBe(before.audit + 2);
    const audit = await t.db.query<{ entity_type: string; entity_id: string }>(
      `select entity_type, entity_id from audit_events where entity_type like 'framework_%' order by id desc limit 2`,
    );
    expect(audit.rows.map((r) => r.entity_id).sort()).toEqual([goal.id, indicator.id].sort());
    const again = await read(observer, 2025);
    const g = again.areas[0]!.priorities.find((p) => p.priority === 'defenders_civic_space')!.goals[0]!;
    expect(g.indicators.map((i) => i.text)).toEqual(['Aantal ondersteunde verdedigers']);
  });

  it('BZK records the value reached; a stale edit is refused and changes nothing', async () => {
    const res = await t.call(bzk, 'PATCH', `/api/report/framework/indicators/${indicator.id}`, {
      reached: '180',
      version: indicator.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reached: '180', version: 2 });
    const before = await snapshot();
    const stale = await t.call(bz, 'PATCH', `/api/report/framework/indicators/${indicator.id}`, {
      reached: '999',
      version: indicator.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    indicator = res.json();
  });

  it('a coordinator of another ministry and an observer may not edit; nothing changes', async () => {
    const before = await snapshot();
    const res = await t.call(vws, 'PATCH', `/api/report/framework/goals/${goal.id}`, {
      text: 'Anders',
      version: goal.version,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'framework.edit_forbidden' });
    const obs = await t.call(observer, 'POST', `/api/report/framework/goals/${goal.id}/indicators`, {
      text: 'X',
    });
    expect(obs.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('a goal needs a parent of its own year, and text', async () => {
    const fw = await read(bz, 2025);
    const wrongYear = await t.call(bz, 'POST', '/api/report/framework/2024/goals', {
      areaId: fw.areas[1]!.id,
      text: 'Doel',
    });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json()).toMatchObject({ code: 'framework.goal_parent_missing' });
    const empty = await t.call(bz, 'POST', '/api/report/framework/2025/goals', {
      areaId: fw.areas[1]!.id,
      text: ' ',
    });
    expect(empty.statusCode).toBe(400);
    const both = await t.call(bz, 'POST', '/api/report/framework/2025/goals', {
      areaId: fw.areas[1]!.id,
      priorityId: fw.areas[0]!.priorities[0]!.id,
      text: 'Doel',
    });
    expect(both.statusCode).toBe(400);
  });

  it('edits an area title and a goal', async () => {
    const fw = await read(bz, 2025);
    const area = fw.areas[1]!;
    const res = await t.call(bz, 'PATCH', `/api/report/framework/areas/${area.id}`, {
      titleNl: 'Democratie en rechtsstaat',
      version: area.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const g = await t.call(bz, 'PATCH', `/api/report/framework/goals/${goal.id}`, {
      text: 'Mensenrechtenverdedigers en maatschappelijke ruimte zijn beter beschermd',
      version: goal.version,
    });
    expect(g.statusCode, g.body).toBe(200);
    goal = g.json();
    expect(goal.indicators).toHaveLength(1);
  });
});

describe('copying a year to the next', () => {
  it('copies areas, priorities, goals and indicators without the values reached', async () => {
    const before = await read(bz, 2025);
    const res = await t.call(bz, 'POST', '/api/report/framework/2025/copy');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ from: 2025, to: 2026, goals: 1 });
    const fw = await read(bz, 2026);
    expect(fw.areas.map((a) => a.titleNl)).toEqual(before.areas.map((a) => a.titleNl));
    expect(fw.areas.map((a) => a.id)).not.toEqual(before.areas.map((a) => a.id));
    const g = fw.areas[0]!.priorities.find((p) => p.priority === 'defenders_civic_space')!.goals[0]!;
    expect(g.indicators[0]).toMatchObject({
      text: 'Aantal ondersteunde verdedigers',
      target: '250',
      reached: null,
    });
    expect(fw.years.slice(0, 2)).toEqual([2026, 2025]);
    const src = await read(bz, 2025);
    expect(
      src.areas[0]!.priorities.find((p) => p.priority === 'defenders_civic_space')!.goals[0]!.indicators[0]!
        .reached,
    ).toBe('180');
  });

  it('refuses to copy over an existing year or from an empty one; nothing changes', async () => {
    const before = await snapshot();
    const over = await t.call(bz, 'POST', '/api/report/framework/2025/copy');
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'framework.year_exists', params: { year: 2026 } });
    const empty = await t.call(bz, 'POST', '/api/report/framework/2010/copy');
    expect(empty.statusCode).toBe(404);
    expect(empty.json()).toMatchObject({ code: 'framework.year_empty' });
    const other = await t.call(vws, 'POST', '/api/report/framework/2026/copy');
    expect(other.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('removes a goal with its indicators; a stale removal is refused', async () => {
    const fw = await read(bz, 2026);
    const g = fw.areas[0]!.priorities.find((p) => p.priority === 'defenders_civic_space')!.goals[0]!;
    const stale = await t.call(bz, 'DELETE', `/api/report/framework/goals/${g.id}?version=${g.version + 1}`);
    expect(stale.statusCode).toBe(409);
    const res = await t.call(bz, 'DELETE', `/api/report/framework/goals/${g.id}?version=${g.version}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await count(`select count(*)::int as n from framework_indicators where goal_id = '${g.id}'`)).toBe(
      0,
    );
    const audit = await count(
      `select count(*)::int as n from audit_events where action = 'delete' and entity_id in ('${g.id}', '${g.indicators[0]!.id}')`,
    );
    expect(audit).toBe(2);
  });
});
