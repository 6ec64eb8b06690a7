import { UPR_INFO_COLUMNS } from '../../recommendations/import-upr-info.ts';
import { ctx, get, sessions, state, type Recipe } from './context.ts';

/** Two recommendations of their own, imported for the merge and split recipes. */
const CSV = [
  UPR_INFO_COLUMNS.join(','),
  '901,Netherlands,WEOG,EU,"Strengthen the protection of journalists against threats.",Norway,WEOG,,Accepted,4,"Freedom of expression",13',
  '902,Netherlands,WEOG,EU,"Ensure that sign language is recognised as an official language.",Ghana,Africa,,Noted,4,"Disabilities",13',
].join('\n');

interface Detail {
  id: string;
  version: number;
}
const idOfSource = async (key: string) =>
  (
    await state.t.db.query<{ id: string }>(
      "select recommendation_id as id from recommendation_sources where kind = 'upr-info' and source_key = $1",
      [key],
    )
  ).rows[0]!.id;

/** The recipes of merging two recommendations and taking a source out again. */
export const recommendationRecipes: Record<string, Recipe> = {
  'POST /api/recommendations/:id/merge': {
    run: async (call) => {
      const s = sessions.admin!;
      await state.t.app.inject({
        method: 'POST',
        url: '/api/imports/upr-info?fileName=merge.csv',
        headers: { 'content-type': 'text/csv', cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: CSV,
      });
      ctx.mergeKeep = await idOfSource('901');
      ctx.mergeOther = await idOfSource('902');
      const keep = await get<Detail>(`/api/recommendations/${ctx.mergeKeep}`);
      const other = await get<Detail>(`/api/recommendations/${ctx.mergeOther}`);
      return call('POST', `/api/recommendations/${keep.id}/merge`, {
        otherId: other.id,
        version: keep.version,
        otherVersion: other.version,
      });
    },
    entity: () => ({ type: 'recommendation', id: ctx.mergeKeep! }),
  },
  'POST /api/recommendations/:id/split': {
    run: async (call) => {
      const keep = await get<Detail>(`/api/recommendations/${ctx.mergeKeep}`);
      return call('POST', `/api/recommendations/${keep.id}/split`, {
        sourceKind: 'upr-info',
        sourceKey: '902',
        version: keep.version,
      });
    },
    entity: () => ({ type: 'recommendation', id: ctx.mergeOther! }),
  },
};
