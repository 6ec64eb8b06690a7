import { addDays, today } from '../../core/dates.ts';
import { ctx, idOf, mem, remember, versionOf, type Recipe } from './context.ts';

const expiresOn = () => addDays(today(), 30);

/** The recipes of personal access tokens and service accounts. */
export const tokenRecipes: Record<string, Recipe> = {
  'POST /api/tokens': {
    as: 'contributor',
    run: (call) =>
      call('POST', '/api/tokens', { name: 'Audit script', expiresOn: expiresOn(), scope: 'read' }).then(
        remember('accessToken'),
      ),
    entity: (res) => ({ type: 'access_token', id: idOf(res) }),
  },
  'DELETE /api/tokens/:id': {
    as: 'contributor',
    run: (call) =>
      call('DELETE', `/api/tokens/${idOf(mem.accessToken!)}?version=${versionOf(mem.accessToken!)}`),
    entity: () => ({ type: 'access_token', id: idOf(mem.accessToken!) }),
  },
  'POST /api/service-accounts': {
    run: (call) =>
      call('POST', '/api/service-accounts', {
        name: 'Audit integration',
        role: 'contributor',
        organisationId: ctx.bzk,
      }).then(remember('serviceAccount')),
    entity: (res) => ({ type: 'user', id: idOf(res) }),
  },
  'POST /api/service-accounts/:id/tokens': {
    run: (call) =>
      call('POST', `/api/service-accounts/${idOf(mem.serviceAccount!)}/tokens`, {
        name: 'Audit integration token',
        expiresOn: expiresOn(),
        scope: 'write',
      }),
    entity: (res) => ({ type: 'access_token', id: idOf(res) }),
  },
};
