import { ctx, state, type Recipe } from './context.ts';

/**
 * The recipes of publishing the follow-up, on the recommendation the recommendations' recipes kept:
 * published and withdrawn one by one, then by ids. Each leaves an audit row of the publication.
 */
const publicationId = async () =>
  (
    await state.t.db.query<{ id: string }>(
      'select id from recommendation_publications where recommendation_id = $1',
      [ctx.mergeKeep],
    )
  ).rows[0]?.id ?? '';
const publication = () => ({ type: 'recommendation_publication', id: ctx.publicationId! });

export const publishRecipes: Record<string, Recipe> = {
  'POST /api/recommendations/:id/followup/publish': {
    run: async (call) => {
      const res = await call('POST', `/api/recommendations/${ctx.mergeKeep}/followup/publish`);
      ctx.publicationId = await publicationId();
      return res;
    },
    entity: publication,
  },
  'POST /api/recommendations/:id/followup/withdraw': {
    run: (call) => call('POST', `/api/recommendations/${ctx.mergeKeep}/followup/withdraw`),
    entity: publication,
  },
  'POST /api/followup/publish': {
    run: async (call) => {
      const res = await call('POST', '/api/followup/publish', { ids: [ctx.mergeKeep] });
      ctx.publicationId = await publicationId();
      return res;
    },
    entity: publication,
  },
  'POST /api/followup/withdraw': {
    run: (call) => call('POST', '/api/followup/withdraw', { ids: [ctx.mergeKeep] }),
    entity: publication,
  },
};
