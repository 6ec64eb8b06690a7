import { idOf, mem, remember, type Performed, type Recipe } from './context.ts';

/**
 * The recipes of the Human Rights Council membership: a term, its priorities, a pledge (registered as
 * a commitment), resolutions and yearly results. Each leaves an audit row of what it changed.
 */
interface TermBody {
  id: string;
  version: number;
  priorities: { id: string; version: number }[];
  pledges: { id: string }[];
  resolutions: { id: string; version: number }[];
  results: { id: string; version: number }[];
}
const term = () => mem.hrcTerm!.body as TermBody;
const body = (res: Performed) => res.body as TermBody;

export const hrcRecipes: Record<string, Recipe> = {
  'POST /api/hrc/terms': {
    run: (call) =>
      call('POST', '/api/hrc/terms', { startYear: 2090, endYear: 2092, status: 'candidate' }).then(
        remember('hrcTerm'),
      ),
    entity: (res) => ({ type: 'hrc_term', id: idOf(res) }),
  },
  'PATCH /api/hrc/terms/:id': {
    run: (call) =>
      call('PATCH', `/api/hrc/terms/${term().id}`, { status: 'member', version: term().version }),
    entity: () => ({ type: 'hrc_term', id: term().id }),
  },
  'POST /api/hrc/terms/:id/priorities': {
    run: (call) =>
      call('POST', `/api/hrc/terms/${term().id}/priorities`, { title: 'Testprioriteit' }).then(
        remember('hrcPriority'),
      ),
    entity: (res) => ({ type: 'hrc_priority', id: body(res).priorities[0]!.id }),
  },
  'PATCH /api/hrc/priorities/:id': {
    run: (call) => {
      const p = body(mem.hrcPriority!).priorities[0]!;
      return call('PATCH', `/api/hrc/priorities/${p.id}`, { position: 2, version: p.version }).then(
        remember('hrcPriority'),
      );
    },
    entity: (res) => ({ type: 'hrc_priority', id: body(res).priorities[0]!.id }),
  },
  'DELETE /api/hrc/priorities/:id': {
    run: (call) => {
      const p = body(mem.hrcPriority!).priorities[0]!;
      mem.hrcDeletedPriority = { status: 200, body: { id: p.id } };
      return call('DELETE', `/api/hrc/priorities/${p.id}?version=${p.version}`);
    },
    entity: () => ({ type: 'hrc_priority', id: idOf(mem.hrcDeletedPriority!) }),
  },
  'POST /api/hrc/terms/:id/pledges': {
    run: (call) => call('POST', `/api/hrc/terms/${term().id}/pledges`, { text: 'Testtoezegging' }),
    entity: (res) => ({ type: 'hrc_pledge', id: body(res).pledges[0]!.id }),
  },
  'POST /api/hrc/terms/:id/resolutions': {
    run: (call) =>
      call('POST', `/api/hrc/terms/${term().id}/resolutions`, {
        title: 'Testresolutie',
        symbol: 'A/HRC/RES/99/1',
        role: 'lead',
      }).then(remember('hrcResolution')),
    entity: (res) => ({ type: 'hrc_resolution', id: body(res).resolutions[0]!.id }),
  },
  'PATCH /api/hrc/resolutions/:id': {
    run: (call) => {
      const r = body(mem.hrcResolution!).resolutions[0]!;
      return call('PATCH', `/api/hrc/resolutions/${r.id}`, { session: 99, version: r.version }).then(
        remember('hrcResolution'),
      );
    },
    entity: (res) => ({ type: 'hrc_resolution', id: body(res).resolutions[0]!.id }),
  },
  'DELETE /api/hrc/resolutions/:id': {
    run: (call) => {
      const r = body(mem.hrcResolution!).resolutions[0]!;
      mem.hrcDeletedResolution = { status: 200, body: { id: r.id } };
      return call('DELETE', `/api/hrc/resolutions/${r.id}?version=${r.version}`);
    },
    entity: () => ({ type: 'hrc_resolution', id: idOf(mem.hrcDeletedResolution!) }),
  },
  'POST /api/hrc/terms/:id/results': {
    run: (call) =>
      call('POST', `/api/hrc/terms/${term().id}/results`, { year: 2090, text: 'Testresultaat' }).then(
        remember('hrcResult'),
      ),
    entity: (res) => ({ type: 'hrc_result', id: body(res).results[0]!.id }),
  },
  'PATCH /api/hrc/results/:id': {
    run: (call) => {
      const r = body(mem.hrcResult!).results[0]!;
      return call('PATCH', `/api/hrc/results/${r.id}`, {
        text: 'Bijgewerkt testresultaat',
        version: r.version,
      }).then(remember('hrcResult'));
    },
    entity: (res) => ({ type: 'hrc_result', id: body(res).results[0]!.id }),
  },
  'DELETE /api/hrc/results/:id': {
    run: (call) => {
      const r = body(mem.hrcResult!).results[0]!;
      mem.hrcDeletedResult = { status: 200, body: { id: r.id } };
      return call('DELETE', `/api/hrc/results/${r.id}?version=${r.version}`);
    },
    entity: () => ({ type: 'hrc_result', id: idOf(mem.hrcDeletedResult!) }),
  },
};
