import { UPR_INFO_COLUMNS } from '../../recommendations/import-upr-info.ts';
import { ctx, get, sessions, state, type Recipe } from './context.ts';

/** Recommendations without tags (the issues column empty), for the suggestion recipes. */
const untagged = (rows: string[]) => [UPR_INFO_COLUMNS.join(','), ...rows].join('\n');

async function importUntagged(fileName: string, csv: string): Promise<string> {
  const s = sessions.admin!;
  const res = await state.t.app.inject({
    method: 'POST',
    url: `/api/imports/upr-info?fileName=${fileName}`,
    headers: { 'content-type': 'text/csv', cookie: s.cookie, 'x-csrf-token': s.csrf },
    payload: csv,
  });
  return (res.json() as { importId: string }).importId;
}

const idOfSource = async (key: string) =>
  (
    await state.t.db.query<{ id: string }>(
      "select recommendation_id as id from recommendation_sources where kind = 'upr-info' and source_key = $1",
      [key],
    )
  ).rows[0]!.id;

/** The recipes of accepting a suggested tag, one and an import's in bulk. */
export const suggestionRecipes: Record<string, Recipe> = {
  'POST /api/recommendations/:id/suggestions': {
    run: async (call) => {
      await importUntagged(
        'suggest-one.csv',
        untagged([
          '951,Netherlands,WEOG,EU,"Take further measures to combat domestic violence against women and girls.",Norway,WEOG,,Accepted,4,,13',
        ]),
      );
      ctx.suggestOne = await idOfSource('951');
      const s = await get<{ modelVersion: string; items: { termId: string }[] }>(
        `/api/recommendations/${ctx.suggestOne}/suggestions`,
      );
      return call('POST', `/api/recommendations/${ctx.suggestOne}/suggestions`, {
        termId: s.items[0]!.termId,
        modelVersion: s.modelVersion,
        status: 'accepted',
      });
    },
    entity: () => ({ type: 'recommendation', id: ctx.suggestOne! }),
  },
  'POST /api/imports/:id/suggestions/accept': {
    run: async (call) => {
      const importId = await importUntagged(
        'suggest-bulk.csv',
        untagged([
          '952,Netherlands,WEOG,EU,"Ensure that all children with disabilities have access to inclusive education.",Ghana,Africa,,Accepted,4,,13',
        ]),
      );
      ctx.suggestBulk = await idOfSource('952');
      const s = await get<{ modelVersion: string }>(`/api/imports/${importId}/suggestions?pageSize=1`);
      return call('POST', `/api/imports/${importId}/suggestions/accept`, { modelVersion: s.modelVersion });
    },
    entity: () => ({ type: 'recommendation', id: ctx.suggestBulk! }),
  },
};
