import { get, idOf, mem, remember, versionOf, type Recipe } from './context.ts';

/**
 * The recipes of the results framework: the framework of 2025 copied to 2026, an area renamed,
 * a goal with an indicator added, changed and removed.
 */
interface FrameworkAnswer {
  areas: { id: string; version: number; code: number }[];
}
const area = async (year: number, code: number) =>
  (await get<FrameworkAnswer>(`/api/report/framework/${year}`)).areas.find((a) => a.code === code)!;

export const frameworkRecipes: Record<string, Recipe> = {
  'POST /api/report/framework/:year/copy': {
    run: (call) => call('POST', '/api/report/framework/2025/copy'),
    entity: (res) => ({ type: 'framework_area', id: (res.body as { areas: string[] }).areas[0]! }),
  },
  'PATCH /api/report/framework/areas/:id': {
    run: async (call) => {
      const a = await area(2026, 2);
      return call('PATCH', `/api/report/framework/areas/${a.id}`, {
        titleNl: 'Democratie',
        version: a.version,
      });
    },
    entity: (res) => ({ type: 'framework_area', id: idOf(res) }),
  },
  'POST /api/report/framework/:year/goals': {
    as: 'coordinator',
    run: async (call) =>
      call('POST', '/api/report/framework/2026/goals', {
        areaId: (await area(2026, 4)).id,
        text: 'Straffeloosheid neemt af',
      }).then(remember('frameworkGoal')),
    entity: (res) => ({ type: 'framework_goal', id: idOf(res) }),
  },
  'PATCH /api/report/framework/goals/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/report/framework/goals/${idOf(mem.frameworkGoal!)}`, {
        text: 'Straffeloosheid voor ernstige misdrijven neemt af',
        version: versionOf(mem.frameworkGoal!),
      }).then(remember('frameworkGoal')),
    entity: (res) => ({ type: 'framework_goal', id: idOf(res) }),
  },
  'POST /api/report/framework/goals/:id/indicators': {
    as: 'coordinator',
    run: (call) =>
      call('POST', `/api/report/framework/goals/${idOf(mem.frameworkGoal!)}/indicators`, {
        text: 'Aantal gesteunde onderzoeksmechanismen',
        unit: 'mechanismen',
        target: '5',
      }).then(remember('frameworkIndicator')),
    entity: (res) => ({ type: 'framework_indicator', id: idOf(res) }),
  },
  'PATCH /api/report/framework/indicators/:id': {
    as: 'coordinator',
    run: (call) =>
      call('PATCH', `/api/report/framework/indicators/${idOf(mem.frameworkIndicator!)}`, {
        reached: '4',
        version: versionOf(mem.frameworkIndicator!),
      }).then(remember('frameworkIndicator')),
    entity: (res) => ({ type: 'framework_indicator', id: idOf(res) }),
  },
  'DELETE /api/report/framework/indicators/:id': {
    as: 'coordinator',
    run: (call) =>
      call(
        'DELETE',
        `/api/report/framework/indicators/${idOf(mem.frameworkIndicator!)}?version=${versionOf(mem.frameworkIndicator!)}`,
      ),
    entity: () => ({ type: 'framework_indicator', id: idOf(mem.frameworkIndicator!) }),
  },
  'DELETE /api/report/framework/goals/:id': {
    as: 'coordinator',
    run: (call) =>
      call(
        'DELETE',
        `/api/report/framework/goals/${idOf(mem.frameworkGoal!)}?version=${versionOf(mem.frameworkGoal!)}`,
      ),
    entity: () => ({ type: 'framework_goal', id: idOf(mem.frameworkGoal!) }),
  },
};
