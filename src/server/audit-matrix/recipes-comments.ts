import { ctx, idOf, mem, remember, versionOf, type Recipe } from './context.ts';

/** The recipes of comments (after the follow-up's: they comment on the recommendation kept by the merge). */
export const commentRecipes: Record<string, Recipe> = {
  'POST /api/comments': {
    as: 'contributor',
    run: (call) =>
      call('POST', '/api/comments', {
        kind: 'recommendation',
        id: ctx.mergeKeep,
        body: 'Graag een reactie van @coordinator.bzk@example.org',
      }).then(remember('comment')),
    entity: (res) => ({ type: 'comment', id: idOf(res) }),
  },
  'PATCH /api/comments/:id': {
    as: 'contributor',
    run: (call) =>
      call('PATCH', `/api/comments/${idOf(mem.comment!)}`, {
        body: 'Graag een reactie van @admin.bzk@example.org',
        version: versionOf(mem.comment!),
      }).then(remember('comment')),
    entity: () => ({ type: 'comment', id: idOf(mem.comment!) }),
  },
  'DELETE /api/comments/:id': {
    as: 'contributor',
    run: (call) => call('DELETE', `/api/comments/${idOf(mem.comment!)}?version=${versionOf(mem.comment!)}`),
    entity: () => ({ type: 'comment', id: idOf(mem.comment!) }),
  },
};
